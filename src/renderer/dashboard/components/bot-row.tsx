/** One bot in the table. Text only from the bot's view: nothing here is a secret. */
import type { Ref } from 'react';
import type { BotView } from '../../../shared/ipc-contract';
import { BotActivityLine, BotRowActions } from './bot-row-actions';
import { STATE_LABELS, describeBotReason } from './bot-states';
import { formatDuration } from './format-duration';

interface BotRowProps {
  bot: BotView;
  /** The shared clock's time, for a bot in the meeting. */
  now: number;
  index: number;
  rowRef: Ref<HTMLTableRowElement>;
  onLeave: (botId: string) => void;
}

export function BotRow({ bot, now, index, rowRef, onLeave }: BotRowProps) {
  const reason = describeBotReason(bot, now);
  return (
    <tr
      ref={rowRef}
      data-index={index}
      data-testid="bot-row"
      data-bot-id={bot.id}
      data-state={bot.state}
    >
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
        <BotRowActions bot={bot} onLeave={onLeave} />
      </td>
    </tr>
  );
}

/** Ticking while in the meeting; the final length once it ended; a dash before joining. */
function timeInMeeting(bot: BotView, now: number): string {
  if (bot.joinedAt === null) return '—';
  if (bot.state === 'in_meeting') return formatDuration(now - bot.joinedAt);
  if (bot.endedAt !== null) return formatDuration(bot.endedAt - bot.joinedAt);
  return '—';
}
