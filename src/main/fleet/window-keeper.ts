/**
 * Keeps "a bot never holds two windows" true. The fleet opens and closes bot pages only through
 * here: a new page for a bot waits until its previous page has finished closing, and opening
 * while a page is still open is refused outright, so a rejoin can never overlap two pages (two
 * SDK sessions, two tickets) of one bot.
 */
import type { Logger } from '../log/logger';
import type { BotPageSpec, BotWindowHost } from './bot-window-host';

export interface WindowKeeper {
  /**
   * Opens the bot's page once any earlier page is closed. Resolves false without opening when
   * `stillWanted()` turned false while waiting (the bot left meanwhile). Throws if the host does.
   */
  open(botId: string, page: BotPageSpec, stillWanted: () => boolean): Promise<boolean>;
  /** Closes the bot's page if one is open; idempotent, never throws. */
  close(botId: string): Promise<void>;
  /** The host reported the page gone on its own: nothing is left to close. */
  markGone(botId: string): void;
  isOpen(botId: string): boolean;
  /** Bots with an open page. */
  openIds(): string[];
}

export function createWindowKeeper(host: BotWindowHost, logger: Logger): WindowKeeper {
  const open = new Set<string>();
  const closing = new Map<string, Promise<void>>();

  function close(botId: string): Promise<void> {
    if (!open.has(botId)) return closing.get(botId) ?? Promise.resolve();
    open.delete(botId);
    const done = host
      .close(botId)
      .catch((error: unknown) => {
        logger.warn('Could not close a bot window', { botId, error });
      })
      .finally(() => {
        if (closing.get(botId) === done) closing.delete(botId);
      });
    closing.set(botId, done);
    return done;
  }

  return {
    async open(botId, page, stillWanted) {
      await closing.get(botId);
      if (!stillWanted()) return false;
      if (open.has(botId)) throw new Error(`Bot ${botId} already has a window open`);
      open.add(botId);
      try {
        await host.open(botId, page);
      } catch (error) {
        // A half-made page (context created, navigation failed) must not linger in the host.
        await close(botId);
        throw error;
      }
      return true;
    },
    close,
    markGone(botId) {
      open.delete(botId);
    },
    isOpen: (botId) => open.has(botId),
    openIds: () => [...open],
  };
}
