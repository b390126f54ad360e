/**
 * Tells the web host when a bot page is gone without being asked to close: it crashed, it was
 * closed from inside, or its main frame ended up off the host (about:blank, an error page), where
 * it is no longer the bot. Also puts the page's own errors in the log, with anything secret-
 * looking redacted: a bot page's messages may quote its ticket.
 */
import type { Page } from 'playwright-core';
import type { WindowGoneReason } from '../fleet/bot-window-host';
import type { Logger } from '../log/logger';
import { redactText } from '../log/redact-text';
import { guardBotPage } from './bot-page-guards';

export interface BotPageWatchOptions {
  botId: string;
  webOrigin: string;
  logger: Logger;
  /** The page is gone, or no longer the bot's; may be called more than once. */
  onGone(reason: WindowGoneReason): void;
}

export function watchBotPage(page: Page, options: BotPageWatchOptions): void {
  const { botId, logger } = options;
  page.on('crash', () => options.onGone('crashed'));
  page.on('close', () => options.onGone('closed'));
  guardBotPage(page, {
    botId,
    webOrigin: options.webOrigin,
    logger,
    onLeft: () => options.onGone('closed'),
  });
  page.on('pageerror', (error) =>
    logger.warn('Bot page error', { botId, error: redactText(error.message) }),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') {
      logger.warn('Bot page console error', { botId, text: redactText(message.text()) });
    }
  });
}
