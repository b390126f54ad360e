/**
 * A bot's life, part 1 of 3: from the launch to a page holding its ticket. `launch` makes the
 * bots (queued) and remembers what each joins with. Every join attempt, the first and each
 * rejoin's (bot-session.ts asks for those), then takes the same path under the launch cap of its
 * kind: mint a fresh ZAK and sign (join-preparer.ts), leave the ticket at the desk, open a new
 * page, and hold the slot until the page is in, waiting or out, or the join timeout stops it, so
 * a mass drop rejoins at the same measured pace as a launch.
 *
 * Then: bot-session.ts (the page takes its ticket and reports), bot-leave.ts (how it ends).
 */
import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import {
  fail,
  ok,
  type BotFailure,
  type LaunchTimeouts,
  type Result,
} from '../../shared/ipc-contract';
import type { ZoomWebDomain } from '../../shared/meeting-link';
import type { Logger } from '../log/logger';
import { createBotRecord, type BotRecord } from './bot-record';
import type { BotStore } from './bot-store';
import type { BotJoin, FleetAccount, PrepareJoin } from './join-preparer';
import { resolveLimits, type BotLimits } from './launch-limits';
import type { LaunchConcurrency } from './launch-pace';
import type { TicketDesk } from './ticket-desk';
import type { WindowKeeper } from './window-keeper';

/** A parsed, validated launch. */
export interface LaunchPlan {
  meetingNumber: string;
  passcode: string;
  /** Which Zoom cloud the meeting is on (its link's domain); zoom.us when not given. */
  zoomDomain?: ZoomWebDomain;
  names: string[];
  account: FleetAccount;
  timeouts?: LaunchTimeouts;
  /** Said in the chat right after each bot first joins; `{name}` is the bot's name. */
  chatOnJoin?: string | null;
}

export interface BotLaunchOptions {
  store: BotStore;
  desk: TicketDesk;
  windows: WindowKeeper;
  /** The fleet's map of what each live bot joins with; a launch fills it. */
  joins: Map<string, BotJoin>;
  prepareJoin: PrepareJoin;
  /** Join attempts under way at once, per kind of meeting client. */
  concurrency: LaunchConcurrency;
  /** The limits a launch's `timeouts` override. */
  defaults: BotLimits;
  newId(): string;
  now(): number;
  logger: Logger;
}

export interface BotLaunch {
  launch(plan: LaunchPlan): Result<{ botIds: string[] }>;
  /** Queues a join attempt: a new bot's first, or a rejoin's once its backoff ran out. */
  attempt(botId: string): void;
  /** Shutting down: no launch, no new attempt, no join timeout from now on. */
  stop(): void;
}

const isMinting = (bot: BotRecord | undefined): boolean =>
  bot?.state === 'minting' || (bot?.state === 'reconnecting' && bot.rejoin?.phase === 'minting');

const isJoining = (bot: BotRecord | undefined): boolean =>
  bot?.state === 'joining' || (bot?.state === 'reconnecting' && bot.rejoin?.phase === 'joining');

const ZAK_REUSED: BotFailure = {
  kind: 'app',
  code: null,
  message: 'Zoom handed out a ZAK that an earlier join already used; Botdeck never reuses one.',
};

const WINDOW_FAILED: BotFailure = {
  kind: 'app',
  code: null,
  message: 'Botdeck could not open the bot window; see the log.',
};

const UNEXPECTED: BotFailure = {
  kind: 'app',
  code: null,
  message: 'Botdeck hit an unexpected error joining this bot; see the log.',
};

export function createBotLaunch(options: BotLaunchOptions): BotLaunch {
  const { store, desk, windows, joins, logger } = options;
  // One queue per kind: a launch of Zoom bots does not hold sandbox bots back, or the reverse.
  const queues = {
    sandbox: pLimit(options.concurrency.sandbox),
    zoom: pLimit(options.concurrency.zoom),
  };
  let stopped = false;

  /** One attempt: mint, ticket, page, then wait for the page to get in (or not). */
  async function runAttempt(botId: string): Promise<void> {
    // A bot cancelled while it queued (or while its rejoin waited) has nothing left to do.
    if (!store.apply(botId, { type: 'mint-started' }).ok) return;
    const join = joins.get(botId);
    if (!join) return;
    const prepared = await options.prepareJoin(botId, join.request, join.limits.joinTimeoutMs);
    // Cancelled while minting: the fresh ZAK is simply dropped (older ZAKs stay valid anyway).
    if (!isMinting(store.get(botId))) return;
    if (!prepared.ok) {
      store.apply(botId, { type: 'failed', failure: prepared.failure });
      return;
    }
    // Renamed while it minted: the ticket carries the name it has now.
    const userName = joins.get(botId)?.request.userName ?? prepared.ticket.userName;
    try {
      desk.issue(botId, { ...prepared.ticket, userName });
    } catch {
      logger.error('Refused a ZAK that was already used for a join', { botId });
      store.apply(botId, { type: 'failed', failure: ZAK_REUSED });
      return;
    }
    store.apply(botId, { type: 'minted' });
    const attempt = store.get(botId)?.joinAttempts;
    const stillJoining = (): boolean => {
      const bot = store.get(botId);
      return isJoining(bot) && bot?.joinAttempts === attempt;
    };
    // Registered before open(): a fast page may take its ticket and join before open resolves.
    const settled = store.waitFor(() => !stillJoining(), join.limits.joinTimeoutMs);
    try {
      await windows.open(botId, { sdk: prepared.ticket.sdk }, stillJoining);
    } catch (error) {
      logger.error('Could not open a bot window', { botId, error });
      if (stillJoining()) store.apply(botId, { type: 'failed', failure: WINDOW_FAILED });
    }
    if (!(await settled) && stillJoining() && !stopped) {
      store.apply(botId, { type: 'join-timeout', afterMs: join.limits.joinTimeoutMs });
    }
  }

  /** Runs one attempt under the cap of its kind; nothing unexpected may lose the bot. */
  function attempt(botId: string): void {
    if (stopped) return;
    const queue = queues[joins.get(botId)?.request.account.sdk ?? 'sandbox'];
    queue(() => runAttempt(botId)).catch((error: unknown) => {
      logger.error('A bot join failed unexpectedly', { botId, error });
      store.apply(botId, { type: 'failed', failure: UNEXPECTED });
    });
  }

  return {
    launch(plan) {
      if (stopped)
        return fail('shutting_down', 'Botdeck is shutting down; no new bots can launch.');
      const limits = resolveLimits(options.defaults, plan.timeouts);
      const { account, meetingNumber, passcode } = plan;
      const launchId = randomUUID();
      const zoomDomain = plan.zoomDomain ?? 'zoom.us';
      const botIds = plan.names.map((name) => {
        const id = options.newId();
        const request = { account, meetingNumber, passcode, zoomDomain, userName: name };
        joins.set(id, { request, limits, chatOnJoin: plan.chatOnJoin ?? null });
        const bot = {
          id,
          name,
          meetingNumber,
          accountId: account.id,
          launchId,
          avatarUrl: account.avatarUrl,
          maxRejoins: limits.reconnectAttempts,
        };
        store.add(createBotRecord(bot, options.now()));
        return id;
      });
      for (const id of botIds) attempt(id);
      logger.info('Launching bots', { count: botIds.length, meetingNumber, accountId: account.id });
      return ok({ botIds });
    },
    attempt,
    stop() {
      stopped = true;
    },
  };
}
