/**
 * The bot fleet: builds the parts a bot's life runs on and routes every state change to them.
 * A bot's life reads in three files, in order:
 *
 * 1. `bot-launch.ts`: launch, the launch cap, minting a fresh ZAK, the ticket, a new page;
 * 2. `bot-session.ts`: the page takes its ticket and reports; a drop or a crash rejoins;
 * 3. `bot-leave.ts`: leaving on request or on the auto-leave timers, and what ending takes down.
 *
 * Every state change goes through the pure state machine (`bot-machine.ts`, rules in
 * `bot-rules.ts`); the store calls back here after each one. The window keeper makes sure a bot
 * never holds two windows; the ticket desk hands each ticket out once. What the operator asks
 * besides launching and leaving (chat, renames, relaunch) is in `bot-actions.ts`, what applies
 * to many bots at once in `fleet-groups.ts`.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isEnded } from '../../shared/ipc-contract';
import { createBotActions } from './bot-actions';
import { createBotLaunch } from './bot-launch';
import { createBotLeave } from './bot-leave';
import { toBotView, type BotRecord } from './bot-record';
import { createBotSession } from './bot-session';
import { createBotStore } from './bot-store';
import { FLEET_DEFAULTS, type Fleet, type FleetOptions } from './fleet-api';
import { createFleetGroups } from './fleet-groups';
import { realTimers } from './fleet-timers';
import { createJoinPreparer, type BotJoin } from './join-preparer';
import { DEFAULT_LIMITS } from './launch-limits';
import { launchConcurrency } from './launch-pace';
import { DEFAULT_BACKOFF } from './rejoin-policy';
import { createTicketDesk } from './ticket-desk';
import { createWindowKeeper } from './window-keeper';

export function createFleet(options: FleetOptions): Fleet {
  const { windowHost, logger, now } = options;
  const timers = options.timers ?? realTimers;
  const leaveGraceMs = options.leaveGraceMs ?? FLEET_DEFAULTS.leaveGraceMs;
  const newId = options.newId ?? randomUUID;
  const desk = createTicketDesk();
  const windows = createWindowKeeper(windowHost, logger, {
    timers,
    leaveTimeoutMs: options.pageLeaveTimeoutMs ?? FLEET_DEFAULTS.pageLeaveTimeoutMs,
  });
  /** Per live bot: what it joins with (the passcode stays here, never in the record) and its limits. */
  const joins = new Map<string, BotJoin>();
  const store = createBotStore({ now, logger, timers, onTransition: afterTransition });

  const launcher = createBotLaunch({
    store,
    desk,
    windows,
    joins,
    prepareJoin: createJoinPreparer({
      sandboxUrl: options.sandboxUrl,
      zakTtlSeconds: options.zakTtlSeconds,
      now,
      logger,
    }),
    concurrency: launchConcurrency(options.concurrency, options.cores ?? availableParallelism()),
    defaults: {
      ...DEFAULT_LIMITS,
      ...(options.joinTimeoutMs === undefined ? {} : { joinTimeoutMs: options.joinTimeoutMs }),
      ...options.limits,
    },
    newId,
    now,
    logger,
  });
  const session = createBotSession({
    store,
    desk,
    windows,
    windowHost,
    launch: launcher,
    timers,
    now,
    random: options.random ?? Math.random,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    logger,
  });
  const leaver = createBotLeave({
    store,
    desk,
    windows,
    windowHost,
    joins,
    timers,
    now,
    logger,
    graceMs: leaveGraceMs,
  });
  const actions = createBotActions({
    store,
    windowHost,
    joins,
    timers,
    now,
    newId,
    logger,
    commandTimeoutMs: options.commandTimeoutMs ?? FLEET_DEFAULTS.commandTimeoutMs,
  });
  const groups = createFleetGroups({ store, leave: leaver.leave, logger });

  function afterTransition(before: BotRecord, after: BotRecord): void {
    if (isEnded(after.state)) {
      if (!isEnded(before.state)) ended(after);
      return;
    }
    leaver.afterTransition(after);
    // Scheduling a rejoin applies one more transition, which syncs the timers again.
    session.afterTransition(after);
    // Last, as it applies a transition of its own: the chat message on join, once.
    if (after.state === 'in_meeting' && before.joinedAt === null) actions.joinedFirstTime(after);
  }

  /** A bot reached left or failed: nothing of it may linger. */
  function ended(bot: BotRecord): void {
    session.ended(bot.id);
    // Keeps what it joined with, for a relaunch, before the live map forgets it.
    actions.ended(bot.id);
    joins.delete(bot.id);
    leaver.ended(bot);
  }

  return {
    launch: (plan) => launcher.launch(plan),
    leave: (botId) => leaver.leave(botId),
    ...groups,
    has: (botId) => store.get(botId) !== undefined,
    sendChat: (target, text) => actions.sendChat(target, text),
    rename: (botId, name) => actions.rename(botId, name),
    relaunchPlan: (botId) => actions.relaunchPlan(botId),
    onActivity: (listener) => actions.onActivity(listener),
    list: () => store.all().map(toBotView),
    onChanged: (listener) => store.subscribe(listener),
    botReady: (botId) => session.ready(botId),
    botStatus: (botId, report) => session.status(botId, report),
    // Refused unless this bot's page is answering a command sent to it.
    botCommandResult: (botId, report) => actions.commandResult(botId, report),
    async dispose(timeoutMs = leaveGraceMs + 1_000) {
      launcher.stop();
      groups.leaveAll();
      await store.waitFor(() => store.all().every((bot) => isEnded(bot.state)), timeoutMs);
      actions.dispose();
      await leaver.closeAll();
      session.stop();
      store.close();
    },
  };
}
