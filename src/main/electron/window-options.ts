/**
 * The one place window web preferences are decided, so no window can be created with Node in
 * the page, without the sandbox, or sharing a bot's storage with another.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { fileURLToPath } from 'node:url';

export const PRELOAD_DIR = fileURLToPath(new URL('../preload', import.meta.url));
export const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

export function secureWindowOptions(
  preload: 'dashboard' | 'bot',
  partition: string,
  extra: BrowserWindowConstructorOptions = {},
): BrowserWindowConstructorOptions {
  return {
    ...extra,
    webPreferences: {
      preload: `${PRELOAD_DIR}/${preload}.cjs`,
      partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** In-memory (no "persist:" prefix): a bot's Zoom session storage dies with its window. */
export const botPartition = (botId: string): string => `bot-${botId}`;
export const DASHBOARD_PARTITION = 'persist:dashboard';
