/**
 * What each event does to a bot, as data: for every event, which bots accept it and where it
 * leads from there. `bot-machine.ts` applies these rules; keeping them apart lets the rule
 * table read as one list, event by event.
 *
 * Rejoining is decided here too: a drop, a crashed window or a failed rejoin attempt leads to
 * `reconnecting` with a bounded attempt count, and only a kick or the meeting's end rules a
 * rejoin out for good.
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

type BotEventType = BotEvent['type'];

/** The target of an allowed event. Fields left undefined take the defaults in `transition`. */
export interface Outcome {
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
export const RULES: {
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
