/**
 * The one way a web host bot page reaches main: a Playwright binding exposed on that bot's page
 * alone, which answers the page's own main frame on the web host's origin and nothing else (an
 * iframe, a popup, a page that navigated away). Main knows the calling bot from the page the
 * binding was exposed on, never from anything the page sends.
 */
import type { Page } from 'playwright-core';
import { WEB_BOT_BINDING, fail, type Result } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { isBotPageCaller } from './bot-page-guards';

/** Main's side of a bot page's calls: the host tells which bot; the rest comes from the page. */
export type BotCallHandler = (
  botId: string,
  channel: string,
  payload: unknown,
) => Promise<Result<unknown>>;

const NOT_CONNECTED = fail('unknown_channel', 'This page is not connected to Botdeck.');

export interface BotBindingOptions {
  botId: string;
  /** The web host's origin: the only one the calling frame may be on. */
  webOrigin: string;
  logger: Logger;
  /** Who answers now; null until the host is attached to main (calls are refused until then). */
  handler(): BotCallHandler | null;
}

export async function exposeBotBinding(page: Page, options: BotBindingOptions): Promise<void> {
  const { botId } = options;
  await page.exposeBinding(WEB_BOT_BINDING, (source, channel: unknown, payload: unknown) => {
    if (!isBotPageCaller(source, page, options.webOrigin)) {
      options.logger.warn('Refused a bot call from outside the bot page', { botId });
      return NOT_CONNECTED;
    }
    const handler = options.handler();
    if (!handler || typeof channel !== 'string') return NOT_CONNECTED;
    return handler(botId, channel, payload);
  });
}
