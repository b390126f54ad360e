/**
 * The pages behind the stand-in's windows. When a window loads a URL, its page is requested
 * through the app:// handler the shell registered on that window's session (no handler, or not
 * a 200, and the page never runs). Then the built preload runs, and for a bot page the real bot
 * page logic (`runBot`, through `test/support/sandbox-bot-page.ts`) joins the embedded sandbox
 * with the real sandbox meeting client, over HTTP, with the ticket main hands it through IPC. A
 * page dies with its window: its connections close without a goodbye, as a crashed or destroyed
 * page's would.
 */
import type { BotApi, DashboardApi, JoinTicket } from '../../../src/shared/ipc-contract';
import { BOT_PAGE_URL_PATH, DASHBOARD_URL_PATH } from '../../../src/main/pages/app-origin';
import { startSandboxBotPage } from '../../support/sandbox-bot-page';
import type { StandInBrowserWindow } from '../stand-in/browser-window';
import type { ElectronStandIn } from '../stand-in/world';
import { runPreload } from './preload-runner';

export interface LoadedPage {
  window: StandInBrowserWindow;
  url: string;
  status: number;
  headers: Headers;
}

export interface BotPage extends LoadedPage {
  ticket: JoinTicket | null;
  statuses: string[];
  alive: boolean;
  /** What the page found in its partition's storage when it started (another bot's session?). */
  storageAtStart: Map<string, string>;
}

export interface PageOptions {
  /** The bot page never leaves when told to (a hung Zoom leave). */
  ignoreLeave?: boolean;
  /** Runs while a dashboard page loads, before `loadURL` resolves, with what its preload exposed. */
  whileDashboardLoads?: (window: StandInBrowserWindow, api: DashboardApi) => Promise<void>;
}

export interface Pages {
  loaded: LoadedPage[];
  bots: BotPage[];
  /** The dashboard API the newest dashboard page's preload exposed. */
  dashboardApi(): DashboardApi;
  /** Bot pages that have received a ticket, for this bot name. */
  botPagesNamed(name: string): BotPage[];
  sandboxUrl(): string;
}

export function servePages(world: ElectronStandIn, options: PageOptions = {}): Pages {
  const loaded: LoadedPage[] = [];
  const bots: BotPage[] = [];
  let dashboard: DashboardApi | null = null;

  world.onPageLoad(async (window, url) => {
    const response = await window.webContents.session.load(url);
    if (!response) throw new Error(`ERR_UNKNOWN_URL_SCHEME: ${url}`);
    const page: LoadedPage = { window, url, status: response.status, headers: response.headers };
    loaded.push(page);
    window.webContents.evaluate = (code) => evaluateIn(page, code);
    if (response.status !== 200) return;
    const path = new URL(url).pathname;
    if (path === DASHBOARD_URL_PATH) {
      const exposed = runPreload('dashboard', window.webContents, world.ipcMain);
      const api = exposed.botdeck as DashboardApi;
      dashboard = api;
      await options.whileDashboardLoads?.(window, api);
    } else if (path === BOT_PAGE_URL_PATH) {
      const storage = window.webContents.session.storage;
      startBotPage({
        ...page,
        ticket: null,
        statuses: [],
        alive: true,
        storageAtStart: new Map(storage),
      });
    }
  });

  /**
   * What a page answers to `executeJavaScript`. `crossOriginIsolated` is what Chromium decides
   * from the document's response: COOP same-origin plus COEP require-corp.
   */
  function evaluateIn(page: LoadedPage, code: string): unknown {
    if (code === 'crossOriginIsolated') {
      return (
        page.headers.get('cross-origin-opener-policy') === 'same-origin' &&
        page.headers.get('cross-origin-embedder-policy') === 'require-corp'
      );
    }
    throw new Error(`The stand-in page cannot evaluate: ${code}`);
  }

  function startBotPage(page: BotPage): void {
    bots.push(page);
    const exposed = runPreload('bot', page.window.webContents, world.ipcMain);
    const bridge = exposed.botdeckBot as BotApi;
    const run = startSandboxBotPage({
      api: {
        ready: async () => {
          const result = await bridge.ready();
          if (result.ok) {
            page.ticket = result.value;
            // What the Meeting SDK does: it keeps join state in the page's storage.
            page.window.webContents.session.storage.set('join', result.value.userName);
          }
          return result;
        },
        reportStatus: (report) =>
          page.alive ? bridge.reportStatus(report) : new Promise(() => {}),
        reportCommandResult: (result) =>
          page.alive ? bridge.reportCommandResult(result) : new Promise(() => {}),
        onCommand: (listener) =>
          bridge.onCommand((command) => {
            if (!options.ignoreLeave) listener(command);
          }),
      },
      // What a browser adds to the page's cross-origin requests: the sandbox checks it.
      origin: pageOrigin(page.url),
      onStatus: (status) => page.statuses.push(status),
    });
    page.window.webContents.picture = () => run.picture();
    page.window.webContents.once('destroyed', () => {
      page.alive = false;
      run.kill();
    });
  }

  /** A page's origin as a browser serialises it (app://botdeck for the custom scheme). */
  function pageOrigin(url: string): string {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  }

  return {
    loaded,
    bots,
    dashboardApi() {
      if (!dashboard) throw new Error('No dashboard page has loaded');
      return dashboard;
    },
    botPagesNamed: (name) => bots.filter((bot) => bot.ticket?.userName === name),
    sandboxUrl() {
      const url = bots.find((bot) => bot.ticket?.sandboxUrl)?.ticket?.sandboxUrl;
      if (!url) throw new Error('No bot page has a ticket yet');
      return url;
    },
  };
}
