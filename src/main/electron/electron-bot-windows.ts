/**
 * Bot windows in Electron: one sandboxed BrowserWindow per bot, in a session partition of its
 * own (borrowed from a pool and wiped between bots), registered with the sender registry so IPC
 * from it is known to be that bot's and no other's. Windows that crash or hang are reported to
 * the fleet, which rejoins with a fresh ZAK in a new window.
 */
import { BrowserWindow, session } from 'electron';
import { IPC_EVENTS, type BotCommand, type MeetingSdkKind } from '../../shared/ipc-contract';
import {
  PEEK_JPEG_QUALITY,
  type BotWindowHost,
  type WindowGoneReason,
} from '../fleet/bot-window-host';
import type { Logger } from '../log/logger';
import { APP_ORIGIN, BOT_PAGE_URL_PATH } from '../pages/app-origin';
import type { PageSource } from '../pages/dev-server-pages';
import { BOT_PARTITION_HEADER } from '../pages/loopback-page-server';
import type { PageContext } from '../pages/page-policy';
import { serveAppScheme } from './app-protocol';
import { createPartitionPool } from './partition-pool';
import type { SenderRegistry } from './sender-registry';
import { guardNavigation, guardPermissions } from './window-guards';

/** A page that stays unresponsive this long is reported as hung. */
const UNRESPONSIVE_GRACE_MS = 30_000;

export interface ElectronBotWindowsOptions {
  senders: SenderRegistry;
  logger: Logger;
  pages: PageSource;
  /** The embedded sandbox (`http://127.0.0.1:PORT`): the only loopback origin bot pages reach. */
  sandboxOrigin: string | null;
  /**
   * Where bot pages are served from: app://botdeck, or the loopback page server's origin when
   * settings choose it (the page is then marked with its partition on every request).
   */
  pageOrigin?: string;
  /** The bot page's preload (out/preload/bot.cjs). */
  preload: string;
  /** Operators may want to watch bots; hidden by default. */
  showWindows: boolean;
  icon?: string;
  unresponsiveGraceMs?: number;
}

interface BotWindow {
  window: BrowserWindow;
  partition: string;
}

export interface ElectronBotWindows extends BotWindowHost {
  /** What a bot page may reach, from the partition its request names (loopback page server). */
  pageContextOf(partition: string | undefined): PageContext;
  /**
   * Opens a hidden window exactly as a bot's (same preferences, a pooled partition, the same
   * page) and reads `crossOriginIsolated` in it, for Diagnostics. It is never a sender main
   * answers, so the page inside gets no ticket.
   */
  probeIsolation(): Promise<boolean>;
}

