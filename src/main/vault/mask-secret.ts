/**
 * Keeping secret values out of logs, JSON and IPC. `maskSecret` is for the rare log line that
 * must mention a secret at all; `sealSecrets` wraps the secrets the vault hands to main so that
 * the usual ways an object escapes (JSON, string conversion, console/inspect, structured clone
 * over IPC) show nothing but masks.
 */
import type { AccountSecrets } from './vault-schemas';

const MASK = '••••';

/**
 * A log-safe stand-in for a secret: only its length, e.g. `•••• (32 chars)`. No characters of
 * the value are shown: a prefix and suffix of a 32-character secret would give away 4 of them.
 */
export function maskSecret(value: string): string {
  if (value.length === 0) return '(empty)';
  return `${MASK} (${value.length} ${value.length === 1 ? 'char' : 'chars'})`;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Returns the secrets as a frozen object whose two fields are readable by name but
 * NON-enumerable: `JSON.stringify`, `String()`, `console.log`/`util.inspect`, `Object.entries`,
 * spreading and Electron's structured clone (which copies only enumerable own properties) all
 * see masks or nothing. Read `secrets.clientSecret` and `secrets.sdkSecret` explicitly where a
 * secret is genuinely needed (minting a token or a signature).
 */
export function sealSecrets(secrets: AccountSecrets): AccountSecrets {
  const masked = (): Record<keyof AccountSecrets, string> => ({
    clientSecret: maskSecret(secrets.clientSecret),
    sdkSecret: maskSecret(secrets.sdkSecret),
  });
  const sealed = Object.create(null) as AccountSecrets;
  Object.defineProperties(sealed, {
    clientSecret: { value: secrets.clientSecret, enumerable: false },
    sdkSecret: { value: secrets.sdkSecret, enumerable: false },
    toJSON: { value: masked, enumerable: false },
    toString: {
      value: () =>
        `AccountSecrets { clientSecret: ${masked().clientSecret}, sdkSecret: ${masked().sdkSecret} }`,
      enumerable: false,
    },
    [INSPECT]: { value: () => `[AccountSecrets ${JSON.stringify(masked())}]`, enumerable: false },
  });
  return Object.freeze(sealed);
}

/**
 * Replaces every occurrence of the given secrets in `text` with a mask. Used on error text that
 * came from outside the vault (keychain libraries), as a last line of defence.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join(MASK);
  }
  return out;
}
