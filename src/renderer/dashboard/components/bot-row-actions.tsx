/**
 * A bot row's chat and name buttons: Send chat (in the meeting), and Rename (before it joins, or
 * live) or Relaunch (once it left or failed, under a name of the operator's choice). Each opens
 * the one dialog the store keeps; a button is off where its action cannot work now.
 */
import { isEnded, type BotView } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';

/** Where a rename takes effect at once (queued, minting) or is asked of the meeting. */
const RENAMABLE = new Set<BotView['state']>(['queued', 'minting', 'in_meeting']);

export function ChatAndNameButtons({ bot }: { bot: BotView }) {
  const openBotDialog = useAppStore((state) => state.openBotDialog);
  const ended = isEnded(bot.state);
  return (
    <>
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
    </>
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
