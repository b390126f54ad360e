/**
 * Bot "windows" for the web host: each bot is a page in its own browser context (the
 * equivalent of an Electron session partition) in one headless Chromium. The page reaches main
 * only through a binding on that page, which answers its main frame alone, so main knows the
 * calling bot from the page it opened, never from anything the page sends.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  WEB_BOT_BINDING,
  WEB_BOT_COMMAND_EVENT,
  fail,
  type BotCommand,
  type Result,
} from '../../shared/ipc-contract';
import {
  PEEK_JPEG_QUALITY,
  type BotPageCapture,
  type BotPageSpec,
  type BotWindowHost,
  type WindowGoneReason,
} from '../fleet/bot-window-host';
import type { Logger } from '../log/logger';
import { redactText } from '../log/redact-text';
import { guardBotPage, guardBotRequests, isBotPageCaller } from './bot-page-guards';
import { BOT_PAGE_COOKIE, type BotPageKeys } from './bot-page-keys';
import { ROOT_SANDBOX_WARNING, launchBotChromium } from './chromium-launch';

export type BotCallHandler = (
  botId: string,
  channel: string,
  payload: unknown,
) => Promise<Result<unknown>>;

export interface ChromiumBotWindowsOptions {
  /** URL of the built bot page on the web host; its origin is the only one bot pages may use. */
  pageUrl: string;
  executablePath: string;
  logger: Logger;
  /** Where each page's key goes, so the server sends it the policy of its meeting client. */
  pageKeys: BotPageKeys;
  /**
   * Host patterns no bot page may reach (`zoom.us` exactly, `*.zoom.us` for it and every
   * subdomain): requests and WebSockets to them are aborted and logged (method, host, path:
   * never a query or body, which carry tokens). For tests of the real Meeting SDK offline.
   */
  blockHosts?: readonly string[];
  /** The process's user id; `process.getuid()` by default. Root means no Chromium sandbox. */
  uid?: number;
}

export interface ChromiumBotWindows extends BotWindowHost {
  /** Connects pages to main; calls before this are refused. */
  attach(handler: BotCallHandler): void;
  dispose(): Promise<void>;
}

interface BotPage {
  context: BrowserContext;
  page: Page;
  key: string;
  closing: boolean;
  /** Opened at the first Peek, for captures Chromium scales down itself. */
  devtools?: Promise<CDPSession>;
}

const NOT_CONNECTED = fail('unknown_channel', 'This page is not connected to Botdeck.');

