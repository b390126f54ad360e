import { describe, expect, it } from 'vitest';
import {
  KEYCHAIN_AVAILABLE,
  type AccountsState,
  type ConnectionTestReport,
  type Result,
} from '../../../../src/shared/ipc-contract';
import { passingReport } from '../helpers/fake-dashboard-api';
import { deferred, makeAccount, sandboxAccount, storeWithAccounts } from './account-fixtures';

const support = makeAccount({ id: 'acc-1', label: 'Support' });
const sales = makeAccount({ id: 'acc-2', label: 'Sales' });

describe('test connection', () => {
  it('keeps the report for the card and takes the accounts from main’s answer', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount(), support]);
    const tested = { ...support, lastTest: { at: 5_000, ok: true, summary: 'All steps passed.' } };
    const answer = deferred<Result<{ report: ConnectionTestReport; state: AccountsState }>>();
    fake.answers.testAccount = () => answer.promise;

    const testing = store.getState().testAccount('acc-1');
    expect(store.getState().accountTests.get('acc-1')?.running).toBe(true);
    answer.resolve({
      ok: true,
      value: {
        report: passingReport(),
        state: { mode: 'zoom', accounts: [sandboxAccount(), tested], keychain: KEYCHAIN_AVAILABLE },
      },
    });
    await testing;

    expect(store.getState().accountTests.get('acc-1')).toEqual({
      running: false,
      report: passingReport(),
      error: null,
    });
    expect(store.getState().accounts[1]?.lastTest).toEqual(tested.lastTest);
    expect(fake.requests.testAccount).toEqual([{ accountId: 'acc-1' }]);
  });

  it('a failing step is kept as Zoom’s reason, step by step', async () => {
    const { store, fake } = await storeWithAccounts([support]);
    const report: ConnectionTestReport = {
      ok: false,
      steps: [
        { step: 'token', ok: true, message: 'Got an access token.' },
        { step: 'profile', ok: false, message: 'Zoom has no user bots@example.com (1001).' },
      ],
      profile: null,
    };
    fake.answers.testAccount = () =>
      Promise.resolve({ ok: true, value: { report, state: fake.accountsState } });
    await store.getState().testAccount('acc-1');
    expect(store.getState().accountTests.get('acc-1')?.report).toEqual(report);
  });

  it('a test that cannot run says why', async () => {
    const { store, fake } = await storeWithAccounts([support]);
    fake.answers.testAccount = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'vault_unavailable', message: 'The system keychain is locked.' },
      });
    await store.getState().testAccount('acc-1');
    expect(store.getState().accountTests.get('acc-1')).toEqual({
      running: false,
      report: null,
      error: 'The system keychain is locked.',
    });
  });
});

describe('removing an account', () => {
  it('asks first; cancelling keeps the account', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount(), support]);
    store.getState().askRemoveAccount('acc-1');
    expect(store.getState().accountRemoval).toEqual({
      accountId: 'acc-1',
      removing: false,
      error: null,
    });
    store.getState().cancelRemoveAccount();
    expect(store.getState().accountRemoval).toBeNull();
    expect(fake.requests.deleteAccount).toEqual([]);
    expect(store.getState().accounts).toHaveLength(2);
  });

  it('confirming removes it, with mode and accounts from main’s answer', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount(), support], 'zoom');
    fake.answers.deleteAccount = () =>
      Promise.resolve({
        ok: true,
        value: { mode: 'sandbox', accounts: [sandboxAccount()], keychain: KEYCHAIN_AVAILABLE },
      });
    await store.getState().testAccount('acc-1');

    store.getState().askRemoveAccount('acc-1');
    expect(await store.getState().confirmRemoveAccount()).toBe(true);

    expect(fake.requests.deleteAccount).toEqual([{ accountId: 'acc-1' }]);
    expect(store.getState().mode).toBe('sandbox');
    expect(store.getState().accounts.map((account) => account.id)).toEqual(['sandbox']);
    expect(store.getState().accountRemoval).toBeNull();
    expect(store.getState().accountTests.has('acc-1')).toBe(false);
  });

  it('a refused removal keeps the confirmation open with main’s reason', async () => {
    const { store, fake } = await storeWithAccounts([support]);
    fake.answers.deleteAccount = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'vault_unavailable', message: 'The system keychain is locked.' },
      });
    store.getState().askRemoveAccount('acc-1');
    expect(await store.getState().confirmRemoveAccount()).toBe(false);
    expect(store.getState().accountRemoval).toEqual({
      accountId: 'acc-1',
      removing: false,
      error: 'The system keychain is locked.',
    });
    expect(store.getState().accounts).toEqual([support]);
  });

  it('the sandbox account cannot be removed', async () => {
    const { store } = await storeWithAccounts([sandboxAccount()]);
    store.getState().askRemoveAccount('sandbox');
    expect(store.getState().accountRemoval).toBeNull();
  });

  it('removing the account open in the editor closes the editor', async () => {
    const { store, fake } = await storeWithAccounts([support, sales]);
    fake.answers.deleteAccount = () =>
      Promise.resolve({
        ok: true,
        value: { mode: 'zoom', accounts: [sales], keychain: KEYCHAIN_AVAILABLE },
      });
    store.getState().openEditAccount('acc-1');
    store.getState().askRemoveAccount('acc-1');
    await store.getState().confirmRemoveAccount();
    expect(store.getState().accountEditor).toBeNull();
  });
});

