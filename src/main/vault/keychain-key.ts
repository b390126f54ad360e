/**
 * A random key Botdeck keeps in the OS keychain to seal data it must keep on disk (the roster's
 * meeting passcodes): an entry of its own, never a Zoom secret, made on first use. Files hold
 * only what the key sealed, so a copied data folder is useless without this user's keychain.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SERVICE } from './keychain-keys';
import type { KeytarLike } from './load-keytar';
import { redactSecrets } from './mask-secret';
import { VaultUnavailableError, classifyKeychainMessage, messageOf } from './vault-errors';

/** The entry of the roster's key. No `:`, so it is never taken for an account's secret. */
export const ROSTER_KEY_ENTRY = 'roster-key';

/** AES-256. */
export const KEYCHAIN_KEY_BYTES = 32;

export interface KeychainKeyOptions {
  keytar: KeytarLike;
  entry: string;
  /** Keychain service name; `"Botdeck"` unless a test isolates itself. */
  service?: string;
  /** `process.platform` by default; picks the words of `VaultUnavailableError`. */
  platform?: string;
}

/**
 * The key under `entry`, made and stored the first time.
 *
 * @throws VaultUnavailableError when the keychain cannot be used. A locked or missing keyring
 * answers a read with nothing, but refuses the write that follows, so it never passes for "no
 * key yet" with a key that was not stored.
 */
export async function loadKeychainKey(options: KeychainKeyOptions): Promise<Buffer> {
  const { keytar, entry } = options;
  const service = options.service ?? DEFAULT_SERVICE;
  const platform = options.platform ?? process.platform;
  const keychain = async <T>(call: () => Promise<T>, secret = ''): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      const cause = redactSecrets(messageOf(error), [secret]);
      throw new VaultUnavailableError(classifyKeychainMessage(cause), { platform, cause });
    }
  };
  const stored = await keychain(() => keytar.getPassword(service, entry));
  const existing = stored === null ? null : Buffer.from(stored, 'base64');
  if (existing?.length === KEYCHAIN_KEY_BYTES) return existing;
  const key = randomBytes(KEYCHAIN_KEY_BYTES);
  const encoded = key.toString('base64');
  await keychain(() => keytar.setPassword(service, entry, encoded), encoded);
  return key;
}
