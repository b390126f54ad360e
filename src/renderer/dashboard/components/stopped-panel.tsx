/**
 * "Stopped by app restart": the bots that were running when Botdeck last stopped (a quit, a
 * crash, a reboot). Relaunch puts them back into their meetings with the same names; Dismiss
 * forgets them. Shown only while there are such bots. Where Botdeck could not keep a meeting's
 * passcode (no system keychain), a field asks for it, once per meeting.
 */
import { useShallow } from 'zustand/react/shallow';
import type { AccountView, StoppedBot } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';
import { formatHistoryTime } from './history-words';
import { RelaunchSettingToggle } from './relaunch-setting-toggle';

export function StoppedPanel() {
  const { stopped, accounts, busy, error, relaunch, relaunchAll, dismiss } = useAppStore(
    useShallow((state) => ({
      stopped: state.stoppedByRestart,
      accounts: state.accounts,
      busy: state.restartBusy,
      error: state.restartError,
      relaunch: state.relaunchStopped,
      relaunchAll: state.relaunchAllStopped,
      dismiss: state.dismissStopped,
    })),
  );
  if (stopped.length === 0) return null;
  const count = `${stopped.length} bot${stopped.length === 1 ? ' was' : 's were'}`;

  return (
    <section
      className="card stopped-panel"
      data-testid="stopped-panel"
      aria-label="Stopped by app restart"
    >
      <header className="stopped-header">
        <h2>Stopped by app restart</h2>
        <p className="hint">
          {count} running when Botdeck stopped. Relaunch puts them back into their meetings with the
          same names.
        </p>
      </header>
      <ul className="stopped-list">
        {stopped.map((bot) => (
          <li key={bot.id} className="stopped-row" data-testid="stopped-bot" data-bot-id={bot.id}>
            <span className="stopped-name">{bot.name}</span>
            <span className="mono">{bot.meetingNumber}</span>
            <span className="stopped-account">{accountWords(bot, accounts)}</span>
            <span className="hint">stopped {formatHistoryTime(bot.stoppedAt)}</span>
            <span className="stopped-actions">
              <button
                type="button"
                className="button button-small"
                aria-label={`Relaunch ${bot.name}`}
                disabled={busy}
                onClick={() => void relaunch([bot.id])}
              >
                Relaunch
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={`Dismiss ${bot.name}`}
                disabled={busy}
                onClick={() => void dismiss([bot.id])}
              >
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
      <footer className="stopped-footer">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void relaunchAll()}
        >
          Relaunch all
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void dismiss(stopped.map((bot) => bot.id))}
        >
          Dismiss all
        </button>
        <RelaunchSettingToggle />
      </footer>
      <StoppedPasscodeFields stopped={stopped} />
      {error !== null ? (
        <p className="form-alert" role="alert" data-testid="stopped-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** One passcode field per meeting whose bots lost their passcode with the restart. */
function StoppedPasscodeFields({ stopped }: { stopped: readonly StoppedBot[] }) {
  const { typed, busy, setPasscode } = useAppStore(
    useShallow((state) => ({
      typed: state.stoppedPasscodes,
      busy: state.restartBusy,
      setPasscode: state.setStoppedPasscode,
    })),
  );
  const meetings = [
    ...new Set(stopped.filter((bot) => bot.needsPasscode).map((bot) => bot.meetingNumber)),
  ];
  if (meetings.length === 0) return null;
  return (
    <fieldset className="stopped-passcodes" data-testid="stopped-passcodes">
      <legend>Meeting passcodes</legend>
      <p className="hint">
        Without a system keychain Botdeck keeps meeting passcodes only while it runs. Enter them to
        relaunch; leave a field empty if that meeting has no passcode.
      </p>
      {meetings.map((meetingNumber) => (
        <label key={meetingNumber} className="field">
          <span>Passcode for meeting {meetingNumber}</span>
          <input
            type="password"
            autoComplete="off"
            maxLength={64}
            disabled={busy}
            value={typed[meetingNumber] ?? ''}
            onChange={(event) => setPasscode(meetingNumber, event.target.value)}
          />
        </label>
      ))}
    </fieldset>
  );
}

/** The account by its label; one that is gone is said to be gone (its bots cannot relaunch). */
function accountWords(bot: StoppedBot, accounts: readonly AccountView[]): string {
  const account = accounts.find((candidate) => candidate.id === bot.accountId);
  return account ? account.label : `${bot.accountId} (no longer set up)`;
}
