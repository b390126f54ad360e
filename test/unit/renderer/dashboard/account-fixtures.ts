import { expect, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import {
  KEYCHAIN_AVAILABLE,
  type AccountView,
  type AppMode,
} from '../../../../src/shared/ipc-contract';
import {
  createFakeDashboard,
  emptySnapshot,
  type FakeDashboard,
} from '../helpers/fake-dashboard-api';

/** An account view with sensible defaults; tests override what they are about. */
export function makeAccount(overrides: Partial<AccountView> & { id: string }): AccountView {
  return {
    label: `Account ${overrides.id}`,
    displayName: 'Support Bot',
    email: 'bots@example.com',
    avatarUrl: null,
    isSandbox: false,
    hasSecrets: true,
    serviceUser: 'bots@example.com',
    plan: 'pro',
    lastTest: null,
    ...overrides,
  };
}

export const sandboxAccount = (): AccountView =>
  makeAccount({ id: 'sandbox', label: 'Demo', isSandbox: true, hasSecrets: false });

/** Values nobody would type by accident, so finding them anywhere means they leaked. */
export const SECRETS = {
  s2sAccountId: 'acct-CANARY-1',
  clientId: 'client-CANARY-2',
  clientSecret: 'secret-CANARY-3',
  sdkKey: 'sdk-CANARY-4',
  sdkSecret: 'sdksecret-CANARY-5',
} as const;

/** True when any credential typed in a test is still somewhere in the store's state. */
export function storeHoldsSecrets(store: AppStore): boolean {
  const text = JSON.stringify(store.getState(), (_key, value: unknown) =>
    value instanceof Map ? [...value] : value,
  );
  return Object.values(SECRETS).some((secret) => text.includes(secret));
}

/** A started store whose snapshot holds these accounts, loaded before it returns. */
export async function storeWithAccounts(
  accounts: AccountView[],
  mode: AppMode = 'sandbox',
  fake: FakeDashboard = createFakeDashboard(),
): Promise<{ store: AppStore; fake: FakeDashboard }> {
  fake.answers.getSnapshot = () =>
    Promise.resolve({ ok: true, value: emptySnapshot({ mode, accounts }) });
  fake.accountsState = { mode, accounts, keychain: KEYCHAIN_AVAILABLE };
  const store = createAppStore({ api: fake.api });
  store.getState().start();
  await vi.waitFor(() => expect(store.getState().loading).toBe(false));
  return { store, fake };
}

export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
