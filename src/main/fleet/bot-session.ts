/**
 * A bot's life, part 2 of 3: its page at work. The page says ready and takes its ticket, once;
 * what it reports becomes state-machine events; a window that goes away on its own is recorded.
 * When the machine decides to rejoin (a drop, a crashed or hung window, a failed attempt), the
 * old page is dropped at once (its ticket discarded, its window closed, so the bot never holds
 * two), and after a jittered backoff bot-launch.ts makes a new attempt: a fresh ZAK, a new page.
 *
 * A rejoin always gets a NEW page rather than a second ticket for the old one: the Meeting SDK
 * allows one join per page and keeps join state in the page's storage, a crashed or hung page
 * cannot be reused anyway, and "one ticket per page, handed once" stays the only rule the ticket
 * desk needs. A ZAK is never reused (docs/zoom.md, "Observed ZAK semantics").
 *
 * Before: bot-launch.ts. Then: bot-leave.ts.
 */
import {
  fail,
  ok,
  type BotReportedStatus,
  type JoinTicket,
  type Result,
} from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { BotLaunch } from './bot-launch';
import type { BotRecord } from './bot-record';
import type { BotStore } from './bot-store';
import type { BotWindowHost } from './bot-window-host';
import type { FleetTimers, TimerHandle } from './fleet-timers';
import { rejoinDelayMs, type BackoffPolicy } from './rejoin-policy';
import { reportToEvents, type ParsedBotStatusReport } from './report-events';
import type { TicketDesk } from './ticket-desk';
import type { WindowKeeper } from './window-keeper';

export interface BotSessionOptions {
  store: BotStore;
  desk: TicketDesk;
  windows: WindowKeeper;
  windowHost: Pick<BotWindowHost, 'onGone'>;
  /** Where a rejoin's next attempt starts once its backoff ran out. */
  launch: Pick<BotLaunch, 'attempt'>;
  timers: FleetTimers;
  now(): number;
  random(): number;
  backoff: BackoffPolicy;
  logger: Logger;
}

export interface BotSession {
  /** The bot's page said ready: its ticket, the first time only. */
  ready(botId: string): Result<JoinTicket>;
  /** The bot's page reported its meeting status; a report that does not fit is ignored. */
  status(botId: string, report: ParsedBotStatusReport): Result<null>;
  /** After every stored transition of a live bot: starts or forgets its rejoin. */
  afterTransition(bot: BotRecord): void;
  /** The bot ended: no rejoin is pending for it. */
  ended(botId: string): void;
  /** Shutting down: no rejoin pending, no window watched. */
  stop(): void;
}

/** What a page reports once it is out of its meeting (or never got in). */
const PAGE_OUT_STATUSES: ReadonlySet<BotReportedStatus> = new Set([
  'left',
  'failed',
  'ended',
  'kicked',
  'disconnected',
]);

export function createBotSession(options: BotSessionOptions): BotSession {
  const { store, desk, windows, timers, logger } = options;
  /** Rejoins waiting out their backoff, by bot. */
  const rejoins = new Map<string, TimerHandle>();

  const stopWatchingWindows = options.windowHost.onGone((botId, reason) => {
    windows.markGone(botId);
    if (!store.get(botId)) return;
    const result = store.apply(botId, { type: 'window-gone', reason });
    // Refused when the bot had ended or had already dropped that page for a rejoin.
    if (!result.ok) logger.info('A bot window went away with no page to lose', { botId, reason });
  });

  function forgetRejoin(botId: string): void {
    const handle = rejoins.get(botId);
    if (handle === undefined) return;
    timers.clearTimeout(handle);
    rejoins.delete(botId);
  }

  /** Drops the old page now, and starts the next attempt when the backoff runs out. */
  function scheduleRejoin(bot: BotRecord): void {
    forgetRejoin(bot.id);
    desk.discard(bot.id);
    void windows.close(bot.id);
    const delay = rejoinDelayMs(bot.rejoinsUsed, options.backoff, options.random);
    logger.info('Rejoining a bot with a fresh ZAK', {
      botId: bot.id,
      attempt: bot.rejoinsUsed,
      maxAttempts: bot.maxRejoins,
      delayMs: delay,
      reason: bot.rejoin?.cause.message,
    });
    rejoins.set(
      bot.id,
      timers.setTimeout(() => {
        rejoins.delete(bot.id);
        options.launch.attempt(bot.id);
      }, delay),
    );
    store.apply(bot.id, { type: 'rejoin-scheduled', at: options.now() + delay });
  }

  return {
    ready(botId) {
      if (!store.get(botId)) return fail('no_ticket', 'Botdeck does not know this bot.');
      const result = desk.take(botId);
      if (result.ok) windows.markJoining(botId);
      if (result.ok) logger.info('Handed a bot its join ticket', { botId });
      else logger.warn('Refused a bot page its ticket', { botId, code: result.error.code });
      return result;
    },

    status(botId, report) {
      const bot = store.get(botId);
      if (!bot) return fail('not_found', 'Botdeck does not know this bot.');
      // Before the report's transition, which may close the window: a page out of its meeting
      // has nothing to leave.
      if (PAGE_OUT_STATUSES.has(report.status)) windows.markOut(botId);
      for (const event of reportToEvents(report, bot.state === 'in_meeting')) {
        const result = store.apply(botId, event);
        if (result.ok) continue;
        logger.warn('Ignored a bot report that does not fit its state', {
          botId,
          status: report.status,
          code: report.code,
          reason: result.reason,
        });
      }
      return ok(null);
    },

    afterTransition(bot) {
      const { rejoin } = bot;
      if (bot.state === 'reconnecting' && rejoin?.phase === 'backoff') {
        // Scheduling applies one more transition, which comes back here with a time set.
        if (rejoin.nextTryAt === null) scheduleRejoin(bot);
        return;
      }
      forgetRejoin(bot.id);
    },

    ended: forgetRejoin,

    stop() {
      for (const botId of [...rejoins.keys()]) forgetRejoin(botId);
      stopWatchingWindows();
    },
  };
}
