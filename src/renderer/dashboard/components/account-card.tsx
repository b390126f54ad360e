/**
 * One account and the avatar its bots inherit: Zoom shows the account's profile picture for
 * every bot joining with that account's ZAK, so the operator sees here what the meeting will.
 * Below it: the plan, whether secrets are in the keychain (never the secrets themselves), the
 * last test, and the account's actions.
 */
import type { AccountView } from '../../../shared/ipc-contract';
import { AccountCardActions } from './account-card-actions';
import { PLAN_SUMMARIES, checkMark, formatTestTime, secretsWords } from './account-words';
import { ConnectionTestResult } from './connection-test-result';

interface AccountCardProps {
  account: AccountView;
  /** Account problems found at start, shown as warnings. */
  notices: readonly string[];
}

export function AccountCard({ account, notices }: AccountCardProps) {
  const title = account.label || account.displayName;
  return (
    <section
      className="card account-card"
      data-testid="account-card"
      data-account-id={account.id}
      aria-label={title}
    >
      <header className="account-card-header">
        <h3 className="account-title">{title}</h3>
        {account.isSandbox ? (
          <span className="chip chip-sandbox" data-testid="sandbox-chip">
            Sandbox
          </span>
        ) : null}
      </header>
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
        {/* Until a profile is fetched, main uses the label as the name: no need to say it twice. */}
        {account.displayName && account.displayName !== title ? (
          <p className="account-name">{account.displayName}</p>
        ) : null}
        {account.email ? <p className="account-email">{account.email}</p> : null}
        {!account.email && !account.isSandbox ? (
          <p className="hint">Profile not fetched yet: test the connection to see it.</p>
        ) : null}
      </div>
      <dl className="account-facts">
        <dt>Plan</dt>
        <dd data-testid="account-plan">{PLAN_SUMMARIES[account.plan]}</dd>
        <dt>Secrets</dt>
        <dd data-testid="account-secrets">{secretsWords(account)}</dd>
        <dt>Last test</dt>
        <dd data-testid="account-last-test">
          {account.lastTest ? (
            <>
              <span className={account.lastTest.ok ? 'test-ok' : 'test-failed'}>
                {checkMark(account.lastTest.ok)}
              </span>{' '}
              <time dateTime={new Date(account.lastTest.at).toISOString()}>
                {formatTestTime(account.lastTest.at)}
              </time>{' '}
              — {account.lastTest.summary}
            </>
          ) : (
            'Not tested yet'
          )}
        </dd>
      </dl>
      {notices.length > 0 ? (
        <ul className="notices">
          {notices.map((notice) => (
            <li key={notice} className="warning" data-testid="account-notice">
              {notice}
            </li>
          ))}
        </ul>
      ) : null}
      <AccountCardActions account={account} />
      <ConnectionTestResult accountId={account.id} />
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
