/**
 * The accounts bots launch with. The launch request uses the first account, so its card comes
 * first and carries the start-up notices (the contract does not say which account they concern).
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import { AccountCard } from './account-card';

export function AccountsPanel() {
  const { accounts, notices, loading } = useAppStore(
    useShallow((state) => ({
      accounts: state.accounts,
      notices: state.notices,
      loading: state.loading,
    })),
  );

  if (accounts.length === 0) {
    return (
      <section className="card accounts-empty" aria-label="Account">
        <p>{loading ? 'Loading account…' : 'No account is set up.'}</p>
        {notices.map((notice) => (
          <p key={notice} className="warning" data-testid="account-notice">
            {notice}
          </p>
        ))}
      </section>
    );
  }

  return (
    <div className="accounts">
      {accounts.map((account, index) => (
        <AccountCard key={account.id} account={account} notices={index === 0 ? notices : []} />
      ))}
    </div>
  );
}