export function createElectronBotWindows(options: ElectronBotWindowsOptions): ElectronBotWindows {
  const { logger } = options;
  const pageOrigin = options.pageOrigin ?? APP_ORIGIN;
  const contextOf = (partition: string | undefined): PageContext => ({
    sandboxOrigin: options.sandboxOrigin,
    botSdk: (partition && sdkOf.get(partition)) || null,
  });
  const windows = new Map<string, BotWindow>();
  const goneListeners = new Set<(botId: string, reason: WindowGoneReason) => void>();
  const prepared = new Set<string>();
  /** The meeting client of the bot each partition holds now: it decides the page's CSP. */
  const sdkOf = new Map<string, MeetingSdkKind>();
  const partitions = createPartitionPool({
    logger,
    async wipe(partition) {
      const botSession = session.fromPartition(partition);
      await botSession.clearStorageData();
      await botSession.clearAuthCache();
    },
  });

  /** Protocol and permission handlers stay on a session for its lifetime: set them once. */
  function sessionFor(partition: string): void {
    if (prepared.has(partition)) return;
    const botSession = session.fromPartition(partition);
    serveAppScheme(botSession, options.pages, () => contextOf(partition));
    if (pageOrigin !== APP_ORIGIN) {
      // Main marks every request of this partition's pages with the partition, so the loopback
      // page server sends each bot its own policy; a page cannot set or change the header.
      botSession.webRequest.onBeforeSendHeaders({ urls: [`${pageOrigin}/*`] }, (details, done) =>
        done({ requestHeaders: { ...details.requestHeaders, [BOT_PARTITION_HEADER]: partition } }),
      );
    }
    guardPermissions(botSession, pageOrigin);
    prepared.add(partition);
  }

  /** Forgets the window; destroys it if still there. True when it was still tracked. */
  function drop(botId: string): boolean {
    const entry = windows.get(botId);
    if (!entry) return false;
    windows.delete(botId);
    options.senders.removeBot(entry.window.webContents.id);
    if (!entry.window.isDestroyed()) entry.window.destroy();
    sdkOf.delete(entry.partition);
    void partitions.release(entry.partition);
    return true;
  }

  function reportGone(botId: string, reason: WindowGoneReason): void {
    if (!drop(botId)) return;
    for (const listener of goneListeners) listener(botId, reason);
  }

  /** A bot window in `partition`: every bot window is made here, with the same preferences. */
  function botWindowIn(partition: string, show: boolean): BrowserWindow {
    sessionFor(partition);
    const window = new BrowserWindow({
      width: 1024,
      height: 720,
      show,
      title: 'Botdeck bot',
      ...(options.icon ? { icon: options.icon } : {}),
      webPreferences: {
        preload: options.preload,
        partition,
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
        disableBlinkFeatures: 'Auxclick',
        // Bot windows are hidden, and Chromium throttles timers in hidden windows (after five
        // minutes to one wake-up a minute). The Meeting SDK keeps its session alive with a 15 s
        // timer; throttled, it misses keepalives and Zoom drops the bot. Operators leave bots
        // for hours, so bot windows never throttle (the dashboard keeps the default).
        backgroundThrottling: false,
      },
    });
    // Bots never make a sound on the operator's machine (the SDK plays join and chat chimes).
    window.webContents.setAudioMuted(true);
    guardNavigation(window.webContents, 'bot', logger, pageOrigin);
    return window;
  }

  return {
    async open(botId, page) {
      if (windows.has(botId)) throw new Error(`Bot ${botId} already has a window`);
      const partition = partitions.acquire();
      sdkOf.set(partition, page.sdk);
      const window = botWindowIn(partition, options.showWindows);
      const contents = window.webContents;
      windows.set(botId, { window, partition });
      options.senders.addBot(contents.id, botId);
      let hung: NodeJS.Timeout | null = null;
      const stopHangWatch = (): void => {
        if (hung) clearTimeout(hung);
        hung = null;
      };
      contents.on('render-process-gone', (_event, details) => {
        logger.warn('Bot window crashed', { botId, reason: details.reason });
        stopHangWatch();
        reportGone(botId, 'crashed');
      });
      window.on('unresponsive', () => {
        hung ??= setTimeout(() => {
          logger.warn('Bot window stayed unresponsive; closing it', { botId });
          reportGone(botId, 'unresponsive');
        }, options.unresponsiveGraceMs ?? UNRESPONSIVE_GRACE_MS);
      });
      window.on('responsive', stopHangWatch);
      // An operator who closes a bot window they were watching only hides it: the bot stays in
      // its meeting. Leaving is the dashboard's Leave. (Botdeck itself destroys, never closes.)
      window.on('close', (event) => {
        event.preventDefault();
        window.hide();
      });
      window.on('closed', () => {
        stopHangWatch();
        reportGone(botId, 'closed');
      });
      await window.loadURL(`${pageOrigin}${BOT_PAGE_URL_PATH}`);
    },
    async close(botId) {
      drop(botId);
    },
    send(botId, command: BotCommand) {
      const window = windows.get(botId)?.window;
      if (window && !window.isDestroyed()) {
        window.webContents.send(IPC_EVENTS.onCommand.channel, command);
      }
    },
    async capture(botId, maxWidth) {
      const window = windows.get(botId)?.window;
      if (!window || window.isDestroyed()) return null;
      // stayHidden: a hidden bot window is captured without being counted as shown.
      const image = await window.webContents.capturePage(undefined, { stayHidden: true });
      if (image.isEmpty()) return null;
      const scaled =
        image.getSize().width > maxWidth
          ? image.resize({ width: maxWidth, quality: 'good' })
          : image;
      const { width, height } = scaled.getSize();
      return { jpeg: scaled.toJPEG(PEEK_JPEG_QUALITY), width, height };
    },
    show(botId) {
      const window = windows.get(botId)?.window;
      if (!window || window.isDestroyed()) return false;
      // Closing it again only hides it (the 'close' handler above): the bot stays in.
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return true;
    },
    pageContextOf: contextOf,
    async probeIsolation() {
      const partition = partitions.acquire();
      const window = botWindowIn(partition, false);
      try {
        await window.loadURL(`${pageOrigin}${BOT_PAGE_URL_PATH}`);
        return (await window.webContents.executeJavaScript('crossOriginIsolated')) === true;
      } finally {
        if (!window.isDestroyed()) window.destroy();
        void partitions.release(partition);
      }
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
  };
}
