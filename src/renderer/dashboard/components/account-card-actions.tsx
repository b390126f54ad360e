/**
 * An account's buttons. The sandbox's demo account is always there and holds no secrets of the
 * operator's, so it can only be tested; a real account can also be edited and removed, and
 * removing asks first, since it deletes the account's secrets from the keychain.
 */
import { useShallow } from 'zustand/react/shallow';
import type { AccountView } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';

export function AccountCardActions({ account }: { account: AccountView }) {
  const testing = useAppStore((state) => state.accountTests.get(account.id)?.running === true);
  const confirming = useAppStore((state) => state.accountRemoval?.accountId === account.id);
  const actions = useAppStore(
    useShallow((state) => ({
      testAccount: state.testAccount,
      openEditAccount: state.openEditAccount,
      askRemoveAccount: state.askRemoveAccount,
    })),
  );

  if (confirming) return <RemoveConfirmation label={account.label} />;

  return (
    <div className="account-actions">
      <button
        type="button"
        className="button button-small"
        disabled={testing}
        onClick={() => void actions.testAccount(account.id)}
      >
        Test connection
      </button>
      {account.isSandbox ? null : (
        <>
          <button
            type="button"
            className="button button-small"
            onClick={() => actions.openEditAccount(account.id)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => actions.askRemoveAccount(account.id)}
          >
            Remove
          </button>
        </>
      )}
    </div>
  );
}

function RemoveConfirmation({ label }: { label: string }) {
  const { removing, error, confirm, cancel } = useAppStore(
    useShallow((state) => ({
      removing: state.accountRemoval?.removing === true,
      error: state.accountRemoval?.error ?? null,
      confirm: state.confirmRemoveAccount,
      cancel: state.cancelRemoveAccount,
    })),
  );

  return (
    <div className="remove-confirmation" data-testid="account-remove-confirm">
      <p>{`Remove ${label}? Its secrets are deleted from the keychain.`}</p>
      <div className="account-actions">
        <button
          type="button"
          className="button button-small button-danger"
          disabled={removing}
          onClick={() => void confirm()}
        >
          {removing ? 'Removing…' : 'Remove'}
        </button>
        {/* Focus lands on the safe choice, so a stray Enter does not delete anything. */}
        <button
          type="button"
          className="button button-small"
          disabled={removing}
          autoFocus
          onClick={cancel}
        >
          Cancel
        </button>
      </div>
      {error !== null ? (
        <p className="form-alert" role="alert" data-testid="account-remove-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
