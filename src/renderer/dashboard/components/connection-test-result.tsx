/**
 * What "Test connection" found for one account: a line per step with Zoom's reason when it
 * failed, and the service user's profile, including the avatar every bot will inherit. The
 * report never holds the token or the ZAK, so there is nothing secret to leave out here.
 */
import type { ConnectionTestReport } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';
import { STEP_LABELS, checkMark } from './account-words';

export function ConnectionTestResult({ accountId }: { accountId: string }) {
  const test = useAppStore((state) => state.accountTests.get(accountId));
  if (test === undefined) return null;

  return (
    <div className="connection-test" data-testid="connection-test" aria-live="polite">
      {test.running ? <p className="connection-test-running">Testing…</p> : null}
      {test.error !== null ? (
        <p className="form-alert" role="alert" data-testid="connection-test-error">
          {test.error}
        </p>
      ) : null}
      {test.report !== null ? <Report report={test.report} /> : null}
    </div>
  );
}

function Report({ report }: { report: ConnectionTestReport }) {
  return (
    <>
      <p className={report.ok ? 'test-verdict test-ok' : 'test-verdict test-failed'}>
        {report.ok ? 'Connection works.' : 'Connection failed.'}
      </p>
      <ul className="test-steps" aria-label="Test steps">
        {report.steps.map(({ step, ok, message }) => (
          <li
            key={step}
            className={ok ? 'test-step test-ok' : 'test-step test-failed'}
            data-testid="connection-test-step"
            data-step={step}
            data-ok={ok}
          >
            <span className="test-mark" aria-hidden="true">
              {checkMark(ok)}
            </span>
            <span>
              <strong>{STEP_LABELS[step]}</strong>
              <span className="visually-hidden">{ok ? ' passed' : ' failed'}</span>: {message}
            </span>
          </li>
        ))}
      </ul>
      {report.profile !== null ? <Profile profile={report.profile} /> : null}
    </>
  );
}

function Profile({ profile }: { profile: NonNullable<ConnectionTestReport['profile']> }) {
  return (
    <figure className="test-profile" data-testid="connection-test-profile">
      {profile.avatarUrl ? (
        <img
          src={profile.avatarUrl}
          alt="Avatar every bot inherits"
          width={48}
          height={48}
          data-testid="connection-test-avatar"
        />
      ) : (
        <span className="avatar-placeholder" aria-hidden="true" />
      )}
      <figcaption>
        <strong>{profile.displayName}</strong>
        <span>{profile.email}</span>
        <span>
          {profile.userType} · {profile.status}
        </span>
        <span className="hint">
          {profile.avatarUrl
            ? 'Bots of this account join with this avatar.'
            : 'No avatar: bots of this account join without one.'}
        </span>
      </figcaption>
    </figure>
  );
}
