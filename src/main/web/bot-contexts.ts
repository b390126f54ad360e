/**
 * The browser contexts bot pages open in. A context is what an Electron session partition is:
 * its own storage, cookies and network state. A Zoom bot gets one of its own, closed with its
 * page, since Zoom's Meeting SDK keeps join state in the page's storage.
 *
 * Sandbox bots share, five to a context. Each context is a window of its own in headless
 * Chromium, and making one per bot was about a sixth of the CPU of launching 20 sandbox bots
 * and 5 to 10 MB of memory per bot (web host, 2 cores). Five, because Chromium opens at most six
 * connections to one host per context, and each sandbox bot holds one to the sandbox for as long
 * as it is in the meeting (its presence stream): with a sixth stream, joins and leaves would have
 * nothing left to go through, and a seventh bot's stream would wait forever. A sandbox page runs
 * only Botdeck's own code and keeps nothing in storage; each bot still has its own page, its own
 * renderer process, its own binding that answers only that page, and its own ticket, handed once.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MeetingSdkKind } from '../../shared/ipc-contract';
import type { BotPageSpec } from '../fleet/bot-window-host';
import type { Logger } from '../log/logger';
import { closeStrayPages, guardBotRequests, type BotOfPage } from './bot-page-guards';
import { BOT_PAGE_COOKIE, type BotPageKeys } from './bot-page-keys';
import { closeBotPage } from './close-bot-page';

/** Sandbox bots per context (see above: six connections per host, one per bot kept free). */
export const SANDBOX_BOTS_PER_CONTEXT = 5;

/**
 * Chromium composites every page at its viewport's size, and a sandbox bot's page is looked at
 * only through Peek: Playwright's 1280×720 cost 8.7 MB more per bot than 640×360 (20 bots,
 * 32.3 against 25.7 MB PSS each), which still fills Peek's thumbnail and shows its large view
 * at 640 wide. Zoom's Meeting SDK lays out its own UI for the window it gets, so its pages keep
 * the default.
 */
export const SANDBOX_BOT_VIEWPORT = { width: 640, height: 360 };

export interface BotContextsOptions {
  browser(): Promise<Browser>;
  /** The web host's origin, the only one bot pages may be on. */
  webOrigin: string;
  pageKeys: BotPageKeys;
  logger: Logger;
  /** Hosts no bot page may reach (see ChromiumBotWindowsOptions.blockHosts). */
  blockHosts?: readonly string[];
}

/** One bot's page, and how it gives its seat back. */
export interface BotSeat {
  page: Page;
  /** Closes the page, and the context with its last page (its key revoked). Never throws. */
  close(): Promise<void>;
}

export interface BotContexts {
  /**
   * A new page for the bot in a context fit for its meeting client, guarded, prepared (its
   * binding exposed by `prepare`), not navigated.
   */
  openPage(
    botId: string,
    spec: BotPageSpec,
    prepare: (page: Page) => Promise<void>,
  ): Promise<BotSeat>;
}

interface SharedContext {
  sdk: MeetingSdkKind;
  capacity: number;
  /** Pages held or being opened; the context closes when this reaches 0. */
  seats: number;
  ready: Promise<BrowserContext>;
  /** Bot pages Botdeck opened here, and their bots. */
  bots: Map<Page, string>;
  /** Pages being opened: a page event may come before Botdeck knows the page. */
  opening: Set<Promise<unknown>>;
  /** Its context could not start: never offered again. */
  broken: boolean;
  /**
   * Settles once the context's first page is prepared. Playwright sets a context up for page
   * bindings on the first one, and a page created meanwhile missed that set-up: its binding
   * threw "reading 'addBinding'" and the bot never got its ticket (1 in 100 bots, measured).
   */
  firstPage: Promise<void> | null;
}

export function createBotContexts(options: BotContextsOptions): BotContexts {
  /** Contexts with a free seat; a full or closing one is not here. */
  const open = new Set<SharedContext>();

  function botOf(entry: SharedContext, page: Page | null): string | null {
    if (page) return entry.bots.get(page) ?? null;
    return entry.bots.size === 1 ? ([...entry.bots.values()][0] ?? null) : null;
  }

  function create(sdk: MeetingSdkKind): SharedContext {
    const key = options.pageKeys.issue(sdk);
    const entry: SharedContext = {
      sdk,
      capacity: sdk === 'sandbox' ? SANDBOX_BOTS_PER_CONTEXT : 1,
      seats: 0,
      bots: new Map(),
      opening: new Set(),
      broken: false,
      firstPage: null,
      ready: startContext(
        sdk,
        key,
        (page) => botOf(entry, page),
        async (page) => {
          await Promise.allSettled([...entry.opening]);
          return entry.bots.has(page);
        },
      ),
    };
    // A context that failed to start is never offered again; its key goes with it.
    entry.ready.catch(() => {
      entry.broken = true;
      open.delete(entry);
      options.pageKeys.revoke(key);
    });
    return entry;
  }

  async function startContext(
    sdk: MeetingSdkKind,
    key: string,
    botOfPage: BotOfPage,
    isBotPage: (page: Page) => Promise<boolean>,
  ): Promise<BrowserContext> {
    const context = await (
      await options.browser()
    ).newContext(sdk === 'sandbox' ? { viewport: SANDBOX_BOT_VIEWPORT } : {});
    context.once('close', () => options.pageKeys.revoke(key));
    const guard = { webOrigin: options.webOrigin, logger: options.logger, botOf: botOfPage };
    closeStrayPages(context, { ...guard, isBotPage });
    try {
      await Promise.all([
        guardBotRequests(context, { ...guard, blockHosts: options.blockHosts }),
        context.addCookies([
          {
            name: BOT_PAGE_COOKIE,
            value: key,
            url: options.webOrigin,
            httpOnly: true,
            sameSite: 'Strict',
          },
        ]),
      ]);
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
    return context;
  }

  function takeSeat(sdk: MeetingSdkKind): SharedContext {
    let entry = [...open].find((candidate) => candidate.sdk === sdk);
    if (!entry) {
      entry = create(sdk);
      open.add(entry);
    }
    entry.seats += 1;
    if (entry.seats >= entry.capacity) open.delete(entry);
    return entry;
  }

  async function leaveSeat(entry: SharedContext, page: Page | null): Promise<void> {
    if (page) {
      entry.bots.delete(page);
      await closeBotPage(page);
    }
    entry.seats -= 1;
    if (entry.seats > 0) {
      // A seat freed in a context still open to others makes it available again.
      if (entry.seats < entry.capacity && !entry.broken) open.add(entry);
      return;
    }
    open.delete(entry);
    const context = await entry.ready.catch(() => null);
    await context?.close().catch(() => undefined);
  }

  return {
    async openPage(botId, spec, prepare) {
      const entry = takeSeat(spec.sdk);
      let page: Page | null = null;
      const gate = { open: (): void => undefined };
      try {
        const context = await entry.ready;
        const first = entry.firstPage;
        if (first) await first;
        else entry.firstPage = new Promise<void>((resolve) => (gate.open = resolve));
        const opening = context.newPage();
        entry.opening.add(opening);
        try {
          page = await opening;
        } finally {
          entry.opening.delete(opening);
        }
        entry.bots.set(page, botId);
        await prepare(page);
      } catch (error) {
        await leaveSeat(entry, page);
        throw error;
      } finally {
        gate.open();
      }
      let closed: Promise<void> | null = null;
      return { page, close: () => (closed ??= leaveSeat(entry, page)) };
    },
  };
}
