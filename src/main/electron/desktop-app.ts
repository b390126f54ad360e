/**
 * The desktop app's life: one instance per user, Botdeck's services built once Electron is
 * ready, one dashboard window, and a quit that takes the bots out of their meetings first.
 *
 * Closing the dashboard: bot windows are hidden, so Electron's `window-all-closed` would never
 * fire while bots run, and bots would stay in their meetings with no way to see them. On Windows
 * and Linux closing the dashboard therefore quits Botdeck (asking first when bots are live); on
 * macOS the app stays in the dock as macOS apps do, its bots keep running, and the dock icon or a
 * second launch brings the dashboard back.
 */
import { dirname } from 'node:path';
import { app, dialog, Notification, shell, type BrowserWindow } from 'electron';
import { createBotdeck, type Botdeck, type BotdeckOptions } from '../app/create-botdeck';
import { createWaitingEndpoint } from '../app/waiting-endpoint';
import { isEnded } from '../../shared/views';
import { openFileLogger, type FileLogger } from '../log/file-logger';
import { combineLoggers, createConsoleLogger, type Logger } from '../log/logger';
import { sandboxAccountConfig } from '../modes/sandbox-account';
import { loadRosterKey, storedAccountsIn } from '../modes/stored-accounts-setup';
import { APP_ORIGIN } from '../pages/app-origin';
import { pageSourceFrom } from '../pages/dev-server-pages';
import { createPageResponder } from '../pages/page-responder';
import {
  BOT_PARTITION_HEADER,
  startLoopbackPageServer,
  type LoopbackPageServer,
} from '../pages/loopback-page-server';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox-server';
import { registerAppScheme } from './app-protocol';
import { appPathsIn } from './app-paths';
import { botWindowMemory } from './bot-window-memory';
import { createDashboardWindow } from './dashboard-window';
import { createElectronBotWindows } from './electron-bot-windows';
import { registerIpc } from './ipc-bridge';
import { installQuitFlow } from './quit-flow';
import { createSenderRegistry } from './sender-registry';

/** Long enough for every bot's leave grace; short enough that a stuck quit still ends. */
const QUIT_TIMEOUT_MS = 15_000;

export interface DesktopAppOptions {
  logger?: Logger;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  quitTimeoutMs?: number;
  unresponsiveGraceMs?: number;
  /** Tests shorten the fleet's waits (leave grace, rejoin backoff). */
  botdeck?: Partial<Pick<BotdeckOptions, 'leaveGraceMs' | 'rejoinBackoff' | 'joinTimeoutMs'>>;
}

export interface DesktopApp {
  /** Resolves with the running services; null in a second instance or when start-up failed. */
  started: Promise<Botdeck | null>;
}

