/**
 * Accounts slice: applying main's answer to any account change, "Test connection" per account,
 * and removing an account after the operator confirms.
 *
 * Every account operation answers with `AccountsState` (`{mode, accounts, keychain}`), which
 * replaces all three: saving the first real account, say, takes the app out of sandbox mode,
 * and a save that reached the keychain clears its "unavailable" notice.
 */
import type { AccountsState, ConnectionTestReport } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { chooseLaunchAccount } from './launch-form';
import { reportUnexpected } from './unexpected-error';

/** One account's "Test connection", as far as this session has seen it. */
export interface AccountTestState {
  running: boolean;
  /** The last finished test's full report; the card also has main's one-line summary. */
  report: ConnectionTestReport | null;
  /** Why the test could not run at all (main's words). */
  error: string | null;
}

/** The remove confirmation: which account, and how the removal is going. */
export interface AccountRemovalState {
  accountId: string;
  removing: boolean;
  error: string | null;
}

export interface AccountsSlice {
  /** Per account id; replaced (never mutated) on every change. */
  accountTests: ReadonlyMap<string, AccountTestState>;
  /** Null unless the operator asked to remove an account. */
  accountRemoval: AccountRemovalState | null;
  /** Replaces mode, accounts and keychain, and lets go of anything about accounts that are gone. */
  applyAccountsState(state: AccountsState): void;
  testAccount(accountId: string): Promise<void>;
  /** Asks for confirmation; the sandbox account cannot be removed. */
  askRemoveAccount(accountId: string): void;
  cancelRemoveAccount(): void;
  /** Removes the account being confirmed. Resolves true when main removed it. */
  confirmRemoveAccount(): Promise<boolean>;
}

export const createAccountsSlice: SliceCreator<AccountsSlice> =
  ({ api }) =>
  (set, get) => {
    const setTest = (accountId: string, test: AccountTestState): void => {
      // A test that finishes after its account was removed has nothing left to describe.
      if (!get().accounts.some((account) => account.id === accountId)) return;
      set((state) => ({ accountTests: new Map(state.accountTests).set(accountId, test) }));
    };

    return {
      accountTests: new Map(),
      accountRemoval: null,

      applyAccountsState({ mode, accounts, keychain }) {
        set((state) => {
          const exists = (id: string | undefined): boolean =>
            accounts.some((account) => account.id === id);
          const tests = [...state.accountTests].filter(([id]) => exists(id));
          const editor = state.accountEditor;
          return {
            mode,
            accounts,
            keychain,
            launch: { ...state.launch, ...chooseLaunchAccount(state.launch, accounts) },
            accountTests:
              tests.length === state.accountTests.size ? state.accountTests : new Map(tests),
            // An account removed elsewhere takes its open editor and confirmation with it.
            accountEditor:
              editor !== null && editor.accountId !== null && !exists(editor.accountId)
                ? null
                : editor,
            accountRemoval:
              state.accountRemoval !== null && !exists(state.accountRemoval.accountId)
                ? null
                : state.accountRemoval,
          };
        });
      },

      async testAccount(accountId) {
        if (get().accountTests.get(accountId)?.running === true) return;
        // The old report goes: next to "Testing…" it would read as the new result.
        setTest(accountId, { running: true, report: null, error: null });
        try {
          const result = await api.testAccount({ accountId });
          if (result.ok) {
            get().applyAccountsState(result.value.state);
            setTest(accountId, { running: false, report: result.value.report, error: null });
          } else {
            setTest(accountId, { running: false, report: null, error: result.error.message });
          }
        } catch (error) {
          setTest(accountId, {
            running: false,
            report: null,
            error: reportUnexpected('testing an account failed', error),
          });
        }
      },

      askRemoveAccount(accountId) {
        const account = get().accounts.find((candidate) => candidate.id === accountId);
        if (account === undefined || account.isSandbox) return;
        if (get().accountRemoval?.removing === true) return;
        set({ accountRemoval: { accountId, removing: false, error: null } });
      },

      cancelRemoveAccount() {
        if (get().accountRemoval?.removing === true) return;
        set({ accountRemoval: null });
      },

      async confirmRemoveAccount() {
        const removal = get().accountRemoval;
        if (removal === null || removal.removing) return false;
        const { accountId } = removal;
        const settle = (patch: AccountRemovalState | null): void =>
          set((state) =>
            state.accountRemoval?.accountId === accountId ? { accountRemoval: patch } : state,
          );

        set({ accountRemoval: { accountId, removing: true, error: null } });
        try {
          const result = await api.deleteAccount({ accountId });
          if (result.ok) {
            get().applyAccountsState(result.value);
            settle(null);
            return true;
          }
          settle({ accountId, removing: false, error: result.error.message });
        } catch (error) {
          settle({
            accountId,
            removing: false,
            error: reportUnexpected('removing an account failed', error),
          });
        }
        return false;
      },
    };
  };
