import { describe, expect, it, vi } from 'vitest';
import type { AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import {
  KEYCHAIN_AVAILABLE,
  type AccountsState,
  type Result,
} from '../../../../src/shared/ipc-contract';
import {
  SECRETS,
  deferred,
  makeAccount,
  sandboxAccount,
  storeHoldsSecrets,
  storeWithAccounts,
} from './account-fixtures';

/** Fills the editor the way an operator would, credentials included. */
function typeNewAccount(store: AppStore, label = 'Support'): void {
  const s = store.getState();
  s.openNewAccount();
  s.setAccountField('label', label);
  s.setAccountField('serviceUser', 'bots@example.com');
  s.setAccountPlan('business');
  for (const [field, value] of Object.entries(SECRETS)) {
    store.getState().setAccountCredential(field as keyof typeof SECRETS, value);
  }
}

const vaultLocked: Result<AccountsState> = {
  ok: false,
  error: {
    code: 'vault_unavailable',
    message: 'The system keychain is locked. Unlock it (or install gnome-keyring) and save again.',
  },
};

describe('adding a Zoom account', () => {
  it('replaces mode and accounts with main’s answer and closes the editor', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount()]);
    const added = makeAccount({ id: 'acc-1', label: 'Support' });
    fake.answers.saveAccount = () =>
      Promise.resolve({
        ok: true,
        value: { mode: 'zoom', accounts: [sandboxAccount(), added], keychain: KEYCHAIN_AVAILABLE },
      });

    typeNewAccount(store);
    expect(await store.getState().saveAccount()).toBe(true);

    expect(store.getState().mode).toBe('zoom');
    expect(store.getState().accounts.map((account) => account.id)).toEqual(['sandbox', 'acc-1']);
    expect(store.getState().accountEditor).toBeNull();
    expect(fake.requests.saveAccount).toEqual([
      {
        label: 'Support',
        serviceUser: 'bots@example.com',
        plan: 'business',
        credentials: { ...SECRETS },
      },
    ]);
  });

  it('sends trimmed values, as the contract’s schema reads them', async () => {
    const { store, fake } = await storeWithAccounts([]);
    typeNewAccount(store, '  Support  ');
    store.getState().setAccountCredential('clientSecret', `  ${SECRETS.clientSecret}  `);
    await store.getState().saveAccount();
    expect(fake.requests.saveAccount[0]?.label).toBe('Support');
    expect(fake.requests.saveAccount[0]?.credentials?.clientSecret).toBe(SECRETS.clientSecret);
  });

  it('shows “Saving…” state while main works, then forgets the secrets', async () => {
    const { store, fake } = await storeWithAccounts([]);
    const answer = deferred<Result<AccountsState>>();
    fake.answers.saveAccount = () => answer.promise;
    typeNewAccount(store);

    const saving = store.getState().saveAccount();
    expect(store.getState().accountEditor?.submitting).toBe(true);
    answer.resolve({
      ok: true,
      value: { mode: 'zoom', accounts: [makeAccount({ id: 'a' })], keychain: KEYCHAIN_AVAILABLE },
    });
    await saving;

    expect(storeHoldsSecrets(store)).toBe(false);
  });
});

describe('account editor validation', () => {
  it('asks for a label, and for every credential of a new account, in the contract’s words', async () => {
    const { store, fake } = await storeWithAccounts([]);
    store.getState().openNewAccount();
    store.getState().setAccountField('label', '   ');
    store.getState().setAccountField('serviceUser', 'bots@example.com');

    expect(await store.getState().saveAccount()).toBe(false);
    expect(store.getState().accountEditor?.errors).toEqual({
      label: 'Give the account a label.',
      s2sAccountId: 'Enter the Server-to-Server OAuth account ID.',
      clientId: 'Enter the Server-to-Server OAuth client ID.',
      clientSecret: 'Enter the Server-to-Server OAuth client secret.',
      sdkKey: 'Enter the Meeting SDK client ID.',
      sdkSecret: 'Enter the Meeting SDK client secret.',
    });
    expect(fake.requests.saveAccount).toEqual([]);
  });

  it('refuses spaces inside a secret and keeps what was typed for correcting', async () => {
    const { store, fake } = await storeWithAccounts([]);
    typeNewAccount(store);
    store.getState().setAccountCredential('sdkSecret', 'half one');

    expect(await store.getState().saveAccount()).toBe(false);
    const editor = store.getState().accountEditor;
    expect(editor?.errors).toEqual({
      sdkSecret: 'The Meeting SDK client secret cannot contain spaces.',
    });
    expect(editor?.credentials.clientSecret).toBe(SECRETS.clientSecret);
    expect(fake.requests.saveAccount).toEqual([]);
  });

  it('words limits the contract leaves to zod’s defaults, and clears a field’s error on edit', async () => {
    const { store } = await storeWithAccounts([]);
    typeNewAccount(store, 'x'.repeat(65));
    await store.getState().saveAccount();
    expect(store.getState().accountEditor?.errors).toEqual({
      label: 'The label can be at most 64 characters.',
    });

    store.getState().setAccountField('label', 'Support');
    expect(store.getState().accountEditor?.errors).toEqual({});
  });
});

