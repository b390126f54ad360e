/**
 * The operator words for a bot's chat messages and renames: what the row says while the page is
 * at it, once the meeting took it, and why the meeting refused. The page only classifies a
 * refusal; the words are Botdeck's, so a bot page cannot put its own sentences on the row except
 * as the detail of a refusal nobody foresaw.
 */
import type { BotActivity, CommandRefusal } from '../../shared/ipc-contract';

const QUOTE_MAX = 60;

/** “Hello, everyone”, clipped to a row's width. */
export function quote(text: string): string {
  const chars = [...text];
  const shown = chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join('')}…` : text;
  return `“${shown}”`;
}

export const chatPending = (text: string): string => `Sending chat: ${quote(text)}…`;
export const chatSent = (text: string): string => `Chat sent: ${quote(text)}`;
export const renamePending = (from: string, to: string): string =>
  `Renaming from ${quote(from)} to ${quote(to)}…`;
export const renamed = (from: string, to: string): string =>
  `Renamed from ${quote(from)} to ${quote(to)}.`;

/** Why a chat message did not go out, in words. */
export function chatRefusedWords(refusal: CommandRefusal | 'unconfirmed', detail: string | null) {
  switch (refusal) {
    case 'chat_disabled':
      return 'Chat is turned off in this meeting: the host does not let participants chat.';
    case 'not_in_meeting':
      return 'The bot is not in the meeting, so it could not chat.';
    case 'rate_limited':
      return 'Zoom lets a bot send one chat message a second; send it again.';
    case 'unconfirmed':
      return 'The bot did not say whether the chat message went out; check the meeting.';
    case 'rename_not_allowed':
    case 'other':
      return withDetail('The meeting refused the chat message', detail);
  }
}

/** Why a rename did not happen, in words; `current` is the name the bot keeps. */
export function renameRefusedWords(
  refusal: CommandRefusal | 'unconfirmed',
  detail: string | null,
  current: string,
): string {
  switch (refusal) {
    case 'rename_not_allowed':
      return `The host does not let participants rename themselves in this meeting; the bot is still ${quote(current)}.`;
    case 'not_in_meeting':
      return `The bot is not in the meeting, so it could not rename itself; it is still ${quote(current)}.`;
    case 'rate_limited':
      return `Zoom asks for a pause between renames; try again in a few seconds. The bot is still ${quote(current)}.`;
    case 'unconfirmed':
      return `The meeting did not confirm the new name; the bot is still ${quote(current)} as far as Botdeck knows.`;
    case 'chat_disabled':
    case 'other':
      return withDetail(
        `The meeting refused the new name; the bot is still ${quote(current)}`,
        detail,
      );
  }
}

function withDetail(sentence: string, detail: string | null): string {
  const clean = detail?.trim().slice(0, 200) ?? '';
  return clean === '' ? `${sentence}.` : `${sentence} (${clean}).`;
}

export const activity = (
  kind: BotActivity['kind'],
  outcome: BotActivity['outcome'],
  message: string,
  at: number,
): BotActivity => ({ kind, outcome, message, at });
