/**
 * The one composition function both hosts (the Electron shell and the web host) call. It builds
 * the host-agnostic services (Zoom clients, the fleet, the IPC router) from what the host passes
 * in, and returns the small surface the host's transports talk to.
 */
import type { AppMode, BotsChangedEvent, Result } from '../../shared/ipc-contract';
import { createFleet } from '../fleet/fleet';
import type { BotWindowHost } from '../fleet/bot-window-host';
import { createIpcRouter } from '../ipc/ipc-router';
import { createConsoleLogger, type Logger } from '../log/logger';
import { noSandboxMeetings, sandboxMeetingMaker } from '../modes/sandbox-meetings';
import { loadAccounts } from './account-directory';
import { createHandlers } from './handlers';

/** One Zoom account as main holds it. Lives only in main; secrets included. */
export interface AccountConfig {
  id: string;
  label: string;
  isSandbox: boolean;
  oauthBaseUrl: string;
  apiBaseUrl: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
  sdkKey: string;
  sdkSecret: string;
  /** The service user (id or email) whose ZAKs bots use. */
  userId: string;
}

export interface BotdeckOptions {
  /** 'sandbox' for now. */
  mode: AppMode;
  /** At least one. */
  accounts: AccountConfig[];
  /** Goes into tickets as `sandboxUrl`. */
  sandboxUrl: string | null;
  windowHost: BotWindowHost;
  logger?: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  launchConcurrency?: number;
  joinTimeoutMs?: number;
  leaveGraceMs?: number;
}

export interface Botdeck {
  handleDashboard(channel: string, payload: unknown): Promise<Result<unknown>>;
  handleBot(botId: string, channel: string, payload: unknown): Promise<Result<unknown>>;
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
  const directory = await loadAccounts(options.accounts, {
    fetch: fetchImpl,
    now,
    logger,
  });
  const fleet = createFleet({
    windowHost: options.windowHost,
    logger,
    now,
    sdk: options.mode === 'sandbox' ? 'sandbox' : 'zoom',
    sandboxUrl: options.sandboxUrl,
    concurrency: options.launchConcurrency,
    joinTimeoutMs: options.joinTimeoutMs,
    leaveGraceMs: options.leaveGraceMs,
  });
  const router = createIpcRouter({
    ...createHandlers({
      mode: options.mode,
      directory,
      fleet,
      createSandboxMeeting:
        options.mode === 'sandbox' && options.sandboxUrl !== null
          ? sandboxMeetingMaker(options.sandboxUrl, fetchImpl)
          : noSandboxMeetings,
    }),
    logger,
  });
  let disposing: Promise<void> | null = null;
  logger.info('Botdeck started', { mode: options.mode, accounts: options.accounts.length });

  return {
    handleDashboard: (channel, payload) => router.handleDashboard(channel, payload),
    handleBot: (botId, channel, payload) => router.handleBot(botId, channel, payload),
    onBotsChanged: (listener) => fleet.onChanged(listener),
    dispose() {
      disposing ??= fleet.dispose();
      return disposing;
    },
  };
}
