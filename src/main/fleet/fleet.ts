/**
 * The bot fleet: launches bots through a concurrency cap, hands each page its ticket once, turns
 * page reports into state, rejoins dropped or crashed bots with a fresh ZAK, takes bots out on
 * the launch's auto-leave timers, and leaves bots gracefully. All state changes go through the
 * pure state machine (`bot-machine.ts`); this file wires the parts that perform side effects.
 *
 * A rejoin always gets a NEW page rather than a second ticket for the old one: the old window
 * is closed first (its session storage goes with it: a new browser context in the web host, a
 * cleared partition in Electron), then a new one opens. The Meeting SDK allows one join per
 * page and keeps join state in the page's storage, a crashed or hung page cannot be reused
 * anyway, and "one ticket per page, handed once" stays the only rule the ticket desk needs.
 * The window keeper enforces the close-then-open order, so a bot never holds two windows.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { fail, isEnded, ok, type BotReportedStatus, type Result } from '../../shared/ipc-contract';
import { createAutoLeaveTimers, type BotTimerKind } from './auto-leave-timers';
import { createBotActions, type BotJoin } from './bot-actions';
import { createBotRecord, toBotView, type BotRecord } from './bot-record';
import { createBotStore } from './bot-store';
import { FLEET_DEFAULTS, type Fleet, type FleetOptions } from './fleet-api';
import { createFleetGroups } from './fleet-groups';
import { realTimers } from './fleet-timers';
import { createJoinPreparer } from './join-preparer';
import { createJoinRunner } from './join-runner';
import { DEFAULT_LIMITS, resolveLimits, type BotLimits } from './launch-limits';
import { launchConcurrency } from './launch-pace';
import { createLeaveFlow } from './leave-flow';
import { createRejoinScheduler } from './rejoin-scheduler';
import { DEFAULT_BACKOFF } from './rejoin-policy';
import { reportToEvents } from './report-events';
import { createTicketDesk } from './ticket-desk';
import { createWindowKeeper } from './window-keeper';

/** What a page reports once it is out of its meeting (or never got in). */
const PAGE_OUT_STATUSES: ReadonlySet<BotReportedStatus> = new Set([
  'left',
  'failed',
  'ended',
  'kicked',
  'disconnected',
]);

// The contract lives in fleet-api.ts; callers import it from here as before.
export { FLEET_DEFAULTS } from './fleet-api';
export type { Fleet, FleetOptions, LaunchPlan } from './fleet-api';

