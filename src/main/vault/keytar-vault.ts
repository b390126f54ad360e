/**
 * The credential vault: account secrets in the OS keychain through keytar, with no plaintext
 * fallback. Layout of the entries: `keychain-keys.ts`. Error mapping: `vault-errors.ts`.
 *
 * libsecret reports a locked or missing keyring on reads by returning nothing (and keytar's
 * findCredentials crashes the process on a locked keyring), so whenever a read comes back empty,
 * and always before listing, the vault first writes a fixed non-secret probe entry: that write
 * fails loudly on a locked or missing keyring, which turns "no secrets" into the truthful
 * `VaultUnavailableError` and keeps findCredentials away from locked items.
 */
import {
  DEFAULT_SERVICE,
  PROBE_ENTRY,
  PROBE_VALUE,
  SECRET_FIELDS,
  accountIdOfEntry,
  entryName,
} from './keychain-keys';
import type { KeytarLike } from './load-keytar';
import { redactSecrets, sealSecrets } from './mask-secret';
import {
  VaultInputError,
  VaultUnavailableError,
  classifyKeychainMessage,
  messageOf,
} from './vault-errors';
import {
  AccountIdSchema,
  SECRET_FIELD_WORDS,
  SecretsPatchSchema,
  type AccountSecrets,
} from './vault-schemas';

/** The main process's only access to account secrets. */
export interface CredentialVault {
  /** Sets or replaces the given secrets (undefined fields are left as they are). */
  setSecrets(accountId: string, secrets: Partial<AccountSecrets>): Promise<void>;
  /**
   * Main-only read for minting; null when either secret is missing. The result is sealed
   * (`sealSecrets`): read the two fields by name; JSON, logs and IPC see only masks.
   */
  readSecrets(accountId: string): Promise<AccountSecrets | null>;
  /** What the dashboard may know. */
  secretStatus(accountId: string): Promise<{ hasClientSecret: boolean; hasSdkSecret: boolean }>;
  deleteSecrets(accountId: string): Promise<void>;
  /** Account ids that have at least one secret stored, sorted. */
  listAccountIds(): Promise<string[]>;
  /**
   * Fails with `VaultUnavailableError` when the keychain cannot be used, touching no secret.
   * On Linux it writes the probe entry: a Secret Service that is missing, has no keyring or is
   * locked says so only on a write. The macOS Keychain and Windows Credential Manager are there
   * whenever the user is logged in, and a write there could raise a prompt, so loading keytar
   * is the whole check.
   */
  checkAvailable(): Promise<void>;
}

export interface KeytarVaultOptions {
  keytar: KeytarLike;
  /** Keychain service name; `"Botdeck"` unless a test isolates itself. */
  service?: string;
  /** `process.platform` by default; picks the words of `VaultUnavailableError`. */
  platform?: string;
}

/**
 * Builds the vault over keytar (or anything shaped like it).
 *
 * Every method validates its inputs (`VaultInputError`) and fails with `VaultUnavailableError`
 * when the keychain cannot be used. Calls run one at a time, so two saves of the same account
 * never interleave their two entries. `setSecrets` with both fields writes two entries; if the
 * keychain fails between them, the first may already be replaced; saving again fixes it.
 */
export function createKeytarVault(options: KeytarVaultOptions): CredentialVault {
  const { keytar } = options;
  const service = options.service ?? DEFAULT_SERVICE;
  const platform = options.platform ?? process.platform;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs calls one after another; a failed call does not block the next. */
  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Calls keytar, turning any failure into `VaultUnavailableError` with a redacted cause. */
  async function keychain<T>(call: () => Promise<T>, handled: readonly string[] = []): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const cause = redactSecrets(messageOf(error), handled);
      throw new VaultUnavailableError(classifyKeychainMessage(cause), { platform, cause });
    }
  }

  /** Fails with `VaultUnavailableError` unless the default keyring exists and is unlocked. */
  async function assertWritable(): Promise<void> {
    await keychain(() => keytar.setPassword(service, PROBE_ENTRY, PROBE_VALUE));
  }

  async function readEntries(accountId: string): Promise<[string | null, string | null]> {
    const values = await Promise.all([
      keychain(() => keytar.getPassword(service, entryName(accountId, 'clientSecret'))),
      keychain(() => keytar.getPassword(service, entryName(accountId, 'sdkSecret'))),
    ]);
    if (values[0] === null || values[1] === null) await assertWritable();
    return values;
  }

  return {
    setSecrets: async (accountId, secrets) => {
      const id = parseAccountId(accountId);
      const patch = SecretsPatchSchema.safeParse(secrets);
      if (!patch.success) throw secretsInputError(patch.error.issues);
      return serially(async () => {
        for (const field of SECRET_FIELDS) {
          const value = patch.data[field];
          if (value === undefined) continue;
          await keychain(() => keytar.setPassword(service, entryName(id, field), value), [value]);
        }
      });
    },

    readSecrets: async (accountId) => {
      const id = parseAccountId(accountId);
      return serially(async () => {
        const [clientSecret, sdkSecret] = await readEntries(id);
        if (clientSecret === null || sdkSecret === null) return null;
        return sealSecrets({ clientSecret, sdkSecret });
      });
    },

    secretStatus: async (accountId) => {
      const id = parseAccountId(accountId);
      return serially(async () => {
        const [clientSecret, sdkSecret] = await readEntries(id);
        return { hasClientSecret: clientSecret !== null, hasSdkSecret: sdkSecret !== null };
      });
    },

    deleteSecrets: async (accountId) => {
      const id = parseAccountId(accountId);
      return serially(async () => {
        let allDeleted = true;
        for (const field of SECRET_FIELDS) {
          const deleted = await keychain(() =>
            keytar.deletePassword(service, entryName(id, field)),
          );
          allDeleted &&= deleted;
        }
        // A locked keyring answers "nothing deleted" without an error; tell that apart from
        // "there was nothing to delete".
        if (!allDeleted) await assertWritable();
      });
    },

    listAccountIds: () =>
      serially(async () => {
        await assertWritable();
        const credentials = await keychain(() => keytar.findCredentials(service));
        // Only the entry names are kept; the passwords keytar returns alongside are dropped here.
        const ids = new Set<string>();
        for (const { account } of credentials) {
          const id = accountIdOfEntry(account);
          if (id !== null) ids.add(id);
        }
        return [...ids].sort();
      }),

    checkAvailable: async () => {
      if (platform === 'linux') await serially(assertWritable);
    },
  };
}

function parseAccountId(accountId: unknown): string {
  const parsed = AccountIdSchema.safeParse(accountId);
  if (!parsed.success) {
    throw new VaultInputError(
      'accountId',
      parsed.error.issues[0]?.message ?? 'Invalid account id.',
    );
  }
  return parsed.data;
}

/** Words for a rejected secrets patch; zod's issues carry paths and rules, never the values. */
function secretsInputError(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string }>,
): VaultInputError {
  const issue = issues[0];
  const field = issue?.path[0];
  if (field === 'clientSecret' || field === 'sdkSecret') {
    const rule = issue?.code === 'invalid_type' ? 'must be text' : (issue?.message ?? 'is invalid');
    return new VaultInputError(field, `${SECRET_FIELD_WORDS[field]} ${rule}.`);
  }
  return new VaultInputError(
    'secrets',
    issue?.code === 'unrecognized_keys'
      ? 'Only clientSecret and sdkSecret can be stored.'
      : 'Secrets must be given as { clientSecret?, sdkSecret? } strings.',
  );
}
