/**
 * The one composition function both hosts (the Electron shell and the web host) call. It builds
 * the host-agnostic services (Zoom clients, the fleet, the IPC router) from what the host passes
 * in, and returns the small surface the host's transports talk to.
 */
import { fail, type BotsChangedEvent } from '../../shared/ipc-contract';
import { ZOOM_BASE, type AccountConfig } from '../accounts/account-config';
import { createAccountService, type StoredAccounts } from '../accounts/account-service';
import { kindOfAccount } from '../capacity/bot-cost';
import { createCapacityService, type CapacityHost } from '../capacity/capacity-service';
import {
  createDiagnostics,
  type DiagnosticsHost,
  type DiagnosticsService,
} from '../diagnostics/diagnostics-service';
import { createFleet } from '../fleet/fleet';
import { realTimers } from '../fleet/fleet-timers';
import { createPeekCamera } from '../fleet/peek-camera';
import type { BotLimits } from '../fleet/launch-limits';
import type { BackoffPolicy } from '../fleet/rejoin-policy';
import type { BotWindowHost } from '../fleet/bot-window-host';
import { createIpcRouter, type DashboardHandlers, type IpcRouter } from '../ipc/ipc-router';
import { createConsoleLogger, type Logger } from '../log/logger';
import { noSandboxMeetings, sandboxMeetingMaker } from '../modes/sandbox-meetings';
import { createBotNotifier, type NotifyPort } from '../notifications/bot-notifier';
import type { LaunchDefaults } from '../settings';
import { startPersistence, type PersistenceConfig } from '../persistence/start-persistence';
import { createHandlers } from './handlers';

export interface BotdeckOptions {
  /** Built-in accounts, always present (the sandbox's demo account). At least one. */
  accounts: AccountConfig[];
  /** The operator's own Zoom accounts (settings file + keychain); none when absent. */
  storedAccounts?: StoredAccounts;
  /** Where stored accounts reach Zoom (default zoom.us; the sandbox in tests). */
  zoomBase?: { oauthBaseUrl: string; apiBaseUrl: string };
  /** The embedded sandbox: goes into sandbox tickets and makes sandbox meetings. */
  sandboxUrl: string | null;
  windowHost: BotWindowHost;
  logger?: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  launchConcurrency?: number;
  joinTimeoutMs?: number;
  leaveGraceMs?: number;
  /** Default auto-leave and rejoin limits per launch (the settings' `launchDefaults`). */
  launchLimits?: Partial<BotLimits>;
  /** Backoff between rejoin attempts; tests shorten it. */
  rejoinBackoff?: Partial<BackoffPolicy>;
  /**
   * A fixed lifetime for the ZAKs bots join with; by default each lasts the launch's join
   * timeout plus five minutes (`zakTtlFor`), since a ZAK matters only at join.
   */
  zakTtlSeconds?: number;
  /** Where the roster and the history live; without it nothing outlives the app. */
  persistence?: PersistenceConfig;
  /** What the host tells Diagnostics; without it the Diagnostics channels say it is missing. */
  diagnostics?: DiagnosticsHost;
  /** How this host shows notifications (bots failed, removed, meeting ended); none without it. */
  notify?: NotifyPort;
  /** How long notifications wait to group changes that come together (default 1.5 s). */
  notificationWindowMs?: number;
  /** How this host measures its bots' memory (none: unknown), and free memory for tests. */
  capacity?: CapacityHost;
}

/** What a host talks to: the router's two entrances (answers typed per channel), and events. */
export interface Botdeck extends IpcRouter {
  onBotsChanged(listener: (event: BotsChangedEvent) => void): () => void;
  /** Leaves all bots (bounded wait), stops timers. */
  dispose(): Promise<void>;
}