describe('secrets in the editor', () => {
  it('a failed save shows main’s reason, keeps the other fields and drops the secrets', async () => {
    const { store, fake } = await storeWithAccounts([]);
    fake.answers.saveAccount = () => Promise.resolve(vaultLocked);
    typeNewAccount(store);

    expect(await store.getState().saveAccount()).toBe(false);
    const editor = store.getState().accountEditor;
    expect(editor?.saveError).toBe(
      'The system keychain is locked. Unlock it (or install gnome-keyring) and save again.',
    );
    expect(editor?.secretsCleared).toBe(true);
    expect(editor?.submitting).toBe(false);
    expect(editor).toMatchObject({
      label: 'Support',
      serviceUser: 'bots@example.com',
      plan: 'business',
    });
    expect(storeHoldsSecrets(store)).toBe(false);
    expect(store.getState().accounts).toEqual([]);
  });

  it('a save that throws is reported in plain words and drops the secrets too', async () => {
    const { store, fake } = await storeWithAccounts([]);
    fake.answers.saveAccount = () => Promise.reject(new Error('bridge broke'));
    typeNewAccount(store);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await store.getState().saveAccount()).toBe(false);
    logged.mockRestore();
    expect(store.getState().accountEditor?.saveError).toBe(
      'Something went wrong inside Botdeck. Details are in the log.',
    );
    expect(storeHoldsSecrets(store)).toBe(false);
  });

  it('closing the editor forgets what was typed', async () => {
    const { store } = await storeWithAccounts([]);
    typeNewAccount(store);
    expect(storeHoldsSecrets(store)).toBe(true);
    store.getState().closeAccountEditor();
    expect(store.getState().accountEditor).toBeNull();
    expect(storeHoldsSecrets(store)).toBe(false);
  });

  it('an answer that arrives after the editor closed does not reopen it', async () => {
    const { store, fake } = await storeWithAccounts([]);
    const answer = deferred<Result<AccountsState>>();
    fake.answers.saveAccount = () => answer.promise;
    typeNewAccount(store);
    const saving = store.getState().saveAccount();
    store.getState().closeAccountEditor();
    answer.resolve(vaultLocked);
    await saving;
    expect(store.getState().accountEditor).toBeNull();
  });
});

describe('editing an existing account', () => {
  const existing = makeAccount({ id: 'acc-1', label: 'Support', plan: 'free' });

  it('opens with the non-secret fields and no credentials', async () => {
    const { store } = await storeWithAccounts([sandboxAccount(), existing]);
    store.getState().openEditAccount('acc-1');
    expect(store.getState().accountEditor).toMatchObject({
      accountId: 'acc-1',
      label: 'Support',
      serviceUser: 'bots@example.com',
      plan: 'free',
      replaceCredentials: false,
      credentials: { s2sAccountId: '', clientId: '', clientSecret: '', sdkKey: '', sdkSecret: '' },
    });
  });

  it('without “Replace credentials”, main receives no credentials at all', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount(), existing]);
    store.getState().openEditAccount('acc-1');
    store.getState().setAccountField('label', 'Support EU');
    expect(await store.getState().saveAccount()).toBe(true);
    expect(fake.requests.saveAccount).toEqual([
      { accountId: 'acc-1', label: 'Support EU', serviceUser: 'bots@example.com', plan: 'free' },
    ]);
    expect(fake.requests.saveAccount[0]).not.toHaveProperty('credentials');
  });

  it('with “Replace credentials”, all five are required and sent', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount(), existing]);
    store.getState().openEditAccount('acc-1');
    store.getState().setReplaceCredentials(true);
    expect(await store.getState().saveAccount()).toBe(false);
    expect(Object.keys(store.getState().accountEditor?.errors ?? {})).toEqual([
      's2sAccountId',
      'clientId',
      'clientSecret',
      'sdkKey',
      'sdkSecret',
    ]);

    for (const [field, value] of Object.entries(SECRETS)) {
      store.getState().setAccountCredential(field as keyof typeof SECRETS, value);
    }
    expect(await store.getState().saveAccount()).toBe(true);
    expect(fake.requests.saveAccount.at(-1)?.credentials).toEqual(SECRETS);
  });

  it('unchecking “Replace credentials” drops what was typed', async () => {
    const { store } = await storeWithAccounts([existing]);
    store.getState().openEditAccount('acc-1');
    store.getState().setReplaceCredentials(true);
    store.getState().setAccountCredential('clientSecret', SECRETS.clientSecret);
    store.getState().setReplaceCredentials(false);
    expect(storeHoldsSecrets(store)).toBe(false);
  });

  it('a failed save without new credentials does not ask to retype secrets', async () => {
    const { store, fake } = await storeWithAccounts([existing]);
    fake.answers.saveAccount = () => Promise.resolve(vaultLocked);
    store.getState().openEditAccount('acc-1');
    await store.getState().saveAccount();
    expect(store.getState().accountEditor?.secretsCleared).toBe(false);
    expect(store.getState().accountEditor?.saveError).toMatch(/keychain is locked/);
  });

  it('the sandbox account cannot be edited', async () => {
    const { store } = await storeWithAccounts([sandboxAccount()]);
    store.getState().openEditAccount('sandbox');
    expect(store.getState().accountEditor).toBeNull();
  });
});
