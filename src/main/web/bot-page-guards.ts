/**
 * What keeps a web host bot page inside its box. The page runs Zoom's code and shows Zoom's
 * content, so whatever it opens or wherever it goes must not gain the bot's powers: only the
 * page's own main frame, on the web host's origin, may call main through the binding; a popup
 * is closed; a top-level navigation off the web host's origin is aborted and logged; and
 * requests to blocked hosts (tests of the real SDK offline) never leave the browser.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { Logger } from '../log/logger';

export interface BotPageGuardOptions {
  botId: string;
  /** The web host's origin: the only one a bot page's main frame may be on. */
  webOrigin: string;
  logger: Logger;
  /** See ChromiumBotWindowsOptions.blockHosts. */
  blockHosts?: readonly string[];
}

/** The origin of a frame's URL, or 'null' for about:blank, data: and anything unparsable. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

/** Who called the binding, as Playwright reports it. */
export interface BindingCaller {
  page: Page;
  frame: Frame;
}

/** True only for the bot page's own main frame while it shows the web host's page. */
export function isBotPageCaller(caller: BindingCaller, page: Page, webOrigin: string): boolean {
  return (
    caller.page === page &&
    caller.frame === page.mainFrame() &&
    originOf(caller.frame.url()) === webOrigin
  );
}

/** Whether `hostname` matches one of the patterns (`zoom.us` exactly, `*.zoom.us` and below). */
export function isBlockedHost(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return patterns.some((raw) => {
    const pattern = raw.toLowerCase();
    if (!pattern.startsWith('*.')) return host === pattern;
    const zone = pattern.slice(2);
    return host === zone || host.endsWith(`.${zone}`);
  });
}

/**
 * Routes for one bot's context: a request off the web host's origin is aborted when it would
 * take a page's main frame away (a navigation), or when its host is blocked; anything else
 * goes on. Logged with method, host and path only: a query or body can carry a ZAK.
 */
export async function guardBotRequests(
  context: BrowserContext,
  options: BotPageGuardOptions,
): Promise<void> {
  const patterns = options.blockHosts ?? [];
  const where = (url: URL) => ({ botId: options.botId, host: url.hostname, path: url.pathname });
  await context.route(
    (url) => url.origin !== options.webOrigin,
    (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (request.isNavigationRequest() && request.frame().parentFrame() === null) {
        options.logger.warn('Stopped a bot page from leaving Botdeck', where(url));
        // ERR_ABORTED cancels the navigation and the bot page stays; a "blocked" error would
        // make Chromium commit its error page in the bot's place.
        return route.abort('aborted');
      }
      if (isBlockedHost(url.hostname, patterns)) {
        options.logger.warn('Blocked a bot page request', {
          ...where(url),
          method: request.method(),
        });
        return route.abort('blockedbyclient');
      }
      return route.fallback();
    },
  );
  if (patterns.length === 0) return;
  await context.routeWebSocket(
    (url) => isBlockedHost(url.hostname, patterns),
    (socket) => {
      options.logger.warn('Blocked a bot page request', {
        ...where(new URL(socket.url())),
        method: 'WEBSOCKET',
      });
      return socket.close({ code: 1008, reason: 'Blocked by Botdeck' });
    },
  );
}

/**
 * Closes every page of the context but the bot's own (popups, `window.open`), and reports the
 * bot page gone if its main frame still ends up elsewhere (about:blank, data:, which no route
 * sees): such a page is no longer the bot.
 */
export function guardBotPage(
  context: BrowserContext,
  page: Page,
  options: BotPageGuardOptions & { onLeft(): void },
): void {
  context.on('page', (other) => {
    if (other === page) return;
    options.logger.warn('Closed a window a bot page opened', { botId: options.botId });
    void other.close().catch(() => undefined);
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || originOf(frame.url()) === options.webOrigin) return;
    options.logger.warn('A bot page left Botdeck; closing it', {
      botId: options.botId,
      origin: originOf(frame.url()),
    });
    options.onLeft();
  });
}
