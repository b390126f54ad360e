/**
 * Operator words for whatever can go wrong around accounts: the keychain, the settings file,
 * Zoom. Anything unexpected gets a generic sentence; the detail goes to the log, never a secret.
 */
import { SettingsInputError } from '../settings';
import { VaultInputError, VaultUnavailableError } from '../vault';
import { isZoomApiError } from '../zoom/zoom-api-error';

/** An account whose secrets are not in the keychain (any more). */
export class MissingSecretsError extends Error {
  override readonly name = 'MissingSecretsError';
  constructor(label: string) {
    super(`No secrets are stored for “${label}”. Edit the account and enter its credentials.`);
  }
}

export function describeAccountError(error: unknown): string {
  if (error instanceof VaultUnavailableError) return error.operatorMessage;
  if (error instanceof VaultInputError || error instanceof SettingsInputError) return error.message;
  if (error instanceof MissingSecretsError) return error.message;
  if (isZoomApiError(error)) return error.operatorMessage;
  return 'Botdeck could not update the account; see the log.';
}

/** A stable code for the dashboard, so it can tell a keychain problem from bad input. */
export function accountErrorCode(error: unknown): string {
  if (error instanceof VaultUnavailableError) return 'vault_unavailable';
  if (error instanceof VaultInputError || error instanceof SettingsInputError) {
    return 'invalid_request';
  }
  if (error instanceof MissingSecretsError) return 'missing_secrets';
  return 'account_error';
}