export function createFleet(options: FleetOptions): Fleet {
  const { windowHost, logger } = options;
  const timers = options.timers ?? realTimers;
  const leaveGraceMs = options.leaveGraceMs ?? FLEET_DEFAULTS.leaveGraceMs;
  const defaults: BotLimits = {
    ...DEFAULT_LIMITS,
    ...(options.joinTimeoutMs === undefined ? {} : { joinTimeoutMs: options.joinTimeoutMs }),
    ...options.limits,
  };
  const newId = options.newId ?? randomUUID;
  const caps = launchConcurrency(options.concurrency, options.cores ?? availableParallelism());
  // One queue per kind: a launch of Zoom bots does not hold sandbox bots back, or the reverse.
  const limits = { sandbox: pLimit(caps.sandbox), zoom: pLimit(caps.zoom) };
  const desk = createTicketDesk();
  const windows = createWindowKeeper(windowHost, logger, {
    timers,
    leaveTimeoutMs: options.pageLeaveTimeoutMs ?? FLEET_DEFAULTS.pageLeaveTimeoutMs,
  });
  /** Per live bot: what it joins with (the passcode stays here, never in the record) and its limits. */
  const joins = new Map<string, BotJoin>();
  let disposed = false;

  const store = createBotStore({ now: options.now, logger, timers, onTransition: afterTransition });
  const closeWindow = (botId: string): Promise<void> => windows.close(botId);
  // For pages already asked to leave, and given their grace to do it.
  const closeAfterLeave = (botId: string): Promise<void> =>
    windows.close(botId, { askToLeave: false });
  const leaving = createLeaveFlow({
    store,
    desk,
    windowHost,
    closeWindow: closeAfterLeave,
    logger,
    timers,
    graceMs: leaveGraceMs,
  });
  const actions = createBotActions({
    store,
    windowHost,
    joins,
    timers,
    now: options.now,
    newId,
    logger,
    commandTimeoutMs: options.commandTimeoutMs ?? FLEET_DEFAULTS.commandTimeoutMs,
  });
  const runJoinAttempt = createJoinRunner({
    store,
    desk,
    windows,
    logger,
    prepareJoin: createJoinPreparer({
      sandboxUrl: options.sandboxUrl,
      zakTtlSeconds: options.zakTtlSeconds,
      now: options.now,
      logger,
    }),
    joinOf: (botId) => joins.get(botId),
    isDisposed: () => disposed,
  });
  const rejoins = createRejoinScheduler({
    store,
    timers,
    logger,
    now: options.now,
    random: options.random ?? Math.random,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    dropPage(botId) {
      desk.discard(botId);
      void closeWindow(botId);
    },
    startAttempt(botId) {
      if (!disposed) schedule(botId);
    },
  });
  const autoLeave = createAutoLeaveTimers({
    timers,
    now: options.now,
    limitsOf: (botId) => joins.get(botId)?.limits,
    ownBotsIn: (meetingNumber) =>
      store.all().filter((bot) => bot.meetingNumber === meetingNumber && bot.state === 'in_meeting')
        .length,
    onExpire: expire,
  });
  const stopWatchingWindows = windowHost.onGone((botId, reason) => {
    windows.markGone(botId);
    if (!store.get(botId)) return;
    const result = store.apply(botId, { type: 'window-gone', reason });
    // Refused when the bot had ended or had already dropped that page for a rejoin.
    if (!result.ok) logger.info('A bot window went away with no page to lose', { botId, reason });
  });

  function afterTransition(before: BotRecord, after: BotRecord): void {
    if (isEnded(after.state)) {
      if (!isEnded(before.state)) endBot(after);
      return;
    }
    autoLeave.sync(after);
    // Scheduling a rejoin applies one more transition, which syncs the timers again.
    rejoins.afterTransition(after);
    // Last, as it applies a transition of its own: the chat message on join, once.
    if (after.state === 'in_meeting' && before.joinedAt === null) actions.joinedFirstTime(after);
  }

  /** Cleanup when a bot reaches left/failed: no ticket, no timer, no window. */
  function endBot(bot: BotRecord): void {
    desk.discard(bot.id);
    leaving.forget(bot.id);
    rejoins.cancel(bot.id);
    autoLeave.forget(bot.id);
    actions.ended(bot.id);
    joins.delete(bot.id);
    logger.info('Bot ended', {
      botId: bot.id,
      state: bot.state,
      failure: bot.failure,
      note: bot.note,
    });
    void closeWindow(bot.id);
  }

  /** Runs one join attempt under the concurrency cap; nothing unexpected may lose the bot. */
  function schedule(botId: string): void {
    const limit = limits[joins.get(botId)?.request.account.sdk ?? 'sandbox'];
    void limit(() => runJoinAttempt(botId)).catch((error: unknown) => {
      logger.error('A bot join failed unexpectedly', { botId, error });
      store.apply(botId, {
        type: 'failed',
        failure: {
          kind: 'app',
          code: null,
          message: 'Botdeck hit an unexpected error joining this bot; see the log.',
        },
      });
    });
  }

  function expire(botId: string, kind: BotTimerKind, afterMs: number): void {
    if (kind === 'reconnect_stall') {
      // Zoom's own reconnect did not finish in time: Botdeck rejoins with a fresh ZAK instead.
      store.apply(botId, { type: 'disconnected' });
      return;
    }
    logger.info('Auto-leave', { botId, reason: kind, afterMs });
    const result = store.apply(botId, { type: 'auto-leave', reason: kind, afterMs });
    if (result.ok && result.bot.state === 'leaving') leaving.start(botId);
  }

  function leave(botId: string): Result<null> {
    const bot = store.get(botId);
    if (!bot) return fail('not_found', 'There is no bot with that id.');
    if (bot.state === 'leaving') return ok(null);
    if (isEnded(bot.state)) return fail('not_live', 'That bot has already left or failed.');
    const result = store.apply(botId, { type: 'leave-requested' });
    if (result.ok && result.bot.state === 'leaving') leaving.start(botId);
    return ok(null);
  }

  const groups = createFleetGroups({ store, leave, logger });

  return {
    launch(plan) {
      if (disposed)
        return fail('shutting_down', 'Botdeck is shutting down; no new bots can launch.');
      const limits = resolveLimits(defaults, plan.timeouts);
      const { account, meetingNumber, passcode } = plan;
      const launchId = randomUUID();
      const zoomDomain = plan.zoomDomain ?? 'zoom.us';
      const botIds = plan.names.map((name) => {
        const id = newId();
        const request = { account, meetingNumber, passcode, zoomDomain, userName: name };
        joins.set(id, { request, limits, chatOnJoin: plan.chatOnJoin ?? null });
        const bot = {
          id,
          name,
          meetingNumber,
          accountId: account.id,
          launchId,
          avatarUrl: account.avatarUrl,
        };
        store.add(createBotRecord({ ...bot, maxRejoins: limits.reconnectAttempts }, options.now()));
        return id;
      });
      for (const id of botIds) schedule(id);
      logger.info('Launching bots', { count: botIds.length, meetingNumber, accountId: account.id });
      return ok({ botIds });
    },
    leave,
    ...groups,
    has: (botId) => store.get(botId) !== undefined,
    sendChat: (target, text) => actions.sendChat(target, text),
    rename: (botId, name) => actions.rename(botId, name),
    relaunchPlan: (botId) => actions.relaunchPlan(botId),
    onActivity: (listener) => actions.onActivity(listener),
    list: () => store.all().map(toBotView),
    onChanged: (listener) => store.subscribe(listener),
    botReady(botId) {
      if (!store.get(botId)) return fail('no_ticket', 'Botdeck does not know this bot.');
      const result = desk.take(botId);
      if (result.ok) windows.markJoining(botId);
      if (result.ok) logger.info('Handed a bot its join ticket', { botId });
      else logger.warn('Refused a bot page its ticket', { botId, code: result.error.code });
      return result;
    },
    botStatus(botId, report) {
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
    // Refused unless this bot's page is answering a command sent to it.
    botCommandResult: (botId, report) => actions.commandResult(botId, report),
    async dispose(timeoutMs = leaveGraceMs + 1_000) {
      disposed = true;
      rejoins.dispose();
      groups.leaveAll();
      await store.waitFor(() => store.all().every((bot) => isEnded(bot.state)), timeoutMs);
      leaving.dispose();
      autoLeave.dispose();
      actions.dispose();
      await Promise.all(windows.openIds().map((botId) => closeAfterLeave(botId)));
      // Pages too slow to confirm have had their windows closed: they are gone either way.
      for (const bot of store.all()) {
        if (bot.state === 'leaving') store.apply(bot.id, { type: 'window-gone', reason: 'closed' });
      }
      stopWatchingWindows();
      store.close();
    },
  };
}