describe('the account bots launch under', () => {
  it('defaults to the first account and sends the chosen one', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount(), support, sales], 'zoom');
    expect(store.getState().launch.accountId).toBe('sandbox');

    store.getState().setMeeting('123456789');
    store.getState().setLaunchAccount('acc-2');
    expect(await store.getState().submitLaunch()).toBe(true);
    expect(fake.requests.launchBots[0]).toMatchObject({ meeting: '123456789', accountId: 'acc-2' });
  });

  it('follows the first account until the operator picks one, then keeps the pick', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount()]);
    expect(store.getState().launch.accountId).toBe('sandbox');
    // Main lists stored Zoom accounts before the sandbox's, so a new one becomes the default.
    fake.answers.saveAccount = () =>
      Promise.resolve({
        ok: true,
        value: {
          mode: 'zoom',
          accounts: [support, sandboxAccount()],
          keychain: KEYCHAIN_AVAILABLE,
        },
      });
    store.getState().openNewAccount();
    store.getState().setAccountField('label', 'Support');
    store.getState().setAccountField('serviceUser', 'bots@example.com');
    for (const field of [
      's2sAccountId',
      'clientId',
      'clientSecret',
      'sdkKey',
      'sdkSecret',
    ] as const) {
      store.getState().setAccountCredential(field, `${field}-value`);
    }
    expect(await store.getState().saveAccount()).toBe(true);
    expect(store.getState().launch.accountId).toBe('acc-1');

    store.getState().setLaunchAccount('sandbox');
    store.getState().applyAccountsState({
      mode: 'zoom',
      accounts: [sales, support, sandboxAccount()],
      keychain: KEYCHAIN_AVAILABLE,
    });
    expect(store.getState().launch.accountId).toBe('sandbox');
  });

  it('ignores an account that does not exist', async () => {
    const { store } = await storeWithAccounts([support, sales]);
    store.getState().setLaunchAccount('nope');
    expect(store.getState().launch.accountId).toBe('acc-1');
  });

  it('falls back to the first account when the chosen one is removed', async () => {
    const { store, fake } = await storeWithAccounts([sandboxAccount(), support, sales], 'zoom');
    fake.answers.deleteAccount = () =>
      Promise.resolve({
        ok: true,
        value: {
          mode: 'zoom',
          accounts: [sandboxAccount(), support],
          keychain: KEYCHAIN_AVAILABLE,
        },
      });
    store.getState().setLaunchAccount('acc-2');
    store.getState().askRemoveAccount('acc-2');
    await store.getState().confirmRemoveAccount();
    expect(store.getState().launch.accountId).toBe('sandbox');

    store.getState().setMeeting('123456789');
    await store.getState().submitLaunch();
    expect(fake.requests.launchBots.at(-1)?.accountId).toBe('sandbox');
  });

  it('keeps the choice when other accounts change', async () => {
    const { store, fake } = await storeWithAccounts([support, sales], 'zoom');
    fake.answers.saveAccount = () =>
      Promise.resolve({
        ok: true,
        value: {
          mode: 'zoom',
          accounts: [makeAccount({ id: 'acc-0' }), support, sales],
          keychain: KEYCHAIN_AVAILABLE,
        },
      });
    store.getState().setLaunchAccount('acc-2');
    store.getState().openEditAccount('acc-1');
    await store.getState().saveAccount();
    expect(store.getState().launch.accountId).toBe('acc-2');
  });

  it('sends no account while there is none, leaving the default to main', async () => {
    const { store, fake } = await storeWithAccounts([]);
    store.getState().setMeeting('123456789');
    await store.getState().submitLaunch();
    expect(fake.requests.launchBots[0]).not.toHaveProperty('accountId');
  });
});
