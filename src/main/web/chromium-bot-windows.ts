/**
 * Bot "windows" for the web host: each bot is a page of its own in one headless Chromium
 * (bot-browser.ts), in a browser context (the equivalent of an Electron session partition) of
 * its own for a Zoom bot and shared by a few sandbox bots (bot-contexts.ts). The page reaches
 * main only through its binding (bot-page-binding.ts); what ends a page on its own is watched in
 * bot-page-watch.ts, and Peek captures it through bot-page-capture.ts.
 *
 * This file keeps "one page per bot" true while opening takes several awaits (a context, a page,
 * its binding, the navigation): a bot's slot is taken before the first of them, so a second open
 * of that bot is refused, and a close that comes meanwhile waits for the open to finish and then
 * closes what it made, instead of finding nothing to close and leaving the page running; a new
 * page for the bot waits until its last one is closed.
 */
import type { Page } from 'playwright-core';
import { WEB_BOT_COMMAND_EVENT, type BotCommand } from '../../shared/ipc-contract';
import type { BotPageSpec, BotWindowHost, WindowGoneReason } from '../fleet/bot-window-host';
import type { Logger } from '../log/logger';
import { createBotBrowser } from './bot-browser';
import { createBotContexts } from './bot-contexts';
import { exposeBotBinding, type BotCallHandler } from './bot-page-binding';
import { pageCamera, type CapturePage } from './bot-page-capture';
import type { BotPageKeys } from './bot-page-keys';
import { watchBotPage } from './bot-page-watch';

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
  /**
   * Starts Chromium now, in the background, so the first launch does not wait the half second
   * it takes. A failure is logged; the first bot then tries again and fails in its own words.
   */
  warmUp(): void;
  dispose(): Promise<void>;
}

/** A bot's page, once made (it may still be navigating). */
interface BotPage {
  page: Page;
  /** Closes the page (and its context with the context's last page); idempotent. */
  close(): Promise<void>;
  closing: boolean;
  capture: CapturePage;
}

/** A bot's place in the host, taken before the first await of its open. */
interface Slot {
  /** Set as soon as the page exists, before it navigates. */
  entry: BotPage | null;
  /** Settles when the open is done, however it went. */
  opened: Promise<void>;
}

export function createChromiumBotWindows(options: ChromiumBotWindowsOptions): ChromiumBotWindows {
  const { logger } = options;
  const slots = new Map<string, Slot>();
  /** Closes under way, by bot: the bot's next page waits for its last one to be gone. */
  const closings = new Map<string, Promise<void>>();
  const goneListeners = new Set<(botId: string, reason: WindowGoneReason) => void>();
  const webOrigin = new URL(options.pageUrl).origin;
  let handler: BotCallHandler | null = null;

  const browser = createBotBrowser({
    executablePath: options.executablePath,
    uid: 'uid' in options ? options.uid : process.getuid?.(),
    logger,
    onDisconnected() {
      for (const [botId, slot] of [...slots])
        if (slot.entry) reportGone(botId, slot.entry, 'crashed');
    },
  });
  const contexts = createBotContexts({
    browser: browser.get,
    webOrigin,
    pageKeys: options.pageKeys,
    logger,
    blockHosts: options.blockHosts,
  });

  function forget(entry: BotPage): Promise<void> {
    entry.closing = true;
    return entry.close();
  }

  /** The live page of `botId`, if it is this one: events of a page already let go are stale. */
  const isCurrent = (botId: string, entry: BotPage): boolean =>
    slots.get(botId)?.entry === entry && !entry.closing;

  function reportGone(botId: string, entry: BotPage, reason: WindowGoneReason): void {
    if (!isCurrent(botId, entry)) return;
    slots.delete(botId);
    // A crashed page (its binding, and its own context's storage) would otherwise outlive it.
    void forget(entry);
    for (const listener of goneListeners) listener(botId, reason);
  }

  async function openPage(
    botId: string,
    spec: BotPageSpec,
    slot: Slot,
    previous: Promise<void> | undefined,
  ): Promise<void> {
    await previous;
    const { page, close } = await contexts.openPage(botId, spec, (opened) =>
      exposeBotBinding(opened, { botId, webOrigin, logger, handler: () => handler }),
    );
    const entry: BotPage = { page, close, closing: false, capture: pageCamera(page) };
    slot.entry = entry;
    watchBotPage(page, {
      botId,
      webOrigin,
      logger,
      onGone: (reason) => reportGone(botId, entry, reason),
    });
    await page.goto(options.pageUrl, { waitUntil: 'commit' });
  }

  return {
    attach(next) {
      handler = next;
    },
    warmUp: () => browser.warmUp(),
    async open(botId, spec) {
      if (slots.has(botId)) throw new Error(`Bot ${botId} already has a window`);
      const slot: Slot = { entry: null, opened: Promise.resolve() };
      slots.set(botId, slot);
      // Its last page's close, as it stands now: a close of this new page must not be waited on.
      const opening = openPage(botId, spec, slot, closings.get(botId));
      slot.opened = opening.catch(() => undefined);
      try {
        await opening;
      } catch (error) {
        // A half-made page (its context made, its navigation failed) goes now, and its slot.
        if (slots.get(botId) === slot) slots.delete(botId);
        if (slot.entry) await forget(slot.entry);
        throw error;
      }
    },
    async close(botId) {
      const slot = slots.get(botId);
      if (!slot) return;
      slots.delete(botId);
      const done = (async () => {
        // An open under way finishes first; then what it made is closed.
        await slot.opened;
        if (slot.entry) await forget(slot.entry);
      })();
      closings.set(botId, done);
      await done;
      if (closings.get(botId) === done) closings.delete(botId);
    },
    send(botId, command: BotCommand) {
      const entry = slots.get(botId)?.entry;
      if (!entry || entry.closing) return;
      entry.page
        .evaluate(
          ([name, detail]) => {
            // Runs in the page, where globalThis is the window.
            (globalThis as unknown as EventTarget).dispatchEvent(new CustomEvent(name, { detail }));
          },
          [WEB_BOT_COMMAND_EVENT, command] as const,
        )
        .catch((error: unknown) =>
          logger.warn('Could not deliver a bot command', { botId, error: String(error) }),
        );
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
    async capture(botId, maxWidth) {
      const entry = slots.get(botId)?.entry;
      if (!entry || entry.closing) return null;
      try {
        return await entry.capture(maxWidth);
      } catch (error) {
        // Closed while capturing: as if it had no window when asked.
        if (!isCurrent(botId, entry)) return null;
        throw error;
      }
    },
    async dispose() {
      // The contexts, their pages and their keys all go with the browser.
      for (const slot of slots.values()) if (slot.entry) slot.entry.closing = true;
      slots.clear();
      await browser.close();
    },
  };
}
