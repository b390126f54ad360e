/**
 * The web host: Botdeck's main services without Electron, for machines with no display and
 * for the end-to-end tests. Same composition function, same contract; the dashboard runs in
 * any local browser and bots run as headless Chromium pages.
 */
import type { MeetingSdkKind } from '../../shared/ipc-contract';
import { createBotdeck } from '../app/create-botdeck';
import { childTreeMemory } from '../capacity/process-tree-memory';
import type { Logger } from '../log/logger';
import { httpPageServer } from '../diagnostics/sdk-assets-check';
import { sandboxAccountConfig, type SandboxEndpoint } from '../modes/sandbox-account';
import { allowPagesOnSandbox } from '../modes/sandbox-origins';
import { defaultDataDir, loadRosterKey, storedAccountsIn } from '../modes/stored-accounts-setup';
import { BOT_PAGE_URL_PATH } from '../pages/app-origin';
import { DEFAULT_RENDERER_DIR } from '../pages/renderer-dir';
import { startSandbox } from '../sandbox/sandbox-server';
import { createBotPageKeys } from './bot-page-keys';
import { createChromiumBotWindows } from './chromium-bot-windows';
import { chromiumIsolationProbe } from './chromium-isolation-probe';
import { startWebServer } from './web-server';
import { checkZoomBaseUrl, zoomBaseNotice } from './zoom-base-url';

export interface WebHostOptions {
  port?: number;
  /** Debian's Chromium by default. */
  chromiumPath?: string;
  /** Use a sandbox that is already running instead of starting one in-process. */
  sandbox?: SandboxEndpoint;
  /** Data folder (settings, roster, history); the desktop app's by default. */
  dataDir?: string;
  /** Sends stored accounts' Zoom calls here instead of zoom.us (a sandbox, for demos and tests). */
  zoomBaseUrl?: string;
  rendererDir?: string;
  launchConcurrency?: number;
  /**
   * Which meeting client the built-in sandbox account's bots use: the sandbox's own (default),
   * or Zoom's real Meeting SDK while ZAKs and signatures still come from the sandbox.
   */
  meetingSdk?: MeetingSdkKind;
  /** Hosts bot pages may not reach (see ChromiumBotWindowsOptions.blockHosts). */
  blockHosts?: readonly string[];
  /**
   * For tests and benchmarks only: the free memory the capacity guard assumes instead of
   * measuring it. The dashboard shows the figure as assumed; nothing a page sends can set it.
   */
  assumeFreeMemoryMB?: number;
  logger: Logger;
}

export interface RunningWebHost {
  /** The one-time URL that opens the dashboard. */
  url: string;
  sandboxUrl: string;
  close(): Promise<void>;
}

const WEB_HOST_LOG =
  'The web host keeps no log file: it writes its log as JSON lines to the standard error ' +
  '(stderr) of the terminal or service that runs `npm run web`.';

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const { logger } = options;
  // Checked before anything starts: stored accounts' secrets go wherever this points.
  const zoomBaseUrl =
    options.zoomBaseUrl === undefined ? undefined : checkZoomBaseUrl(options.zoomBaseUrl);
  const embedded = options.sandbox ? null : await startSandbox({ port: 0 });
  const sandbox: SandboxEndpoint = options.sandbox ?? (embedded as SandboxEndpoint);
  const botPages = createBotPageKeys();
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const chromiumPath = options.chromiumPath ?? '/usr/bin/chromium';
  const web = await startWebServer({
    rendererDir,
    port: options.port,
    logger,
    sandboxOrigin: sandbox.url,
    zoomApiOrigin: zoomBaseUrl,
    botPages,
  });
  // Bot pages come from this host's origin; the sandbox refuses any origin it was not given.
  if (embedded) embedded.setAllowedOrigins([web.origin]);
  else await allowPagesOnSandbox(sandbox.url, web.origin, fetch, logger);
  const windows = createChromiumBotWindows({
    pageUrl: `${web.origin}${BOT_PAGE_URL_PATH}`,
    executablePath: chromiumPath,
    blockHosts: options.blockHosts,
    pageKeys: botPages,
    logger,
  });
  const dataDir = options.dataDir ?? defaultDataDir();
  const storedAccounts = storedAccountsIn(dataDir);
  const botdeck = await createBotdeck({
    // A built-in account that is not "sandbox" gets tickets for the real Meeting SDK.
    accounts: [{ ...sandboxAccountConfig(sandbox), isSandbox: options.meetingSdk !== 'zoom' }],
    storedAccounts,
    persistence: { dataDir, passcodeKey: loadRosterKey },
    zoomBase: zoomBaseUrl ? { oauthBaseUrl: zoomBaseUrl, apiBaseUrl: zoomBaseUrl } : undefined,
    sandboxUrl: sandbox.url,
    windowHost: windows,
    logger,
    // The browser shows them, in the dashboards open now, once the operator allowed it there.
    notify: {
      shownBy: 'browser',
      show: (title, body) => web.notifyDashboards({ title, body }),
    },
    launchConcurrency: options.launchConcurrency,
    // Bots are pages in the Chromium this process started: its process tree is what they use.
    capacity: { botMemory: childTreeMemory(), assumeFreeMemoryMB: options.assumeFreeMemoryMB },
    diagnostics: {
      log: { kind: 'stderr', description: WEB_HOST_LOG },
      rendererDir,
      // The pages as this host serves them, headers included.
      servePages: async () => httpPageServer(web.origin, globalThis.fetch),
      botIsolation: chromiumIsolationProbe({
        pageUrl: `${web.origin}${BOT_PAGE_URL_PATH}`,
        executablePath: chromiumPath,
      }),
      zoomBaseUrl,
      botPageOrigin: { origin: web.origin, chosenBy: 'the web host always uses its own origin' },
    },
  });
  if (options.assumeFreeMemoryMB !== undefined) {
    logger.warn('The capacity guard assumes free memory instead of measuring it (for tests)', {
      assumeFreeMemoryMB: options.assumeFreeMemoryMB,
    });
  }
  if (zoomBaseUrl) {
    const accounts = await storedAccounts.settings.listAccounts();
    logger.warn(zoomBaseNotice(zoomBaseUrl, accounts), { zoomBaseUrl });
  }
  windows.attach((botId, channel, payload) => botdeck.handleBot(botId, channel, payload));
  web.attach(botdeck);
  windows.warmUp();

  return {
    url: web.launchUrl,
    sandboxUrl: sandbox.url,
    async close() {
      await botdeck.dispose();
      await windows.dispose();
      await web.close();
      await embedded?.close();
    },
  };
}