export function runDesktopApp(options: DesktopAppOptions = {}): DesktopApp {
  // A second instance hands over to the first (its `second-instance` event) and starts nothing:
  // no sandbox, no services, no file in the data folder.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: Promise.resolve(null) };
  }
  // Everything goes to the console and, once the data folder is open, to the log file.
  const consoleLogger = options.logger ?? createConsoleLogger();
  let fileLog: FileLogger | null = null;
  const logger = combineLoggers(consoleLogger, {
    info: (message, fields) => fileLog?.info(message, fields),
    warn: (message, fields) => fileLog?.warn(message, fields),
    error: (message, fields) => fileLog?.error(message, fields),
  });
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const closingQuits = platform !== 'darwin';
  registerAppScheme();

  const senders = createSenderRegistry();
  const paths = appPathsIn(app.getAppPath());
  const pages = pageSourceFrom(env.ELECTRON_RENDERER_URL, app.isPackaged, paths.rendererDir);
  let botdeck: Botdeck | null = null;
  let sandbox: RunningSandbox | null = null;
  let loopbackPages: LoopbackPageServer | null = null;
  let stopIpc: (() => void) | null = null;
  const quit = installQuitFlow({
    app,
    timeoutMs: options.quitTimeoutMs ?? QUIT_TIMEOUT_MS,
    logger,
    async cleanup() {
      await started;
      await botdeck?.dispose();
      stopIpc?.();
      await loopbackPages?.close();
      await sandbox?.close();
      await fileLog?.close();
    },
  });
  const dashboard = createDashboardWindow({
    senders,
    logger,
    pages,
    preload: paths.dashboardPreload,
    icon: paths.icon,
    sandboxOrigin: () => sandbox?.url ?? null,
    confirmClose: (window) => (closingQuits && !quit.isQuitting() ? confirmQuit(window) : true),
    onClosed: () => {
      if (closingQuits) app.quit();
    },
  });

  async function start(): Promise<Botdeck> {
    // The sandbox always runs: its demo account is there beside any Zoom account, and it is
    // what the app uses until the operator stores one.
    const dataDir = app.getPath('userData');
    fileLog = await openFileLogger({ dataDir, fallback: consoleLogger });
    sandbox = await startSandbox({ port: 0 });
    // The dashboard loads while the services start (the keychain may take its time, or ask the
    // operator first); what it asks early waits for them (waiting-endpoint.ts).
    const services = startServices(dataDir, sandbox, fileLog);
    stopIpc = registerIpc(createWaitingEndpoint(services), senders, dashboard.send, logger);
    const shown = dashboard.show();
    botdeck = await services;
    await shown;
    return botdeck;
  }

  async function startServices(
    dataDir: string,
    sandbox: RunningSandbox,
    fileLog: FileLogger,
  ): Promise<Botdeck> {
    const logFolder = fileLog.folder;
    const storedAccounts = storedAccountsIn(dataDir);
    const { settings } = await storedAccounts.settings.load();
    if (settings.botPageOrigin === 'loopback') {
      loopbackPages = await startLoopbackPageServer({
        source: pages,
        contextOf: (request) => windowHost.pageContextOf(headerOf(request, BOT_PARTITION_HEADER)),
        logger,
      });
    }
    const botPageOrigin = loopbackPages?.origin ?? APP_ORIGIN;
    senders.setBotPageOrigin(botPageOrigin);
    // The sandbox answers only pages of origins it was given: the app's own, and the loopback one.
    sandbox.setAllowedOrigins([...new Set([APP_ORIGIN, botPageOrigin])]);
    logger.info('Bot pages are served from', { origin: botPageOrigin });
    const windowHost = createElectronBotWindows({
      senders,
      logger,
      pages,
      pageOrigin: botPageOrigin,
      sandboxOrigin: sandbox.url,
      preload: paths.botPreload,
      icon: paths.icon,
      showWindows: env.BOTDECK_SHOW_BOTS === '1',
      unresponsiveGraceMs: options.unresponsiveGraceMs,
    });
    return createBotdeck({
      ...options.botdeck,
      accounts: [sandboxAccountConfig(sandbox)],
      storedAccounts,
      // Meeting passcodes in roster.json are sealed with a key kept in the OS keychain.
      persistence: { dataDir, passcodeKey: loadRosterKey },
      sandboxUrl: sandbox.url,
      windowHost,
      logger,
      capacity: { botMemory: botWindowMemory({ senders, platform }) },
      notify: {
        shownBy: 'desktop',
        show: (title, body) => new Notification({ title, body }).show(),
      },
      diagnostics: {
        log: { kind: 'file', folder: logFolder, file: fileLog.file, canOpenFolder: true },
        async openLogFolder() {
          // openPath answers with an error message rather than rejecting.
          const error = await shell.openPath(logFolder);
          if (error) throw new Error(error);
        },
        electron: {
          version: process.versions.electron ?? 'unknown',
          distDir: dirname(process.execPath),
        },
        rendererDir: paths.rendererDir,
        // The SDK files as app:// serves them: the very handler bot windows load through.
        servePages: async () => {
          const respond = createPageResponder(pages);
          return {
            get: (path) => respond(new Request(`${APP_ORIGIN}${path}`)),
            close: async () => undefined,
          };
        },
        botIsolation: { where: 'the desktop app', probe: () => windowHost.probeIsolation() },
        botPageOrigin: {
          origin: botPageOrigin,
          chosenBy: `settings.json botPageOrigin: "${settings.botPageOrigin}"`,
        },
      },
    });
  }

  /** Asks before a close takes live bots out of their meetings. */
  async function confirmQuit(window: BrowserWindow): Promise<boolean> {
    const live = botdeck ? await liveBotCount(botdeck) : 0;
    if (live === 0) return true;
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      buttons: ['Quit and take bots out', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: live === 1 ? 'A bot is still in a meeting.' : `${live} bots are still in meetings.`,
      detail: 'Quitting Botdeck takes every bot out of its meeting first.',
    });
    return response === 0;
  }

  app.on('second-instance', () => {
    if (botdeck) void dashboard.show();
  });
  app.on('activate', () => {
    if (botdeck) void dashboard.show();
  });
  // Reached only when no bot window is left either; the dashboard's own close handles the rest.
  app.on('window-all-closed', () => {
    if (closingQuits) app.quit();
  });

  const started = app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('Botdeck could not start', { error });
      app.exit(1);
      return null;
    });
  return { started };
}

function headerOf(
  request: { headers: Record<string, string | string[] | undefined> },
  name: string,
) {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function liveBotCount(botdeck: Botdeck): Promise<number> {
  const result = await botdeck.handleDashboard('app:snapshot', {});
  if (!result.ok) return 0;
  const { bots } = result.value;
  return bots.filter((bot) => !isEnded(bot.state)).length;
}
