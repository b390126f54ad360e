/**
 * The operator words the state machine writes into a bot's `note` and `failure`. The dashboard
 * adds the time from `endedAt` ("… at 14:02"), so these say what happened and who did it.
 */
import type { BotFailure } from '../../shared/ipc-contract';
import type { WindowGoneReason } from './bot-window-host';

export const NOTES = {
  cancelled: 'Cancelled before joining.',
  leftOnRequest: 'Left at the operator’s request.',
  leftOnItsOwn: 'The bot left the meeting.',
  hostEnded: 'The host ended the meeting.',
  rejoinCancelled: 'Stopped rejoining at the operator’s request.',
} as const;

export const KICKED_FAILURE: BotFailure = {
  kind: 'join',
  code: 3009,
  message: 'Removed from the meeting by the host; Botdeck will not rejoin.',
};

export const KICKED_FROM_WAITING_ROOM_FAILURE: BotFailure = {
  kind: 'join',
  code: 3009,
  message: 'Removed from the waiting room by the host; Botdeck will not rejoin.',
};

export const CONNECTION_LOST: BotFailure = {
  kind: 'join',
  code: null,
  message: 'Lost the connection to the meeting.',
};

const WINDOW_GONE_WORDS: Record<WindowGoneReason, string> = {
  closed: 'The bot window closed unexpectedly.',
  crashed: 'The bot window crashed.',
  unresponsive: 'The bot window stopped responding and was closed.',
};

export const windowGoneFailure = (reason: WindowGoneReason): BotFailure => ({
  kind: 'app',
  code: null,
  message: WINDOW_GONE_WORDS[reason],
});

export const joinTimeoutFailure = (afterMs: number): BotFailure => ({
  kind: 'app',
  code: null,
  message: `The bot did not get into the meeting within ${formatSpan(afterMs)}, so Botdeck stopped it.`,
});

/** Why Botdeck took a bot out of a meeting on its own. */
export type AutoLeaveReason = 'waiting_room' | 'alone' | 'max_duration';

export function autoLeaveNote(reason: AutoLeaveReason, afterMs: number): string {
  const span = formatSpan(afterMs);
  switch (reason) {
    case 'waiting_room':
      return `Left automatically after ${span} in the waiting room.`;
    case 'alone':
      return `Left automatically after ${span} alone in the meeting.`;
    case 'max_duration':
      return `Left automatically after the maximum of ${span} in the meeting.`;
  }
}

/** "60 s", "15 min", "2 h 30 min": whole units, seconds up to two minutes. */
export function formatSpan(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120 || seconds % 60 !== 0) return `${seconds} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
