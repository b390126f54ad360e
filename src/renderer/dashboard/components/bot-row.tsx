/**
 * One bot in the table. Text only from the bot's view: nothing here is a secret. Memoised: a
 * row renders again only when its bot, its tick of the clock or its selection changes, so a
 * batch of changes to a few bots leaves the other rows alone.
 */
import { memo, type Ref } from 'react';
import type { BotView } from '../../../shared/ipc-contract';
import { isLive } from '../../../shared/ipc-contract';
import { BotActivityLine, ChatAndNameButtons } from './bot-row-actions';
import { STATE_LABELS, describeBotReason } from './bot-states';
import { formatDuration } from './format-duration';

export interface BotRowActions {
  onSelect(botId: string, selected: boolean): void;
  onLeave(botId: string): void;
  onPeek(botId: string): void;
  /** Absent where bot windows cannot be shown (the web host). */
  onShowWindow?: (botId: string) => void;
}

interface BotRowProps {
  bot: BotView;
  /** The shared clock's time; 0 for a bot whose row does not tick. */
  now: number;
  index: number;
  selected: boolean;
  rowRef: Ref<HTMLTableRowElement>;
  actions: BotRowActions;
}

/** Only a bot in the meeting (time) or rejoining (next try) shows the clock. */
export const ticks = (bot: BotView): boolean =>
  bot.state === 'in_meeting' || bot.state === 'reconnecting';

export const BotRow = memo(function BotRow({
  bot,
  now,
  index,
  selected,
  rowRef,
  actions,
}: BotRowProps) {
  const reason = describeBotReason(bot, now);
  const live = isLive(bot.state);
  return (
    <tr
      ref={rowRef}
      data-index={index}
      data-testid="bot-row"
      data-bot-id={bot.id}
      data-state={bot.state}
      aria-selected={selected}
      className={selected ? 'row-selected' : undefined}
    >
      <td className="cell-select">
        <input
          type="checkbox"
          aria-label={`Select ${bot.name}`}
          checked={selected}
          onChange={(event) => actions.onSelect(bot.id, event.target.checked)}
        />
      </td>
      <td className="cell-avatar">
        {bot.avatarUrl ? (
          <img className="avatar" src={bot.avatarUrl} alt="" width={32} height={32} />
        ) : (
          <span className="avatar avatar-placeholder" aria-hidden="true" />
        )}
      </td>
      <td className="cell-name" data-testid="bot-name" title={bot.name}>
        {bot.name}
      </td>
      <td>
        <span className={`chip chip-${bot.state}`} data-testid="bot-state">
          {STATE_LABELS[bot.state]}
        </span>
      </td>
      <td className="mono">{bot.meetingNumber}</td>
      <td className="mono" data-testid="bot-time">
        {timeInMeeting(bot, now)}
      </td>
      <td className="cell-reason" title={reason}>
        <span data-testid="bot-failure">{reason}</span>
        <BotActivityLine activity={bot.activity} />
      </td>
      <td className="cell-action">
        <ChatAndNameButtons bot={bot} />
        <button
          type="button"
          className="button button-small"
          aria-label={`Peek at ${bot.name}`}
          disabled={!live}
          onClick={() => actions.onPeek(bot.id)}
        >
          Peek
        </button>
        {actions.onShowWindow ? (
          <button
            type="button"
            className="button button-small"
            aria-label={`Open the window of ${bot.name}`}
            disabled={!live}
            onClick={() => actions.onShowWindow?.(bot.id)}
          >
            Open window
          </button>
        ) : null}
        <button
          type="button"
          className="button button-small"
          aria-label={`Leave ${bot.name}`}
          disabled={!live}
          onClick={() => actions.onLeave(bot.id)}
        >
          Leave
        </button>
      </td>
    </tr>
  );
});

/** Ticking while in the meeting; the final length once it ended; a dash before joining. */
function timeInMeeting(bot: BotView, now: number): string {
  if (bot.joinedAt === null) return '—';
  if (bot.state === 'in_meeting') return formatDuration(now - bot.joinedAt);
  if (bot.endedAt !== null) return formatDuration(bot.endedAt - bot.joinedAt);
  return '—';
}
