/**
 * What main keeps per bot: the dashboard's `BotView` plus bookkeeping the dashboard does not
 * need. Deliberately holds no secret (no ZAK, signature or passcode): those live only in the
 * ticket desk until the bot page takes them.
 */
import type { BotFailure, BotView } from '../../shared/ipc-contract';

/** Where a Botdeck rejoin stands while the bot is `reconnecting`. */
export interface RejoinProgress {
  /**
   * `backoff`: no page, waiting for `nextTryAt`; `minting`: no page, getting a fresh ZAK;
   * `joining`: a new page holds (or is about to take) a new ticket.
   */
  phase: 'backoff' | 'minting' | 'joining';
  /** When the next try starts; null until bot-session.ts has picked the delay, and once it began. */
  nextTryAt: number | null;
  /** Why the bot is rejoining; it becomes the bot's failure if the attempts run out. */
  cause: BotFailure;
}

export interface BotRecord extends Omit<BotView, 'reconnect'> {
  /** Epoch ms of the last state change (for timeouts and diagnostics). */
  stateSince: number;
  /** Joins attempted so far; each one mints its own ZAK. */
  joinAttempts: number;
  /** Rejoin attempts allowed in a row (the launch's `reconnectAttempts`). */
  maxRejoins: number;
  /** Rejoin attempts used since the bot was last settled in the meeting for a while. */
  rejoinsUsed: number;
  /** Set while Botdeck rejoins (state `reconnecting`); null for Zoom's own reconnect. */
  rejoin: RejoinProgress | null;
  /** Since when the bot has been in the meeting or its waiting room without a rejoin. */
  settledSince: number | null;
}

export interface NewBot {
  id: string;
  name: string;
  meetingNumber: string;
  accountId: string;
  /** Shared by the bots of one launch. */
  launchId: string;
  avatarUrl: string | null;
  /** Rejoin attempts allowed in a row; 0 never rejoins. */
  maxRejoins: number;
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
    participantCount: null,
    activity: null,
    stateSince: now,
    joinAttempts: 0,
    rejoinsUsed: 0,
    rejoin: null,
    settledSince: null,
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
    launchId: bot.launchId,
    avatarUrl: bot.avatarUrl,
    createdAt: bot.createdAt,
    joinedAt: bot.joinedAt,
    endedAt: bot.endedAt,
    failure: bot.failure,
    note: bot.note,
    reconnect: bot.rejoin
      ? {
          attempt: bot.rejoinsUsed,
          maxAttempts: bot.maxRejoins,
          nextTryAt: bot.rejoin.nextTryAt,
          reason: bot.rejoin.cause.message,
        }
      : null,
    participantCount: bot.participantCount,
    activity: bot.activity,
  };
}

/**
 * Whether a bot page exists that may be in (or entering) a meeting and can report about it.
 * A rejoin waiting out its backoff or minting has closed its old page and opened no new one.
 */
export function hasLivePage(bot: Pick<BotRecord, 'state' | 'rejoin'>): boolean {
  switch (bot.state) {
    case 'joining':
    case 'waiting_room':
    case 'in_meeting':
      return true;
    case 'reconnecting':
      return bot.rejoin === null || bot.rejoin.phase === 'joining';
    default:
      return false;
  }
}
