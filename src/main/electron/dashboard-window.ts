/**
 * The operator's window: at most one dashboard, opened again on demand (a second launch, the
 * macOS dock), in its own partition with no permissions beyond reaching the sandbox. The window
 * is registered as the dashboard before its page loads, so no bot update sent while it loads is
 * addressed to nobody, and nothing is ever sent to a window that is gone.
 */
import { BrowserWindow, session } from 'electron';
import type { Logger } from '../log/logger';
import { APP_ORIGIN, DASHBOARD_URL_PATH } from '../pages/app-origin';
import type { PageSource } from '../pages/dev-server-pages';
import { serveAppScheme } from './app-protocol';
import { DASHBOARD_PARTITION } from './app-paths';
import type { SenderRegistry } from './sender-registry';
import { guardNavigation, guardPermissions } from './window-guards';

export interface DashboardWindowOptions {
  senders: SenderRegistry;
  logger: Logger;
  pages: PageSource;
  /** Where the dashboard's avatars come from besides Zoom: the embedded sandbox. */
  sandboxOrigin: () => string | null;
  /** The dashboard's preload (out/preload/dashboard.cjs). */
  preload: string;
  icon?: string;
  /**
   * Runs when the operator tries to close the window: `true` lets it close now; a promise
   * holds it open until answered (false keeps it open).
   */
  confirmClose?: (window: BrowserWindow) => true | Promise<boolean>;
  /** After the window is gone. */
  onClosed?: () => void;
}

export interface DashboardWindow {
  /** Shows the dashboard: focuses the open one, or opens a new one. */
  show(): Promise<void>;
  /** Sends an event to the dashboard page, if one is open. */
  send(channel: string, payload: unknown): void;
  isOpen(): boolean;
}

export function createDashboardWindow(options: DashboardWindowOptions): DashboardWindow {
  let current: BrowserWindow | null = null;
  let opening: Promise<void> | null = null;

  function open(): Promise<void> {
    const dashboardSession = session.fromPartition(DASHBOARD_PARTITION);
    serveAppScheme(dashboardSession, options.pages, () => ({
      sandboxOrigin: options.sandboxOrigin(),
      botSdk: null,
    }));
    guardPermissions(dashboardSession);
    const window = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 900,
      minHeight: 600,
      title: 'Botdeck',
      show: false,
      ...(options.icon ? { icon: options.icon } : {}),
      webPreferences: {
        preload: options.preload,
        partition: DASHBOARD_PARTITION,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        // Middle-click would open links in a new window, around the window-open handler's rules.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const contentsId = window.webContents.id;
    current = window;
    options.senders.setDashboard(contentsId);
    guardNavigation(window.webContents, 'dashboard', options.logger);
    window.once('ready-to-show', () => window.show());
    let confirmed = false;
    window.on('close', (event) => {
      const answer = confirmed || (options.confirmClose?.(window) ?? true);
      if (answer === true) return;
      event.preventDefault();
      void answer.then((yes) => {
        if (!yes || window.isDestroyed()) return;
        confirmed = true;
        window.close();
      });
    });
    window.on('closed', () => {
      if (current !== window) return;
      current = null;
      options.senders.setDashboard(null);
      options.onClosed?.();
    });
    return window.loadURL(`${APP_ORIGIN}${DASHBOARD_URL_PATH}`).catch((error: unknown) => {
      options.logger.error('The dashboard page did not load', { error });
      // Shown anyway: an empty window the operator can close beats an invisible running app.
      if (!window.isDestroyed()) window.show();
    });
  }

  return {
    show() {
      if (current && !current.isDestroyed()) {
        if (current.isMinimized()) current.restore();
        current.show();
        current.focus();
        return opening ?? Promise.resolve();
      }
      opening = open().finally(() => {
        opening = null;
      });
      return opening;
    },
    send(channel, payload) {
      if (current && !current.isDestroyed()) current.webContents.send(channel, payload);
    },
    isOpen: () => current !== null && !current.isDestroyed(),
  };
}
