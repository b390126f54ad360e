/**
 * The bot lifecycle as a pure function: (bot, event, now) → the next bot, or a reason the event
 * is not allowed now. No I/O and no clock of its own, so every transition is unit-tested and
 * the fleet stays a thin shell that performs side effects around it. Which events each state
 * accepts, and where they lead, is the rule table in `bot-rules.ts`; this file applies a rule
 * and keeps the record's bookkeeping (times, attempts, counts) consistent.
 *
 * The fleet closes the old page on a rejoin, waits out the backoff, mints a fresh ZAK and opens
 * a new page, feeding each step back in as an event.
 */
import { isEnded, type BotState } from '../../shared/ipc-contract';
import type { BotRecord } from './bot-record';
import { RULES, type BotEvent, type Outcome } from './bot-rules';

export type TransitionResult = { ok: true; bot: BotRecord } | { ok: false; reason: string };

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
