/**
 * Adding, changing and removing the operator's Zoom accounts. Order matters for "nothing
 * lost, nothing half-done": secrets go to the keychain first, and only then does the account
 * appear in the settings file; removal deletes the secrets first, so a keychain failure leaves
 * the account listed (and fixable) instead of orphaning its secrets.
 */
import { randomUUID } from 'node:crypto';
import {
  fail,
  ok,
  type AccountsState,
  type Result,
  type SaveAccountRequest,
} from '../../shared/ipc-contract';
import { SaveAccountRequestSchema } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings';
import type { CredentialVault } from '../vault';
import { accountErrorCode, describeAccountError } from './account-errors';
import type { AccountEntry } from './account-entries';

export interface StoredAccountDeps {
  settings: SettingsStore;
  vault: () => Promise<CredentialVault>;
  entries: Map<string, AccountEntry>;
  /** Drops the cached Zoom client (and its token) of an account whose credentials changed. */
  forgetClient(accountId: string): void;
  /** Re-reads the stored accounts into `entries`. */
  reload(): Promise<void>;
  state(): AccountsState;
  logger: Logger;
}

export async function saveStoredAccount(
  deps: StoredAccountDeps,
  raw: SaveAccountRequest,
): Promise<Result<AccountsState>> {
  const request = SaveAccountRequestSchema.parse(raw);
  const existing = request.accountId === undefined ? null : deps.entries.get(request.accountId);
  if (request.accountId !== undefined && !existing?.record) {
    return existing?.builtIn
      ? fail('read_only', 'The sandbox account is built in and cannot be changed.')
      : fail('unknown_account', 'That account is not set up in Botdeck.');
  }
  const record = existing?.record ?? null;
  const { credentials } = request;
  // Zoom's ids come from the new credentials, or stay as they were.
  const ids = credentials ?? record;
  if (!ids) return fail('invalid_request', 'A new account needs its credentials.');
  const id = record?.id ?? `zoom-${randomUUID().slice(0, 8)}`;
  try {
    if (credentials) {
      const vault = await deps.vault();
      await vault.setSecrets(id, {
        clientSecret: credentials.clientSecret,
        sdkSecret: credentials.sdkSecret,
      });
      deps.forgetClient(id);
    }
    await deps.settings.upsertAccount({
      id,
      label: request.label,
      userId: request.serviceUser,
      plan: request.plan,
      s2sAccountId: ids.s2sAccountId,
      clientId: ids.clientId,
      sdkKey: ids.sdkKey,
      // New credentials or a new user make the last test meaningless.
      lastTest:
        record && !credentials && request.serviceUser === record.userId ? record.lastTest : null,
    });
    if (request.serviceUser !== record?.userId) deps.forgetClient(id);
    await deps.reload();
    deps.logger.info('Account saved', { accountId: id, newCredentials: credentials !== undefined });
    return ok(deps.state());
  } catch (error) {
    deps.logger.warn('Could not save an account', {
      accountId: id,
      problem: accountErrorCode(error),
    });
    return fail(accountErrorCode(error), describeAccountError(error));
  }
}

export async function removeStoredAccount(
  deps: StoredAccountDeps,
  accountId: string,
): Promise<Result<AccountsState>> {
  const entry = deps.entries.get(accountId);
  if (!entry) return fail('unknown_account', 'That account is not set up in Botdeck.');
  if (!entry.record) {
    return fail('read_only', 'The sandbox account is built in and cannot be removed.');
  }
  try {
    const vault = await deps.vault();
    await vault.deleteSecrets(accountId);
    await deps.settings.removeAccount(accountId);
    deps.forgetClient(accountId);
    await deps.reload();
    deps.logger.info('Account removed', { accountId });
    return ok(deps.state());
  } catch (error) {
    deps.logger.warn('Could not remove an account', {
      accountId,
      problem: accountErrorCode(error),
    });
    return fail(accountErrorCode(error), describeAccountError(error));
  }
}
