/**
 * The bot fleet: launches bots through a concurrency cap (mint → open page → wait until the
 * page is in, waiting, or failed), hands each page its ticket once, turns page reports into
 * state, and leaves bots gracefully. All state changes go through the pure state machine
 * (`bot-machine.ts`); this file performs the side effects around it.
 */
import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import {
  fail,
  ok,
  type BotsChangedEvent,
  type BotView,
  type JoinTicket,
  type Result,
} from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { DEFAULT_ZAK_TTL_SECONDS } from '../zoom/zoom-client';
import { createBotRecord, isTerminal, toBotView, type BotRecord } from './bot-record';
import { createBotStore } from './bot-store';
import type { BotWindowHost } from './bot-window-host';
import { createJoinPreparer, type FleetAccount } from './join-preparer';
import { createLeaveFlow } from './leave-flow';
import { reportToEvent, type ParsedBotStatusReport } from './report-events';
import { createTicketDesk } from './ticket-desk';

export interface FleetOptions {
  windowHost: BotWindowHost;
  logger: Logger;
  now: () => number;
  sandboxUrl: string | null;
  /** Bots minting or joining at once (default 4). */
  concurrency?: number;
  /** How long a page may take to get in (or into the waiting room) before it is stopped. */
  joinTimeoutMs?: number;
  /** How long a leaving page may take to confirm before its window is closed anyway. */
  leaveGraceMs?: number;
  zakTtlSeconds?: number;
  newId?: () => string;
}

/** A parsed, validated launch. */
export interface LaunchPlan {
  meetingNumber: string;
  passcode: string;
  names: string[];
  account: FleetAccount;
}

export interface Fleet {
  launch(plan: LaunchPlan): Result<{ botIds: string[] }>;
  /** Asks one bot to leave (cancels it if it has not joined yet). */
  leave(botId: string): Result<null>;
  /** Asks every live bot to leave; returns how many were asked. */
  leaveAll(): number;
  list(): BotView[];
  onChanged(listener: (event: BotsChangedEvent) => void): () => void;
  /** A bot page said ready: its ticket, the first time only. */
  botReady(botId: string): Result<JoinTicket>;
  /** A bot page reported its meeting status. Reports that do not fit the bot's state are ignored. */
  botStatus(botId: string, report: ParsedBotStatusReport): Result<null>;
  /** Leaves every bot, waits up to `timeoutMs` for them to end, then closes what is left. */
  dispose(timeoutMs?: number): Promise<void>;
}

export const FLEET_DEFAULTS = {
  concurrency: 4,
  joinTimeoutMs: 60_000,
  leaveGraceMs: 10_000,
} as const;