export async function createBotdeck(options: BotdeckOptions): Promise<Botdeck> {
  if (options.accounts.length === 0) throw new Error('Botdeck needs at least one account');
  const ids = new Set(options.accounts.map((account) => account.id));
  if (ids.size !== options.accounts.length) throw new Error('Account ids must be unique');

  const logger = options.logger ?? createConsoleLogger();
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const accounts = createAccountService({
    builtIn: options.accounts,
    stored: options.storedAccounts ?? null,
    zoomBase: options.zoomBase ?? ZOOM_BASE,
    fetch: fetchImpl,
    now,
    logger,
  });
  await accounts.start();
  // The operator's launchDefaults (settings.json) apply to every launch unless the host passed
  // its own; a launch's own timeouts override both.
  const defaults = options.storedAccounts
    ? (await options.storedAccounts.settings.load()).settings.launchDefaults
    : null;
  const fleet = createFleet({
    windowHost: options.windowHost,
    logger,
    now,
    sandboxUrl: options.sandboxUrl,
    concurrency: options.launchConcurrency ?? defaults?.concurrency,
    joinTimeoutMs: options.joinTimeoutMs,
    leaveGraceMs: options.leaveGraceMs,
    limits:
      options.launchLimits ??
      (defaults ? launchLimitsFrom(defaults, options.joinTimeoutMs) : undefined),
    backoff: options.rejoinBackoff,
    zakTtlSeconds: options.zakTtlSeconds,
  });
  const diagnostics: DiagnosticsService | null = options.diagnostics
    ? createDiagnostics({
        ...options.diagnostics,
        dataDir: options.persistence?.dataDir ?? null,
        vault: options.storedAccounts?.vault ?? null,
        accounts: { list: () => accounts.state().accounts, test: (id) => accounts.test(id) },
        fetch: fetchImpl,
        now,
        logger,
      })
    : null;
  const notifier = await createBotNotifier({
    fleet,
    port: options.notify ?? null,
    settings: options.storedAccounts?.settings,
    timers: realTimers,
    logger,
    groupWindowMs: options.notificationWindowMs,
  });
  const capacity = createCapacityService({
    ...options.capacity,
    kindOf: (accountId) => kindOfAccount(accounts.state().accounts, accountId),
    bots: () => fleet.list(),
    now,
    logger,
  });
  // Set once persistence exists: relaunching one bot goes through its launch path too.
  let launchPath: DashboardHandlers['bots:launch'] | null = null;
  const handlers = createHandlers({
    accounts,
    fleet,
    diagnostics,
    notifier,
    capacity,
    launch: async (request) =>
      launchPath ? launchPath(request) : fail('starting', 'Botdeck is still starting.'),
    peek: createPeekCamera({
      host: options.windowHost,
      hasBot: (botId) => fleet.has(botId),
      now,
      logger,
    }),
    showBotWindow: options.windowHost.show
      ? (botId) => options.windowHost.show?.(botId) ?? false
      : null,
    createSandboxMeeting:
      options.sandboxUrl !== null
        ? sandboxMeetingMaker(options.sandboxUrl, fetchImpl)
        : noSandboxMeetings,
  });
  const persistence = await startPersistence({
    config: options.persistence,
    core: handlers.dashboard,
    fleet,
    hasAccount: (id) => accounts.state().accounts.some((account) => account.id === id),
    settings: options.storedAccounts?.settings,
    logger,
    now,
  });
  launchPath = persistence.dashboard['bots:launch'];
  // Only the operator's launch is guarded: relaunching a bot that was already running is not.
  const dashboard = {
    ...persistence.dashboard,
    'bots:launch': capacity.guardLaunch(persistence.dashboard['bots:launch']),
  };
  const router = createIpcRouter({ dashboard, bot: handlers.bot, logger });
  let disposing: Promise<void> | null = null;
  logger.info('Botdeck started', {
    mode: accounts.state().mode,
    accounts: accounts.state().accounts.length,
  });

  return {
    handleDashboard: router.handleDashboard,
    handleBot: router.handleBot,
    onBotsChanged: (listener) => fleet.onChanged(listener),
    dispose() {
      notifier.dispose();
      disposing ??= persistence.dispose(() => fleet.dispose());
      return disposing;
    },
  };
}

/**
 * The settings' launch defaults as the fleet's per-bot limits (the same field names). A join
 * timeout the host passed explicitly still wins.
 */
function launchLimitsFrom(defaults: LaunchDefaults, joinTimeoutMs?: number): Partial<BotLimits> {
  return {
    joinTimeoutMs: joinTimeoutMs ?? defaults.joinTimeoutMs,
    waitingRoomTimeoutMs: defaults.waitingRoomTimeoutMs,
    aloneTimeoutMs: defaults.aloneTimeoutMs,
    maxDurationMs: defaults.maxDurationMs,
    reconnectAttempts: defaults.reconnectAttempts,
  };
}
