/**
 * The bot lifecycle as a pure function: (bot, event, now) → the next bot, or a reason the event
 * is not allowed now. No I/O and no clock of its own, so every transition is unit-tested and
 * the fleet stays a thin shell that performs side effects around it.
 *
 * Rejoining lives here too: a drop, a crashed window or a failed rejoin attempt moves the bot to
 * `reconnecting` with a bounded attempt count, and only a kick or the meeting's end rules a
 * rejoin out for good. The fleet then closes the old page, waits out the backoff, mints a fresh
 * ZAK and opens a new page, feeding each step back in as an event.
 */
import {
  isEnded,
  type BotActivity,
  type BotFailure,
  type BotState,
} from '../../shared/ipc-contract';
import type { WindowGoneReason } from './bot-window-host';
import { hasLivePage, type BotRecord, type RejoinProgress } from './bot-record';
import {
  autoLeaveNote,
  CONNECTION_LOST,
  joinTimeoutFailure,
  KICKED_FAILURE,
  KICKED_FROM_WAITING_ROOM_FAILURE,
  NOTES,
  windowGoneFailure,
  type AutoLeaveReason,
} from './bot-words';
import { gaveUp, isWorthAnotherAttempt, SETTLED_AFTER_MS } from './rejoin-policy';

export { KICKED_FAILURE, NOTES } from './bot-words';

export type BotEvent =
  | { type: 'mint-started' }
  | { type: 'minted' }
  | { type: 'rejoin-scheduled'; at: number }
  | { type: 'page-connecting' }
  | { type: 'waiting-room' }
  | { type: 'joined' }
  | { type: 'participants'; count: number }
  | { type: 'reconnecting' }
  | { type: 'disconnected' }
  | { type: 'kicked' }
  | { type: 'meeting-ended' }
  | { type: 'leave-requested' }
  | { type: 'auto-leave'; reason: AutoLeaveReason; afterMs: number }
  | { type: 'left' }
  | { type: 'window-gone'; reason?: WindowGoneReason }
  | { type: 'failed'; failure: BotFailure }
  | { type: 'join-timeout'; afterMs: number }
  | { type: 'renamed'; name: string }
  | { type: 'activity'; activity: BotActivity };

export type BotEventType = BotEvent['type'];

export type TransitionResult = { ok: true; bot: BotRecord } | { ok: false; reason: string };

/** The target of an allowed event. Fields left undefined take the defaults in `transition`. */
interface Outcome {
  state: BotState;
  note?: string;
  failure?: BotFailure;
  rejoin?: RejoinProgress | null;
  rejoinsUsed?: number;
  settledSince?: number | null;
  participantCount?: number;
  name?: string;
  activity?: BotActivity;
}

const inState =
  (...states: BotState[]) =>
  (bot: BotRecord): boolean =>
    states.includes(bot.state);
const rejoinPhase =
  (phase: RejoinProgress['phase']) =>
  (bot: BotRecord): boolean =>
    bot.state === 'reconnecting' && bot.rejoin?.phase === phase;
const either =
  (...tests: ((bot: BotRecord) => boolean)[]) =>
  (bot: BotRecord): boolean =>
    tests.some((test) => test(bot));

/**
 * A drop, a crash or a failed attempt: rejoin if attempts are left, else fail with the reason.
 * Attempts count from the last time the bot settled in; having stayed a while resets them.
 */
function rejoinOrFail(bot: BotRecord, cause: BotFailure, now: number): Outcome {
  const settled = bot.settledSince !== null && now - bot.settledSince >= SETTLED_AFTER_MS;
  const used = settled ? 0 : bot.rejoinsUsed;
  if (used >= bot.maxRejoins) return { state: 'failed', failure: gaveUp(cause, bot.maxRejoins) };
  return {
    state: 'reconnecting',
    rejoin: { phase: 'backoff', nextTryAt: null, cause },
    rejoinsUsed: used + 1,
    settledSince: null,
  };
}

/** Leaves through the page when there is one; with no page there is nothing to wait for. */
const leaveWith = (bot: BotRecord, note: string | undefined, noPageNote: string): Outcome =>
  hasLivePage(bot) ? { state: 'leaving', note } : { state: 'left', note: note ?? noPageNote };

