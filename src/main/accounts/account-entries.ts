/**
 * The in-memory book of accounts the service keeps: one entry per account, with its view for
 * the dashboard and where its credentials come from (a built-in config, or a stored record
 * whose secrets are in the keychain).
 */
import type { AccountView, AccountsState, AppMode, KeychainView } from '../../shared/ipc-contract';
import type { AccountConfig } from './account-config';
import type { AccountRecord } from '../settings';

export interface AccountEntry {
  view: AccountView;
  /** Set for built-in accounts (the sandbox's demo account). */
  builtIn: AccountConfig | null;
  /** Set for accounts the operator stored. */
  record: AccountRecord | null;
}

export function builtInView(config: AccountConfig): AccountView {
  return {
    id: config.id,
    label: config.label,
    displayName: config.label,
    email: '',
    avatarUrl: null,
    isSandbox: config.isSandbox,
    hasSecrets: config.clientSecret !== '' && config.sdkSecret !== '',
    serviceUser: config.userId,
    plan: 'pro',
    lastTest: null,
  };
}

/** Keeps what an earlier profile fetch learned (name, email, avatar) across reloads. */
export function storedView(
  record: AccountRecord,
  hasSecrets: boolean,
  previous: AccountView | undefined,
): AccountView {
  return {
    id: record.id,
    label: record.label,
    displayName: previous?.displayName ?? record.label,
    email: previous?.email ?? '',
    avatarUrl: previous?.avatarUrl ?? null,
    isSandbox: false,
    hasSecrets,
    serviceUser: record.userId,
    plan: record.plan,
    lastTest: record.lastTest,
  };
}

/**
 * Stored Zoom accounts come first, so the launch default is a real account once there is one;
 * the app is in Zoom mode as soon as one has its secrets.
 */
export function accountsState(
  entries: Iterable<AccountEntry>,
  keychain: KeychainView,
): AccountsState {
  const accounts = [...entries].map((entry) => ({ ...entry.view }));
  accounts.sort((a, b) => Number(a.isSandbox) - Number(b.isSandbox));
  const mode: AppMode = accounts.some((view) => !view.isSandbox && view.hasSecrets)
    ? 'zoom'
    : 'sandbox';
  return { mode, accounts, keychain };
}
