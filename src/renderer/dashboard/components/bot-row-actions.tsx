/**
 * A bot row's buttons: Send chat (in the meeting), Rename (before it joins, or live) or Relaunch
 * (once it left or failed, under a name of the operator's choice), and Leave. Each opens the one
 * dialog the store keeps, or acts at once; a button is off where its action cannot work now.
 */
import { isEnded, isLive, type BotView } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';

/** Where a rename takes effect at once (queued, minting) or is asked of the meeting. */
const RENAMABLE = new Set<BotView['state']>(['queued', 'minting', 'in_meeting']);

export function BotRowActions({ bot, onLeave }: { bot: BotView; onLeave: (id: string) => void }) {
  const openBotDialog = useAppStore((state) => state.openBotDialog);
  const ended = isEnded(bot.state);
  return (
    <div className="row-actions">
      <button
        type="button"
        className="button button-small"
        aria-label={`Send chat as ${bot.name}`}
        disabled={bot.state !== 'in_meeting'}
        onClick={() => openBotDialog('chat', bot.id)}
      >
        Send chat
      </button>
      {ended ? (
        <button
          type="button"
          className="button button-small"
          aria-label={`Relaunch ${bot.name}`}
          onClick={() => openBotDialog('relaunch', bot.id)}
        >
          Relaunch
        </button>
      ) : (
        <button
          type="button"
          className="button button-small"
          aria-label={`Rename ${bot.name}`}
          disabled={!RENAMABLE.has(bot.state)}
          onClick={() => openBotDialog('rename', bot.id)}
        >
          Rename
        </button>
      )}
      <button
        type="button"
        className="button button-small"
        aria-label={`Leave ${bot.name}`}
        disabled={!isLive(bot.state)}
        onClick={() => onLeave(bot.id)}
      >
        Leave
      </button>
    </div>
  );
}

/** The row's words about its last chat message or rename, under the reason. */
export function BotActivityLine({ activity }: { activity: BotView['activity'] }) {
  if (!activity) return null;
  return (
    <span
      className={`activity activity-${activity.outcome}`}
      data-testid="bot-activity"
      data-outcome={activity.outcome}
    >
      {activity.message}
    </span>
  );
}
