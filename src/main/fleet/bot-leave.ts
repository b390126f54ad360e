/**
 * A bot's life, part 3 of 3: how it ends. The operator's Leave and the launch's auto-leave
 * timers (waiting room, alone, maximum duration) put a bot in `leaving`: its page is asked to
 * leave, and its window is closed once the page says it is out (`left`) or the grace runs out; a
 * page that never took its ticket is in no meeting, so it is closed at once. However a bot ends
 * (left, kicked, failed, the meeting ended), `ended` takes down what it held: its ticket, its
 * timers, its window. At shutdown `closeAll` closes whatever is still open.
 *
 * Before: bot-launch.ts, bot-session.ts.
 */
import { fail, isEnded, ok, type Result } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { createAutoLeaveTimers, type BotTimerKind } from './auto-leave-timers';
import type { BotRecord } from './bot-record';
import { NO_BOT, type BotStore } from './bot-store';
import type { BotWindowHost } from './bot-window-host';
import type { FleetTimers, TimerHandle } from './fleet-timers';
import type { BotJoin } from './join-preparer';
import type { TicketDesk } from './ticket-desk';
import type { WindowKeeper } from './window-keeper';

export interface BotLeaveOptions {
  store: BotStore;
  desk: TicketDesk;
  windows: WindowKeeper;
  windowHost: Pick<BotWindowHost, 'send'>;
  /** What each live bot joins with: its auto-leave limits. */
  joins: ReadonlyMap<string, BotJoin>;
  timers: FleetTimers;
  now(): number;
  logger: Logger;
  /** How long a leaving page may take to confirm before its window is closed anyway. */
  graceMs: number;
}

export interface BotLeave {
  /** The operator asks one bot to leave (a bot that has not joined yet is cancelled). */
  leave(botId: string): Result<null>;
  /** After every stored transition of a live bot: arms or clears its auto-leave timers. */
  afterTransition(bot: BotRecord): void;
  /** The bot reached an ending state: no ticket, no timer, no window. */
  ended(bot: BotRecord): void;
  /** Shutting down: stops every timer, closes every window still open, and records it. */
  closeAll(): Promise<void>;
}

export function createBotLeave(options: BotLeaveOptions): BotLeave {
  const { store, desk, windows, logger } = options;
  /** Leaving pages' grace timers, by bot. */
  const graces = new Map<string, TimerHandle>();
  const autoLeave = createAutoLeaveTimers({
    timers: options.timers,
    now: options.now,
    limitsOf: (botId) => options.joins.get(botId)?.limits,
    ownBotsIn: (meetingNumber) =>
      store.all().filter((bot) => bot.meetingNumber === meetingNumber && bot.state === 'in_meeting')
        .length,
    onExpire: expire,
  });
  // For pages already asked to leave, and given their grace to do it.
  const closeAfterLeave = (botId: string): Promise<void> =>
    windows.close(botId, { askToLeave: false });

  /** Asks the page of a bot that has just entered `leaving` to leave, within the grace. */
  function startLeaving(botId: string): void {
    if (desk.isWaiting(botId)) {
      void finish(botId);
      return;
    }
    options.windowHost.send(botId, { type: 'leave' });
    const timer = options.timers.setTimeout(() => {
      logger.warn('A bot page did not confirm leaving in time; closing its window', { botId });
      void finish(botId);
    }, options.graceMs);
    graces.set(botId, timer);
  }

  async function finish(botId: string): Promise<void> {
    graces.delete(botId);
    await closeAfterLeave(botId);
    // close() never reports "gone", so the window's end is recorded here.
    if (store.get(botId)?.state === 'leaving') {
      store.apply(botId, { type: 'window-gone', reason: 'closed' });
    }
  }

  function forgetGrace(botId: string): void {
    const timer = graces.get(botId);
    if (timer !== undefined) options.timers.clearTimeout(timer);
    graces.delete(botId);
  }

  function expire(botId: string, kind: BotTimerKind, afterMs: number): void {
    if (kind === 'reconnect_stall') {
      // Zoom's own reconnect did not finish in time: Botdeck rejoins with a fresh ZAK instead.
      store.apply(botId, { type: 'disconnected' });
      return;
    }
    logger.info('Auto-leave', { botId, reason: kind, afterMs });
    const result = store.apply(botId, { type: 'auto-leave', reason: kind, afterMs });
    if (result.ok && result.bot.state === 'leaving') startLeaving(botId);
  }

  return {
    leave(botId) {
      const bot = store.get(botId);
      if (!bot) return NO_BOT;
      if (bot.state === 'leaving') return ok(null);
      if (isEnded(bot.state)) return fail('not_live', 'That bot has already left or failed.');
      const result = store.apply(botId, { type: 'leave-requested' });
      if (result.ok && result.bot.state === 'leaving') startLeaving(botId);
      return ok(null);
    },

    afterTransition: (bot) => autoLeave.sync(bot),

    ended(bot) {
      desk.discard(bot.id);
      forgetGrace(bot.id);
      autoLeave.forget(bot.id);
      logger.info('Bot ended', {
        botId: bot.id,
        state: bot.state,
        failure: bot.failure,
        note: bot.note,
      });
      void windows.close(bot.id);
    },

    async closeAll() {
      for (const botId of [...graces.keys()]) forgetGrace(botId);
      autoLeave.dispose();
      await Promise.all(windows.openIds().map((botId) => closeAfterLeave(botId)));
      // Pages too slow to confirm have had their windows closed: they are gone either way.
      for (const bot of store.all()) {
        if (bot.state === 'leaving') store.apply(bot.id, { type: 'window-gone', reason: 'closed' });
      }
    },
  };
}
