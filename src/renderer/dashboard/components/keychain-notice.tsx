/**
 * Says, before the operator types any secret, that Zoom accounts cannot be saved because the
 * system keychain is unavailable: why, and what to install and run to enable it on this OS.
 * Sandbox mode needs no keychain, so this is a notice, not an error.
 */
import { useAppStore } from '../store/store-context';

export function KeychainNotice() {
  const keychain = useAppStore((state) => state.keychain);
  if (keychain.available) return null;
  return (
    <section
      className="card keychain-notice"
      role="status"
      aria-labelledby="keychain-notice-title"
      data-testid="keychain-unavailable"
      data-problem={keychain.problem ?? undefined}
    >
      <h3 id="keychain-notice-title" className="keychain-notice-title">
        System keychain unavailable: Zoom accounts cannot be saved
      </h3>
      <p data-testid="keychain-reason">{keychain.message}</p>
      {keychain.steps.length > 0 ? (
        <>
          <p className="keychain-steps-title">To enable it:</p>
          <ol className="keychain-steps" data-testid="keychain-steps">
            {keychain.steps.map((step) => (
              <li key={step.text}>
                {step.text}
                {step.command === null ? null : (
                  <pre className="keychain-command">
                    <code>{step.command}</code>
                  </pre>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