const kickedOutcome = (bot: BotRecord): Outcome => ({
  state: 'failed',
  failure: bot.state === 'waiting_room' ? KICKED_FROM_WAITING_ROOM_FAILURE : KICKED_FAILURE,
});

/** Per event: which bots accept it, and where it leads from there. */
const RULES: {
  [T in BotEventType]: {
    accepts: (bot: BotRecord) => boolean;
    to: (bot: BotRecord, event: Extract<BotEvent, { type: T }>, now: number) => Outcome;
  };
} = {
  'mint-started': {
    // A rejoin starts minting only once its backoff was scheduled (and has run out).
    accepts: (bot) =>
      bot.state === 'queued' || (rejoinPhase('backoff')(bot) && bot.rejoin?.nextTryAt !== null),
    to: (bot) =>
      bot.rejoin
        ? { state: 'reconnecting', rejoin: { ...bot.rejoin, phase: 'minting', nextTryAt: null } }
        : { state: 'minting' },
  },
  minted: {
    accepts: either(inState('minting'), rejoinPhase('minting')),
    to: (bot) =>
      bot.rejoin
        ? { state: 'reconnecting', rejoin: { ...bot.rejoin, phase: 'joining' } }
        : { state: 'joining' },
  },
  'rejoin-scheduled': {
    accepts: (bot) => rejoinPhase('backoff')(bot) && bot.rejoin?.nextTryAt === null,
    to: (bot, event) => ({
      state: 'reconnecting',
      rejoin: bot.rejoin && { ...bot.rejoin, nextTryAt: event.at },
    }),
  },
  'page-connecting': {
    accepts: (bot) => hasLivePage(bot) && bot.state !== 'in_meeting',
    to: (bot) => ({ state: bot.state }),
  },
  'waiting-room': {
    accepts: (bot) => hasLivePage(bot) && bot.state !== 'waiting_room',
    to: () => ({ state: 'waiting_room', rejoin: null }),
  },
  joined: {
    accepts: (bot) => hasLivePage(bot) && bot.state !== 'in_meeting',
    to: () => ({ state: 'in_meeting', rejoin: null }),
  },
  participants: {
    accepts: inState('in_meeting'),
    to: (_bot, event) => ({ state: 'in_meeting', participantCount: event.count }),
  },
  reconnecting: {
    accepts: inState('in_meeting', 'waiting_room'),
    to: () => ({ state: 'reconnecting', rejoin: null }),
  },
  disconnected: {
    accepts: hasLivePage,
    to: (bot, _event, now) => rejoinOrFail(bot, CONNECTION_LOST, now),
  },
  kicked: {
    accepts: inState('joining', 'waiting_room', 'in_meeting', 'reconnecting'),
    to: kickedOutcome,
  },
  'meeting-ended': {
    accepts: inState('joining', 'waiting_room', 'in_meeting', 'reconnecting', 'leaving'),
    to: () => ({ state: 'left', note: NOTES.hostEnded }),
  },
  'leave-requested': {
    accepts: inState('queued', 'minting', 'joining', 'waiting_room', 'in_meeting', 'reconnecting'),
    to: (bot) =>
      bot.state === 'queued' || bot.state === 'minting'
        ? { state: 'left', note: NOTES.cancelled }
        : leaveWith(bot, undefined, NOTES.rejoinCancelled),
  },
  'auto-leave': {
    accepts: inState('waiting_room', 'in_meeting', 'reconnecting'),
    to: (bot, event) => {
      const note = autoLeaveNote(event.reason, event.afterMs);
      return leaveWith(bot, note, note);
    },
  },
  left: {
    accepts: (bot) => hasLivePage(bot) || bot.state === 'leaving',
    to: (bot) =>
      bot.state === 'leaving'
        ? { state: 'left', note: bot.note ?? NOTES.leftOnRequest }
        : { state: 'left', note: NOTES.leftOnItsOwn },
  },
  'window-gone': {
    accepts: (bot) => hasLivePage(bot) || bot.state === 'leaving',
    to: (bot, event, now) =>
      bot.state === 'leaving'
        ? { state: 'left', note: bot.note ?? NOTES.leftOnRequest }
        : rejoinOrFail(bot, windowGoneFailure(event.reason ?? 'closed'), now),
  },
  failed: {
    accepts: (bot) => !isEnded(bot.state),
    to: (bot, event, now) => {
      const { failure } = event;
      if (failure.code === KICKED_FAILURE.code && hasLivePage(bot)) return kickedOutcome(bot);
      // A rejoin (Botdeck's, or Zoom's own reconnect) that fails may try again; a first join
      // that fails does not: its reason (wrong passcode, no such meeting…) is the operator's.
      if (bot.state !== 'reconnecting') return { state: 'failed', failure };
      if (failure.code === 4004) return { state: 'left', note: NOTES.hostEnded };
      return isWorthAnotherAttempt(failure)
        ? rejoinOrFail(bot, failure, now)
        : { state: 'failed', failure };
    },
  },
  'join-timeout': {
    accepts: either(inState('joining'), rejoinPhase('joining')),
    to: (bot, event, now) =>
      bot.state === 'joining'
        ? { state: 'failed', failure: joinTimeoutFailure(event.afterMs) }
        : rejoinOrFail(bot, joinTimeoutFailure(event.afterMs), now),
  },
  // Neither changes where the bot stands: a name (before the join, or confirmed by the meeting)
  // and the row's words about its last chat message or rename.
  renamed: {
    accepts: (bot) => !isEnded(bot.state),
    to: (bot, event) => ({ state: bot.state, name: event.name }),
  },
  activity: {
    accepts: (bot) => !isEnded(bot.state),
    to: (bot, event) => ({ state: bot.state, activity: event.activity }),
  },
};

