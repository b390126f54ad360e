/**
 * Per-bot timers that take a bot out on its own: too long in the waiting room, alone in the
 * meeting too long, past the launch's maximum duration, or stuck in Zoom's own reconnect. After
 * every transition the fleet calls `sync` with the bot's record; the timers each bot should have
 * are derived from that record alone, armed or cleared to match, so none can be left behind.
 */
import type { BotRecord } from './bot-record';
import type { AutoLeaveReason } from './bot-words';
import type { FleetTimers, TimerHandle } from './fleet-timers';
import type { BotLimits } from './launch-limits';

/** The auto-leave reasons, plus a Zoom reconnect that never finishes (Botdeck then rejoins). */
export type BotTimerKind = AutoLeaveReason | 'reconnect_stall';

const KINDS: readonly BotTimerKind[] = ['waiting_room', 'alone', 'max_duration', 'reconnect_stall'];

export interface AutoLeaveTimersOptions {
  timers: FleetTimers;
  now: () => number;
  limitsOf(botId: string): BotLimits | undefined;
  /** How many of Botdeck's own bots are in that meeting now. */
  ownBotsIn(meetingNumber: string): number;
  /** A timer ran out; `afterMs` is the limit that was reached. */
  onExpire(botId: string, kind: BotTimerKind, afterMs: number): void;
}

export interface AutoLeaveTimers {
  sync(bot: BotRecord): void;
  forget(botId: string): void;
  dispose(): void;
}

interface Armed {
  deadline: number;
  handle: TimerHandle;
}

export function createAutoLeaveTimers(options: AutoLeaveTimersOptions): AutoLeaveTimers {
  const { timers, now } = options;
  const armed = new Map<string, Armed>();
  /** When each bot was first reported alone, while it stays alone. */
  const aloneSince = new Map<string, number>();
  const keyOf = (botId: string, kind: BotTimerKind): string => `${kind}\u0000${botId}`;

  /** The deadline and limit a timer of `kind` should have for `bot` now, or null for none. */
  function wanted(bot: BotRecord, kind: BotTimerKind, limits: BotLimits) {
    const at = (start: number | null, limit: number | null) =>
      start === null || limit === null ? null : { deadline: start + limit, afterMs: limit };
    switch (kind) {
      case 'waiting_room':
        return bot.state === 'waiting_room'
          ? at(bot.stateSince, limits.waitingRoomTimeoutMs)
          : null;
      case 'alone':
        return at(aloneSince.get(bot.id) ?? null, limits.aloneTimeoutMs);
      case 'max_duration':
        return ['waiting_room', 'in_meeting', 'reconnecting'].includes(bot.state)
          ? at(bot.joinedAt, limits.maxDurationMs)
          : null;
      case 'reconnect_stall':
        return bot.state === 'reconnecting' && bot.rejoin === null
          ? at(bot.stateSince, limits.joinTimeoutMs)
          : null;
    }
  }

  function clear(key: string): void {
    const entry = armed.get(key);
    if (!entry) return;
    timers.clearTimeout(entry.handle);
    armed.delete(key);
  }

  function forget(botId: string): void {
    for (const kind of KINDS) clear(keyOf(botId, kind));
    aloneSince.delete(botId);
  }

  return {
    sync(bot) {
      const limits = options.limitsOf(bot.id);
      if (!limits) return forget(bot.id);
      // Alone means nobody but Botdeck's own bots: a meeting the people have left is over for
      // its bots too. An unknown count is not alone.
      const alone =
        bot.state === 'in_meeting' &&
        bot.participantCount !== null &&
        bot.participantCount <= Math.max(1, options.ownBotsIn(bot.meetingNumber));
      if (!alone) aloneSince.delete(bot.id);
      else if (!aloneSince.has(bot.id)) aloneSince.set(bot.id, now());

      for (const kind of KINDS) {
        const key = keyOf(bot.id, kind);
        const want = wanted(bot, kind, limits);
        const have = armed.get(key);
        if (want && have?.deadline === want.deadline) continue;
        clear(key);
        if (!want) continue;
        const handle = timers.setTimeout(
          () => {
            armed.delete(key);
            options.onExpire(bot.id, kind, want.afterMs);
          },
          Math.max(0, want.deadline - now()),
        );
        armed.set(key, { deadline: want.deadline, handle });
      }
    },
    forget,
    dispose() {
      for (const key of [...armed.keys()]) clear(key);
      aloneSince.clear();
    },
  };
}
