/**
 * What main keeps per bot: the dashboard's `BotView` plus bookkeeping the dashboard does not
 * need. Deliberately holds no secret (no ZAK, signature or passcode): those live only in the
 * ticket desk until the bot page takes them.
 */
import type { BotState, BotView } from '../../shared/ipc-contract';

export interface BotRecord extends BotView {
  /** Epoch ms of the last state change (for timeouts and diagnostics). */
  stateSince: number;
  /** Joins attempted so far; each one mints its own ZAK. */
  joinAttempts: number;
}

export interface NewBot {
  id: string;
  name: string;
  meetingNumber: string;
  accountId: string;
  avatarUrl: string | null;
}

/** A bot as launched: queued, nothing attempted yet. */
export function createBotRecord(bot: NewBot, now: number): BotRecord {
  return {
    ...bot,
    state: 'queued',
    createdAt: now,
    joinedAt: null,
    endedAt: null,
    failure: null,
    note: null,
    stateSince: now,
    joinAttempts: 0,
  };
}

/** The dashboard's copy: exactly the `BotView` fields, built field by field so nothing extra leaks. */
export function toBotView(bot: BotRecord): BotView {
  return {
    id: bot.id,
    name: bot.name,
    state: bot.state,
    meetingNumber: bot.meetingNumber,
    accountId: bot.accountId,
    avatarUrl: bot.avatarUrl,
    createdAt: bot.createdAt,
    joinedAt: bot.joinedAt,
    endedAt: bot.endedAt,
    failure: bot.failure,
    note: bot.note,
  };
}

export const TERMINAL_STATES: ReadonlySet<BotState> = new Set(['left', 'failed']);

/** `left` and `failed` are final: nothing leaves them. */
export const isTerminal = (state: BotState): boolean => TERMINAL_STATES.has(state);

/** States with a bot page that may be in (or entering) a meeting. */
export const PAGE_STATES: ReadonlySet<BotState> = new Set([
  'joining',
  'waiting_room',
  'in_meeting',
  'reconnecting',
]);