/** Settled time carries over between the meeting and its waiting room, and through Zoom's own reconnects. */
function settledSinceAfter(bot: BotRecord, state: BotState, now: number): number | null {
  if (state === 'in_meeting' || state === 'waiting_room') return bot.settledSince ?? now;
  return state === 'reconnecting' ? bot.settledSince : null;
}

/**
 * Applies `event` to `bot` at time `now`. Returns the new record (the input is never mutated)
 * or the reason the event is illegal in the bot's current state.
 */
export function transition(bot: BotRecord, event: BotEvent, now: number): TransitionResult {
  if (isEnded(bot.state)) {
    return {
      ok: false,
      reason: `Bot ${bot.id} is ${bot.state}; nothing leaves that state (got ${event.type}).`,
    };
  }
  const rule = RULES[event.type] as {
    accepts: (bot: BotRecord) => boolean;
    to: (bot: BotRecord, event: BotEvent, now: number) => Outcome;
  };
  if (!rule.accepts(bot)) {
    const phase = bot.rejoin ? ` (rejoin ${bot.rejoin.phase})` : '';
    return {
      ok: false,
      reason: `Event ${event.type} is not allowed while bot ${bot.id} is ${bot.state}${phase}.`,
    };
  }
  const outcome = rule.to(bot, event, now);
  const { state } = outcome;
  const changed = state !== bot.state;
  const next: BotRecord = {
    ...bot,
    state,
    stateSince: changed ? now : bot.stateSince,
    joinAttempts: event.type === 'minted' ? bot.joinAttempts + 1 : bot.joinAttempts,
    joinedAt: state === 'in_meeting' && bot.joinedAt === null ? now : bot.joinedAt,
    endedAt: isEnded(state) ? now : bot.endedAt,
    failure: outcome.failure ?? bot.failure,
    note: outcome.note ?? bot.note,
    name: outcome.name ?? bot.name,
    activity: outcome.activity ?? bot.activity,
    rejoin:
      outcome.rejoin !== undefined ? outcome.rejoin : state === 'reconnecting' ? bot.rejoin : null,
    rejoinsUsed: outcome.rejoinsUsed ?? bot.rejoinsUsed,
    settledSince:
      outcome.settledSince !== undefined
        ? outcome.settledSince
        : settledSinceAfter(bot, state, now),
    // A count is only true while the bot stays in the meeting it was counted in.
    participantCount:
      outcome.participantCount ??
      (state === 'in_meeting' && bot.state === 'in_meeting' ? bot.participantCount : null),
  };
  return { ok: true, bot: next };
}
