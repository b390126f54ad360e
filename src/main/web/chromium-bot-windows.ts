/**
 * Bot "windows" for the web host: each bot is a page in its own browser context (the
 * equivalent of an Electron session partition) in one headless Chromium. The page reaches main
 * only through a binding bound to that context, so main knows the calling bot from the
 * context it registered, never from anything the page sends.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  WEB_BOT_BINDING,
  WEB_BOT_COMMAND_EVENT,
  fail,
  type BotCommand,
  type Result,
} from '../../shared/ipc-contract';
import type { BotWindowHost, WindowGoneReason } from '../fleet/bot-window-host';
import type { Logger } from '../log/logger';

export type BotCallHandler = (
  botId: string,
  channel: string,
  payload: unknown,
) => Promise<Result<unknown>>;

export interface ChromiumBotWindowsOptions {
  /** URL of the built bot page on the web host. */
  pageUrl: string;
  executablePath: string;
  logger: Logger;
  /**
   * Host patterns no bot page may reach (`zoom.us` exactly, `*.zoom.us` for it and every
   * subdomain): requests and WebSockets to them are aborted and logged (method, host, path:
   * never a query or body, which carry tokens). For tests of the real Meeting SDK offline.
   */
  blockHosts?: readonly string[];
}

export interface ChromiumBotWindows extends BotWindowHost {
  /** Connects pages to main; calls before this are refused. */
  attach(handler: BotCallHandler): void;
  dispose(): Promise<void>;
}

/** Flags that keep Chromium quiet on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

interface BotPage {
  context: BrowserContext;
  page: Page;
  closing: boolean;
}

export function createChromiumBotWindows(options: ChromiumBotWindowsOptions): ChromiumBotWindows {
  const pages = new Map<string, BotPage>();
  const goneListeners = new Set<(botId: string, reason: WindowGoneReason) => void>();
  let handler: BotCallHandler | null = null;
  let browser: Promise<Browser> | null = null;

  const launchBrowser = (): Promise<Browser> =>
    (browser ??= chromium
      .launch({ executablePath: options.executablePath, headless: true, args: CHROMIUM_ARGS })
      .then((launched) => {
        launched.on('disconnected', () => {
          browser = null;
          for (const botId of [...pages.keys()]) reportGone(botId, 'crashed');
        });
        return launched;
      }));

  function reportGone(botId: string, reason: WindowGoneReason): void {
    const entry = pages.get(botId);
    if (!entry || entry.closing) return;
    pages.delete(botId);
    // A crashed page's context (its storage, its binding) would otherwise outlive it.
    entry.closing = true;
    void entry.context.close().catch(() => undefined);
    for (const listener of goneListeners) listener(botId, reason);
  }

  return {
    attach(next) {
      handler = next;
    },
    async open(botId) {
      if (pages.has(botId)) throw new Error(`Bot ${botId} already has a window`);
      const context = await (await launchBrowser()).newContext();
      if (options.blockHosts?.length) await blockHosts(context, botId, options);
      await context.exposeBinding(
        WEB_BOT_BINDING,
        (_source, channel: unknown, payload: unknown) => {
          if (!handler || typeof channel !== 'string') {
            return fail('unknown_channel', 'This page is not connected to Botdeck.');
          }
          return handler(botId, channel, payload);
        },
      );
      const page = await context.newPage();
      pages.set(botId, { context, page, closing: false });
      page.on('crash', () => reportGone(botId, 'crashed'));
      page.on('close', () => reportGone(botId, 'closed'));
      page.on('pageerror', (error) =>
        options.logger.warn('Bot page error', { botId, error: error.message }),
      );
      page.on('console', (message) => {
        if (message.type() === 'error') {
          options.logger.warn('Bot page console error', { botId, text: message.text() });
        }
      });
      await page.goto(options.pageUrl, { waitUntil: 'commit' });
    },
    async close(botId) {
      const entry = pages.get(botId);
      if (!entry) return;
      entry.closing = true;
      pages.delete(botId);
      await entry.context.close().catch(() => undefined);
    },
    send(botId, command: BotCommand) {
      const entry = pages.get(botId);
      if (!entry) return;
      entry.page
        .evaluate(
          ([name, detail]) => {
            // Runs in the page, where globalThis is the window.
            (globalThis as unknown as EventTarget).dispatchEvent(new CustomEvent(name, { detail }));
          },
          [WEB_BOT_COMMAND_EVENT, command] as const,
        )
        .catch((error: unknown) =>
          options.logger.warn('Could not deliver a bot command', { botId, error: String(error) }),
        );
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
    async dispose() {
      for (const entry of pages.values()) entry.closing = true;
      pages.clear();
      const running = browser;
      browser = null;
      if (running) await (await running).close().catch(() => undefined);
    },
  };
}

/** Whether `hostname` matches one of the patterns (see `blockHosts`). */
function isBlockedHost(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return patterns.some((raw) => {
    const pattern = raw.toLowerCase();
    if (!pattern.startsWith('*.')) return host === pattern;
    const zone = pattern.slice(2);
    return host === zone || host.endsWith(`.${zone}`);
  });
}

async function blockHosts(
  context: BrowserContext,
  botId: string,
  options: ChromiumBotWindowsOptions,
): Promise<void> {
  const patterns = options.blockHosts ?? [];
  const blocked = (url: URL): boolean => isBlockedHost(url.hostname, patterns);
  const log = (method: string, url: URL): void =>
    options.logger.warn('Blocked a bot page request', {
      botId,
      method,
      host: url.hostname,
      path: url.pathname,
    });
  await context.route(blocked, (route) => {
    log(route.request().method(), new URL(route.request().url()));
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(blocked, (socket) => {
    log('WEBSOCKET', new URL(socket.url()));
    return socket.close({ code: 1008, reason: 'Blocked by Botdeck' });
  });
}
