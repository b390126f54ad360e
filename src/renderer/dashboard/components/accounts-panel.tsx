/**
 * The Zoom accounts bots launch with, and the place to add, edit, test and remove them. Main
 * uses the first account by default, so its card comes first and carries the start-up notices
 * (the contract does not say which account they concern). When the system keychain cannot be
 * used, a notice above them says why and how to enable it.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import { AccountCard } from './account-card';
import { AccountEditor } from './account-editor';
import { KeychainNotice } from './keychain-notice';

export function AccountsPanel() {
  const { accounts, notices, loading, editorOpen, openNewAccount } = useAppStore(
    useShallow((state) => ({
      accounts: state.accounts,
      notices: state.notices,
      loading: state.loading,
      editorOpen: state.accountEditor !== null,
      openNewAccount: state.openNewAccount,
    })),
  );

  return (
    <section className="accounts" aria-label="Zoom accounts">
      <div className="accounts-header">
        <h2>Zoom accounts</h2>
        {/* Hidden while the editor is open: opening another would drop what was typed. */}
        {editorOpen ? null : (
          <button type="button" className="button button-small" onClick={openNewAccount}>
            Add Zoom account
          </button>
        )}
      </div>
      <KeychainNotice />
      {editorOpen ? <AccountEditor /> : null}
      {accounts.length === 0 ? (
        <div className="card accounts-empty">
          <p>{loading ? 'Loading account…' : 'No account is set up.'}</p>
          {notices.map((notice) => (
            <p key={notice} className="warning" data-testid="account-notice">
              {notice}
            </p>
          ))}
        </div>
      ) : (
        accounts.map((account, index) => (
          <AccountCard key={account.id} account={account} notices={index === 0 ? notices : []} />
        ))
      )}
    </section>
  );
}