export function createFleet(options: FleetOptions): Fleet {
  const { windowHost, logger } = options;
  const joinTimeoutMs = options.joinTimeoutMs ?? FLEET_DEFAULTS.joinTimeoutMs;
  const leaveGraceMs = options.leaveGraceMs ?? FLEET_DEFAULTS.leaveGraceMs;
  const newId = options.newId ?? randomUUID;
  const limit = pLimit(options.concurrency ?? FLEET_DEFAULTS.concurrency);
  const desk = createTicketDesk();
  const prepareJoin = createJoinPreparer({
    sandboxUrl: options.sandboxUrl,
    zakTtlSeconds: options.zakTtlSeconds ?? DEFAULT_ZAK_TTL_SECONDS,
    now: options.now,
    logger,
  });
  /** Per bot: what it joins with. The passcode stays here, never in the record. */
  const plans = new Map<string, { plan: LaunchPlan; name: string }>();
  /** Bots whose window the host was asked to open (so it must be closed at the end). */
  const opened = new Set<string>();
  let disposed = false;

  const store = createBotStore({ now: options.now, logger, onTransition: afterTransition });
  const leaving = createLeaveFlow({
    store,
    desk,
    windowHost,
    closeWindow,
    logger,
    graceMs: leaveGraceMs,
  });
  const stopWatchingWindows = windowHost.onGone((botId, reason) => {
    if (!store.get(botId)) return;
    const result = store.apply(botId, { type: 'window-gone', reason });
    if (!result.ok) logger.info('A bot window went away after its bot ended', { botId, reason });
  });

  function afterTransition(before: BotRecord, after: BotRecord): void {
    if (isTerminal(after.state) && !isTerminal(before.state)) endBot(after);
  }

  /** Cleanup when a bot reaches left/failed: no ticket, no timer, no window. */
  function endBot(bot: BotRecord): void {
    desk.discard(bot.id);
    leaving.forget(bot.id);
    plans.delete(bot.id);
    logger.info('Bot ended', {
      botId: bot.id,
      state: bot.state,
      failure: bot.failure,
      note: bot.note,
    });
    if (opened.has(bot.id)) void closeWindow(bot.id);
  }

  function closeWindow(botId: string): Promise<void> {
    opened.delete(botId);
    return windowHost.close(botId).catch((error: unknown) => {
      logger.warn('Could not close a bot window', { botId, error });
    });
  }

  async function runBot(botId: string): Promise<void> {
    // A bot cancelled while it queued has nothing left to do.
    if (!store.apply(botId, { type: 'mint-started' }).ok) return;
    const entry = plans.get(botId);
    if (!entry) return;
    const prepared = await prepareJoin(botId, {
      account: entry.plan.account,
      meetingNumber: entry.plan.meetingNumber,
      passcode: entry.plan.passcode,
      userName: entry.name,
    });
    // Cancelled while minting: the fresh ZAK is simply dropped (older ZAKs stay valid anyway).
    if (store.get(botId)?.state !== 'minting') return;
    if (!prepared.ok) {
      store.apply(botId, { type: 'failed', failure: prepared.failure });
      return;
    }
    desk.issue(botId, prepared.ticket);
    store.apply(botId, { type: 'minted' });
    // Registered before open(): a fast page may take its ticket and join before open resolves.
    const settled = store.waitFor(() => store.get(botId)?.state !== 'joining', joinTimeoutMs);
    opened.add(botId);
    try {
      await windowHost.open(botId);
    } catch (error) {
      logger.error('Could not open a bot window', { botId, error });
      if (store.get(botId)?.state === 'joining') {
        store.apply(botId, {
          type: 'failed',
          failure: {
            kind: 'app',
            code: null,
            message: 'Botdeck could not open the bot window; see the log.',
          },
        });
      }
    }
    if (!(await settled)) store.apply(botId, { type: 'join-timeout', afterMs: joinTimeoutMs });
  }

  function leaveAll(): number {
    let count = 0;
    for (const bot of store.all()) {
      if (isTerminal(bot.state) || bot.state === 'leaving') continue;
      if (leave(bot.id).ok) count++;
    }
    return count;
  }

  function leave(botId: string): Result<null> {
    const bot = store.get(botId);
    if (!bot) return fail('not_found', 'There is no bot with that id.');
    if (bot.state === 'leaving') return ok(null);
    if (isTerminal(bot.state)) return fail('not_live', 'That bot has already left or failed.');
    const result = store.apply(botId, { type: 'leave-requested' });
    if (result.ok && result.bot.state === 'leaving') leaving.start(botId);
    return ok(null);
  }

  return {
    launch(plan) {
      if (disposed)
        return fail('shutting_down', 'Botdeck is shutting down; no new bots can launch.');
      const botIds = plan.names.map((name) => {
        const id = newId();
        plans.set(id, { plan, name });
        store.add(
          createBotRecord(
            {
              id,
              name,
              meetingNumber: plan.meetingNumber,
              accountId: plan.account.id,
              avatarUrl: plan.account.avatarUrl,
            },
            options.now(),
          ),
        );
        return id;
      });
      for (const id of botIds) {
        void limit(() => runBot(id)).catch((error: unknown) => {
          logger.error('A bot launch failed unexpectedly', { botId: id, error });
          store.apply(id, {
            type: 'failed',
            failure: {
              kind: 'app',
              code: null,
              message: 'Botdeck hit an unexpected error launching this bot; see the log.',
            },
          });
        });
      }
      logger.info('Launching bots', {
        count: botIds.length,
        meetingNumber: plan.meetingNumber,
        accountId: plan.account.id,
      });
      return ok({ botIds });
    },
    leave,
    leaveAll,
    list: () => store.all().map(toBotView),
    onChanged: (listener) => store.subscribe(listener),
    botReady(botId) {
      if (!store.get(botId)) return fail('no_ticket', 'Botdeck does not know this bot.');
      const result = desk.take(botId);
      if (result.ok) logger.info('Handed a bot its join ticket', { botId });
      else logger.warn('Refused a bot page its ticket', { botId, code: result.error.code });
      return result;
    },
    botStatus(botId, report) {
      if (!store.get(botId)) return fail('not_found', 'Botdeck does not know this bot.');
      const event = reportToEvent(report);
      const result = store.apply(botId, event);
      if (!result.ok) {
        logger.warn('Ignored a bot report that does not fit its state', {
          botId,
          status: report.status,
          code: report.code,
          reason: result.reason,
        });
      }
      return ok(null);
    },
    async dispose(timeoutMs = leaveGraceMs + 1_000) {
      disposed = true;
      leaveAll();
      await store.waitFor(() => store.all().every((bot) => isTerminal(bot.state)), timeoutMs);
      leaving.dispose();
      await Promise.all([...opened].map((botId) => closeWindow(botId)));
      // Pages too slow to confirm have had their windows closed: they are gone either way.
      for (const bot of store.all()) {
        if (bot.state === 'leaving') store.apply(bot.id, { type: 'window-gone', reason: 'closed' });
      }
      stopWatchingWindows();
      store.close();
    },
  };
}
