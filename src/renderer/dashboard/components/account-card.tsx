/**
 * One account and the avatar its bots inherit: Zoom shows the account's profile picture for
 * every bot joining with that account's ZAK, so the operator sees here what the meeting will.
 */
import type { AccountView } from '../../../shared/ipc-contract';

interface AccountCardProps {
  account: AccountView;
  /** Account problems found at start, shown as warnings. */
  notices: readonly string[];
}

export function AccountCard({ account, notices }: AccountCardProps) {
  return (
    <section className="card account-card" data-testid="account-card" aria-label="Account">
      <figure className="account-avatar">
        {account.avatarUrl ? (
          <img
            data-testid="account-avatar"
            src={account.avatarUrl}
            alt="Avatar every bot inherits"
            width={72}
            height={72}
          />
        ) : (
          <span className="avatar-placeholder" aria-hidden="true">
            {initials(account.displayName)}
          </span>
        )}
        <figcaption>
          {account.avatarUrl
            ? 'Every bot of this account inherits this avatar.'
            : 'This account has no avatar: its bots join without one.'}
        </figcaption>
      </figure>
      <div className="account-details">
        <h2 className="account-name">{account.displayName}</h2>
        <p className="account-email">{account.email}</p>
        {account.label && account.label !== account.displayName ? (
          <p className="account-label">{account.label}</p>
        ) : null}
        {notices.length > 0 ? (
          <ul className="notices">
            {notices.map((notice) => (
              <li key={notice} className="warning" data-testid="account-notice">
                {notice}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}
