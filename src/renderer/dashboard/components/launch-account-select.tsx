/**
 * Which account the bots launch under. Only shown when there is a choice: with one account
 * every bot uses it anyway. The store keeps the choice valid (first account by default, and
 * again when the chosen one is removed).
 */
import { useAppStore } from '../store/store-context';
import { launchAccountLabel } from './account-words';

export function LaunchAccountSelect({ id }: { id: string }) {
  const accounts = useAppStore((state) => state.accounts);
  const accountId = useAppStore((state) => state.launch.accountId);
  const setLaunchAccount = useAppStore((state) => state.setLaunchAccount);
  if (accounts.length < 2) return null;

  return (
    <div className="field">
      <label htmlFor={id}>Account</label>
      <select
        id={id}
        name="accountId"
        aria-describedby={`${id}-hint`}
        value={accountId ?? ''}
        onChange={(event) => setLaunchAccount(event.target.value)}
      >
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {launchAccountLabel(account)}
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-hint`}>
        Bots join as this account&apos;s user, with its avatar.
      </p>
    </div>
  );
}
