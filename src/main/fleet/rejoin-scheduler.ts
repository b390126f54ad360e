/**
 * Turns "this bot must rejoin" into action. When the state machine puts a bot into a rejoin
 * backoff, the scheduler drops the old page at once (its ticket is discarded and its window
 * closed, so the bot never holds two windows or two tickets), picks the jittered delay, records
 * the next try time for the dashboard, and starts the next join attempt when it is due. The
 * attempt itself mints a fresh ZAK: a ZAK is never reused (docs/zoom.md, "Observed ZAK semantics").
 */
import type { Logger } from '../log/logger';
import type { BotRecord } from './bot-record';
import type { BotStore } from './bot-store';
import type { FleetTimers, TimerHandle } from './fleet-timers';
import { rejoinDelayMs, type BackoffPolicy } from './rejoin-policy';

export interface RejoinSchedulerOptions {
  store: BotStore;
  timers: FleetTimers;
  now: () => number;
  random: () => number;
  backoff: BackoffPolicy;
  logger: Logger;
  /** Discards the bot's ticket and closes its page (never throws). */
  dropPage(botId: string): void;
  /** Starts the next join attempt (mint, new page) for a bot whose backoff ran out. */
  startAttempt(botId: string): void;
}

export interface RejoinScheduler {
  /** Called after every stored transition. */
  afterTransition(bot: BotRecord): void;
  /** Forgets a pending try (the bot ended). */
  cancel(botId: string): void;
  dispose(): void;
}

export function createRejoinScheduler(options: RejoinSchedulerOptions): RejoinScheduler {
  const { store, timers, logger } = options;
  const pending = new Map<string, TimerHandle>();

  function cancel(botId: string): void {
    const handle = pending.get(botId);
    if (handle === undefined) return;
    timers.clearTimeout(handle);
    pending.delete(botId);
  }

  function schedule(bot: BotRecord): void {
    cancel(bot.id);
    options.dropPage(bot.id);
    const delay = rejoinDelayMs(bot.rejoinsUsed, options.backoff, options.random);
    logger.info('Rejoining a bot with a fresh ZAK', {
      botId: bot.id,
      attempt: bot.rejoinsUsed,
      maxAttempts: bot.maxRejoins,
      delayMs: delay,
      reason: bot.rejoin?.cause.message,
    });
    pending.set(
      bot.id,
      timers.setTimeout(() => {
        pending.delete(bot.id);
        options.startAttempt(bot.id);
      }, delay),
    );
    store.apply(bot.id, { type: 'rejoin-scheduled', at: options.now() + delay });
  }

  return {
    afterTransition(bot) {
      const { rejoin } = bot;
      if (bot.state === 'reconnecting' && rejoin?.phase === 'backoff') {
        if (rejoin.nextTryAt === null) schedule(bot);
        return;
      }
      cancel(bot.id);
    },
    cancel,
    dispose() {
      for (const botId of [...pending.keys()]) cancel(botId);
    },
  };
}