export function createChromiumBotWindows(options: ChromiumBotWindowsOptions): ChromiumBotWindows {
  const pages = new Map<string, BotPage>();
  const goneListeners = new Set<(botId: string, reason: WindowGoneReason) => void>();
  const webOrigin = new URL(options.pageUrl).origin;
  let handler: BotCallHandler | null = null;
  let browser: Promise<Browser> | null = null;
  let warnedNoSandbox = false;

  const launchBrowser = (): Promise<Browser> =>
    (browser ??= launchBotChromium({
      executablePath: options.executablePath,
      uid: 'uid' in options ? options.uid : process.getuid?.(),
      onNoSandbox() {
        if (!warnedNoSandbox) options.logger.warn(ROOT_SANDBOX_WARNING);
        warnedNoSandbox = true;
      },
    }).then(
      (launched) => {
        launched.on('disconnected', () => {
          browser = null;
          for (const botId of [...pages.keys()]) reportGone(botId, 'crashed');
        });
        return launched;
      },
      (error: unknown) => {
        // The next bot tries again rather than inheriting this failure.
        browser = null;
        throw error;
      },
    ));

  function forget(entry: BotPage): Promise<void> {
    entry.closing = true;
    options.pageKeys.revoke(entry.key);
    return entry.context.close().catch(() => undefined);
  }

  function reportGone(botId: string, reason: WindowGoneReason): void {
    const entry = pages.get(botId);
    if (!entry || entry.closing) return;
    pages.delete(botId);
    // A crashed page's context (its storage, its binding) would otherwise outlive it.
    void forget(entry);
    for (const listener of goneListeners) listener(botId, reason);
  }

  /**
   * A JPEG of the page at most `maxWidth` wide. Chromium scales it while capturing (the
   * DevTools protocol's clip scale), so a thumbnail costs a thumbnail's bytes, not a page's.
   */
  async function capturePage(entry: BotPage, maxWidth: number): Promise<BotPageCapture> {
    const { page } = entry;
    const size =
      page.viewportSize() ??
      (await page.evaluate(() => {
        // Runs in the page, where globalThis is the window.
        const view = globalThis as unknown as { innerWidth: number; innerHeight: number };
        return { width: view.innerWidth, height: view.innerHeight };
      }));
    const scale = Math.min(1, maxWidth / size.width);
    entry.devtools ??= entry.context.newCDPSession(page);
    const shot = await (
      await entry.devtools
    ).send('Page.captureScreenshot', {
      format: 'jpeg',
      quality: PEEK_JPEG_QUALITY,
      clip: { x: 0, y: 0, width: size.width, height: size.height, scale },
    });
    return {
      jpeg: Buffer.from(shot.data, 'base64'),
      width: Math.round(size.width * scale),
      height: Math.round(size.height * scale),
    };
  }

  async function openPage(botId: string, spec: BotPageSpec): Promise<void> {
    const context = await (await launchBrowser()).newContext();
    const key = options.pageKeys.issue(spec.sdk);
    const guard = { botId, webOrigin, logger: options.logger, blockHosts: options.blockHosts };
    const page = await context.newPage().catch(async (error: unknown) => {
      options.pageKeys.revoke(key);
      await context.close().catch(() => undefined);
      throw error;
    });
    const entry: BotPage = { context, page, key, closing: false };
    // From here a failure is cleaned up by close(), which the fleet calls when open() throws.
    pages.set(botId, entry);
    page.on('crash', () => reportGone(botId, 'crashed'));
    page.on('close', () => reportGone(botId, 'closed'));
    guardBotPage(context, page, { ...guard, onLeft: () => reportGone(botId, 'closed') });
    await guardBotRequests(context, guard);
    await context.addCookies([
      { name: BOT_PAGE_COOKIE, value: key, url: webOrigin, httpOnly: true, sameSite: 'Strict' },
    ]);
    await page.exposeBinding(WEB_BOT_BINDING, (source, channel: unknown, payload: unknown) => {
      if (!isBotPageCaller(source, page, webOrigin)) {
        options.logger.warn('Refused a bot call from outside the bot page', { botId });
        return NOT_CONNECTED;
      }
      if (!handler || typeof channel !== 'string') return NOT_CONNECTED;
      return handler(botId, channel, payload);
    });
    page.on('pageerror', (error) =>
      options.logger.warn('Bot page error', { botId, error: redactText(error.message) }),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') {
        options.logger.warn('Bot page console error', { botId, text: redactText(message.text()) });
      }
    });
    await page.goto(options.pageUrl, { waitUntil: 'commit' });
  }

  return {
    attach(next) {
      handler = next;
    },
    async open(botId, spec) {
      if (pages.has(botId)) throw new Error(`Bot ${botId} already has a window`);
      await openPage(botId, spec);
    },
    async close(botId) {
      const entry = pages.get(botId);
      if (!entry) return;
      pages.delete(botId);
      await forget(entry);
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
    async capture(botId, maxWidth) {
      const entry = pages.get(botId);
      if (!entry || entry.closing) return null;
      try {
        return await capturePage(entry, maxWidth);
      } catch (error) {
        // Closed while capturing: as if it had no window when asked.
        if (entry.closing || pages.get(botId) !== entry) return null;
        throw error;
      }
    },
    async dispose() {
      for (const entry of pages.values()) {
        entry.closing = true;
        options.pageKeys.revoke(entry.key);
      }
      pages.clear();
      const running = browser;
      browser = null;
      if (running) await running.then((launched) => launched.close()).catch(() => undefined);
    },
  };
}
