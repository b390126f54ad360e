/**
 * The bot lifecycle as a pure function: (bot, event, now) → the next bot, or a reason the event
 * is not allowed now. No I/O and no clock of its own, so every transition is unit-tested and
 * the fleet stays a thin shell that performs side effects around it.
 */
import type { BotFailure, BotState } from '../../shared/ipc-contract';
import type { WindowGoneReason } from './bot-window-host';
import { isTerminal, PAGE_STATES, type BotRecord } from './bot-record';

export type BotEvent =
  | { type: 'mint-started' }
  | { type: 'minted' }
  | { type: 'page-connecting' }
  | { type: 'waiting-room' }
  | { type: 'joined' }
  | { type: 'reconnecting' }
  | { type: 'disconnected' }
  | { type: 'kicked' }
  | { type: 'meeting-ended' }
  | { type: 'leave-requested' }
  | { type: 'left' }
  | { type: 'window-gone'; reason?: WindowGoneReason }
  | { type: 'failed'; failure: BotFailure }
  | { type: 'join-timeout'; afterMs: number };

export type BotEventType = BotEvent['type'];

export type TransitionResult = { ok: true; bot: BotRecord } | { ok: false; reason: string };

export const NOTES = {
  cancelled: 'Cancelled before joining.',
  leftOnRequest: 'Left at the operator’s request.',
  leftOnItsOwn: 'The bot left the meeting.',
  hostEnded: 'The host ended the meeting.',
} as const;

export const KICKED_FAILURE: BotFailure = {
  kind: 'join',
  code: 3009,
  message: 'Removed from the meeting by the host; Botdeck will not rejoin.',
};

const WINDOW_GONE_WORDS: Record<WindowGoneReason, string> = {
  closed: 'The bot window closed unexpectedly.',
  crashed: 'The bot window crashed.',
  unresponsive: 'The bot window stopped responding and was closed.',
};

/** What a lost connection leads to. Today: failed. A later issue rejoins here with a fresh ZAK. */
function afterDisconnect(): Outcome {
  return {
    state: 'failed',
    failure: { kind: 'join', code: null, message: 'Lost the connection to the meeting.' },
  };
}

/** The target of an allowed event; `note`/`failure` are set only when given. */
interface Outcome {
  state: BotState;
  note?: string;
  failure?: BotFailure;
}

const LIVE_PAGE = (state: BotState): boolean => PAGE_STATES.has(state);
const from =
  (...states: BotState[]) =>
  (state: BotState): boolean =>
    states.includes(state);

/** Per event: which states accept it, and where it leads from there. */
const RULES: {
  [T in BotEventType]: {
    accepts: (state: BotState) => boolean;
    to: (bot: BotRecord, event: Extract<BotEvent, { type: T }>) => Outcome;
  };
} = {
  'mint-started': { accepts: from('queued'), to: () => ({ state: 'minting' }) },
  minted: { accepts: from('minting'), to: () => ({ state: 'joining' }) },
  'page-connecting': {
    accepts: from('joining', 'waiting_room', 'reconnecting'),
    to: (bot) => ({ state: bot.state }),
  },
  'waiting-room': {
    accepts: from('joining', 'in_meeting', 'reconnecting'),
    to: () => ({ state: 'waiting_room' }),
  },
  joined: {
    accepts: from('joining', 'waiting_room', 'reconnecting'),
    to: () => ({ state: 'in_meeting' }),
  },
  reconnecting: {
    accepts: from('in_meeting', 'waiting_room'),
    to: () => ({ state: 'reconnecting' }),
  },
  disconnected: { accepts: LIVE_PAGE, to: afterDisconnect },
  kicked: { accepts: LIVE_PAGE, to: () => ({ state: 'failed', failure: KICKED_FAILURE }) },
  'meeting-ended': {
    accepts: from('joining', 'waiting_room', 'in_meeting', 'reconnecting', 'leaving'),
    to: () => ({ state: 'left', note: NOTES.hostEnded }),
  },
  'leave-requested': {
    accepts: from('queued', 'minting', 'joining', 'waiting_room', 'in_meeting', 'reconnecting'),
    to: (bot) =>
      LIVE_PAGE(bot.state) ? { state: 'leaving' } : { state: 'left', note: NOTES.cancelled },
  },
  left: {
    accepts: from('joining', 'waiting_room', 'in_meeting', 'reconnecting', 'leaving'),
    to: (bot) => ({
      state: 'left',
      note: bot.state === 'leaving' ? NOTES.leftOnRequest : NOTES.leftOnItsOwn,
    }),
  },
  'window-gone': {
    accepts: from('joining', 'waiting_room', 'in_meeting', 'reconnecting', 'leaving'),
    to: (bot, event) =>
      bot.state === 'leaving'
        ? { state: 'left', note: NOTES.leftOnRequest }
        : {
            state: 'failed',
            failure: {
              kind: 'app',
              code: null,
              message: WINDOW_GONE_WORDS[event.reason ?? 'closed'],
            },
          },
  },
  failed: {
    accepts: (state) => !isTerminal(state),
    to: (_bot, event) => ({ state: 'failed', failure: event.failure }),
  },
  'join-timeout': {
    accepts: from('joining'),
    to: (_bot, event) => ({
      state: 'failed',
      failure: {
        kind: 'app',
        code: null,
        message: `The bot did not get into the meeting within ${Math.round(event.afterMs / 1000)} s, so Botdeck stopped it.`,
      },
    }),
  },
};

/**
 * Applies `event` to `bot` at time `now`. Returns the new record (the input is never mutated)
 * or the reason the event is illegal in the bot's current state.
 */
export function transition(bot: BotRecord, event: BotEvent, now: number): TransitionResult {
  if (isTerminal(bot.state)) {
    return {
      ok: false,
      reason: `Bot ${bot.id} is ${bot.state}; nothing leaves that state (got ${event.type}).`,
    };
  }
  const rule = RULES[event.type] as {
    accepts: (state: BotState) => boolean;
    to: (bot: BotRecord, event: BotEvent) => Outcome;
  };
  if (!rule.accepts(bot.state)) {
    return {
      ok: false,
      reason: `Event ${event.type} is not allowed while bot ${bot.id} is ${bot.state}.`,
    };
  }
  const outcome = rule.to(bot, event);
  const changed = outcome.state !== bot.state;
  const next: BotRecord = {
    ...bot,
    state: outcome.state,
    stateSince: changed ? now : bot.stateSince,
    joinAttempts: event.type === 'minted' ? bot.joinAttempts + 1 : bot.joinAttempts,
    joinedAt: outcome.state === 'in_meeting' && bot.joinedAt === null ? now : bot.joinedAt,
    endedAt: isTerminal(outcome.state) ? now : bot.endedAt,
    failure: outcome.failure ?? bot.failure,
    note: outcome.note ?? bot.note,
  };
  return { ok: true, bot: next };
}
