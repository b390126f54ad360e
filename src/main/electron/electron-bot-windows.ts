/**
 * Bot windows in Electron: one sandboxed BrowserWindow per bot, each in its own in-memory
 * session partition, registered with the sender registry so IPC from it is known to be that
 * bot's and no other's.
 */
import { BrowserWindow, session } from 'electron';
import { EVENT_CHANNELS, type BotCommand } from '../../shared/ipc-contract';
import type { BotWindowHost, WindowGoneReason } from '../fleet/bot-window-host';
import type { Logger } from '../log/logger';
import { APP_ORIGIN, BOT_PAGE_URL_PATH } from '../pages/app-origin';
import { serveAppScheme } from './app-protocol';
import type { SenderRegistry } from './sender-registry';
import { guardNavigation, guardPermissions } from './window-guards';
import { botPartition, RENDERER_DIR, secureWindowOptions } from './window-options';

/** A page that stays unresponsive this long is reported as hung. */
const UNRESPONSIVE_GRACE_MS = 30_000;

export interface ElectronBotWindowsOptions {
  senders: SenderRegistry;
  logger: Logger;
  /** Operators may want to watch bots; hidden by default. */
  showWindows: boolean;
}

export function createElectronBotWindows(options: ElectronBotWindowsOptions): BotWindowHost {
  const windows = new Map<string, BrowserWindow>();
  const closing = new Set<string>();
  const goneListeners = new Set<(botId: string, reason: WindowGoneReason) => void>();

  function reportGone(botId: string, reason: WindowGoneReason): void {
    if (closing.has(botId) || !windows.has(botId)) return;
    const window = windows.get(botId);
    windows.delete(botId);
    if (window && !window.isDestroyed()) window.destroy();
    for (const listener of goneListeners) listener(botId, reason);
  }

  return {
    async open(botId) {
      if (windows.has(botId)) throw new Error(`Bot ${botId} already has a window`);
      const partition = botPartition(botId);
      const botSession = session.fromPartition(partition);
      serveAppScheme(botSession, RENDERER_DIR);
      guardPermissions(botSession, true);
      const window = new BrowserWindow(
        secureWindowOptions('bot', partition, {
          width: 1024,
          height: 720,
          show: options.showWindows,
          title: 'Botdeck bot',
        }),
      );
      const contents = window.webContents;
      const contentsId = contents.id;
      windows.set(botId, window);
      options.senders.addBot(contentsId, botId);
      guardNavigation(contents);
      let hung: NodeJS.Timeout | null = null;
      contents.on('render-process-gone', (_event, details) => {
        options.logger.warn('Bot window crashed', { botId, reason: details.reason });
        reportGone(botId, 'crashed');
      });
      window.on('unresponsive', () => {
        hung ??= setTimeout(() => reportGone(botId, 'unresponsive'), UNRESPONSIVE_GRACE_MS);
      });
      window.on('responsive', () => {
        if (hung) clearTimeout(hung);
        hung = null;
      });
      window.on('closed', () => {
        if (hung) clearTimeout(hung);
        options.senders.removeBot(contentsId);
        reportGone(botId, 'closed');
        closing.delete(botId);
      });
      await window.loadURL(`${APP_ORIGIN}${BOT_PAGE_URL_PATH}`);
    },
    async close(botId) {
      const window = windows.get(botId);
      if (!window) return;
      closing.add(botId);
      windows.delete(botId);
      if (!window.isDestroyed()) window.destroy();
      await session.fromPartition(botPartition(botId)).clearStorageData();
    },
    send(botId, command: BotCommand) {
      const window = windows.get(botId);
      if (window && !window.isDestroyed()) {
        window.webContents.send(EVENT_CHANNELS.botCommand, command);
      }
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
  };
}
