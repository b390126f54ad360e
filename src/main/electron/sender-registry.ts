/**
 * Which page is calling: the registry of webContents main created. IPC from anything not in it
 * (a stray frame, a navigated page, a window main did not open) is dropped. Kept free of
 * electron imports so its rules are unit-tested directly.
 */
import { pageOf } from '../../shared/ipc-contract';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../pages/app-origin';

export type ResolvedSender =
  { kind: 'dashboard' } | { kind: 'bot'; botId: string } | { kind: 'refused'; reason: string };

export interface SenderRegistry {
  setDashboard(webContentsId: number | null): void;
  /** Where bot pages are served from (app://botdeck unless settings choose loopback). */
  setBotPageOrigin(origin: string): void;
  addBot(webContentsId: number, botId: string): void;
  removeBot(webContentsId: number): void;
  /** Whether this webContents is a bot page main opened (and has not closed). */
  isBot(webContentsId: number): boolean;
  /** `frameUrl` is the calling frame's URL; `isMainFrame` whether it is the top frame. */
  resolve(
    webContentsId: number,
    frameUrl: string,
    isMainFrame: boolean,
    channel: string,
  ): ResolvedSender;
}

/** The dashboard is always on app://botdeck; bot pages too, unless settings choose loopback. */
export function createSenderRegistry(): SenderRegistry {
  let dashboardId: number | null = null;
  let botPageOrigin = APP_ORIGIN;
  const bots = new Map<number, string>();
  return {
    setDashboard(id) {
      dashboardId = id;
    },
    setBotPageOrigin(origin) {
      botPageOrigin = origin;
    },
    addBot(id, botId) {
      bots.set(id, botId);
    },
    removeBot(id) {
      bots.delete(id);
    },
    isBot: (id) => bots.has(id),
    resolve(id, frameUrl, isMainFrame, channel) {
      if (!isMainFrame) return { kind: 'refused', reason: 'call from a subframe' };
      const foreign: ResolvedSender = { kind: 'refused', reason: 'call from a foreign page' };
      if (id === dashboardId) {
        if (!isAppUrl(frameUrl)) return foreign;
        return pageOf(channel) === 'dashboard'
          ? { kind: 'dashboard' }
          : { kind: 'refused', reason: `dashboard may not call ${channel}` };
      }
      const botId = bots.get(id);
      if (botId !== undefined) {
        if (!isPageUrl(frameUrl, botPageOrigin)) return foreign;
        return pageOf(channel) === 'bot'
          ? { kind: 'bot', botId }
          : { kind: 'refused', reason: `bot pages may not call ${channel}` };
      }
      return { kind: 'refused', reason: 'call from an unknown window' };
    },
  };
}

/**
 * Exact scheme and host comparison through URL parsing, never a substring check. (Node gives
 * custom schemes an opaque "null" origin, so origin itself cannot be compared here.)
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '';
  } catch {
    return false;
  }
}

/** True when `raw` is a URL on exactly `origin` (scheme, host and port), without credentials. */
export function isPageUrl(raw: string, origin: string): boolean {
  if (origin === APP_ORIGIN) return isAppUrl(raw);
  try {
    const url = new URL(raw);
    return url.origin === origin && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
