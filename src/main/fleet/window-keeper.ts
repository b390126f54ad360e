/**
 * Keeps "a bot never holds two windows" true, and "a closed window leaves no one behind in the
 * meeting". The fleet opens and closes bot pages only through here: a new page for a bot waits
 * until its previous page has finished closing, and opening while a page is still open is
 * refused outright, so a rejoin can never overlap two pages (two SDK sessions, two tickets) of
 * one bot.
 *
 * Closing a page that may be in a meeting first asks it to leave, and waits (at most
 * `leaveTimeoutMs`) for it to say it is out: destroying a window skips `beforeunload`, so the
 * SDK's own leave-on-unload never runs, and Zoom would keep the bot as a ghost participant
 * until its server notices, while the bot's rejoin comes in beside it. Every close goes through
 * here (leaving, ending, rejoining, shutting down), in both hosts.
 */
import type { Logger } from '../log/logger';
import type { BotPageSpec, BotWindowHost } from './bot-window-host';
import type { FleetTimers } from './fleet-timers';

export interface WindowKeeper {
  /**
   * Opens the bot's page once any earlier page is closed. Resolves false without opening when
   * `stillWanted()` turned false while waiting (the bot left meanwhile). Throws if the host does.
   */
  open(botId: string, page: BotPageSpec, stillWanted: () => boolean): Promise<boolean>;
  /**
   * Closes the bot's page if one is open; idempotent, never throws. A page that may be in a
   * meeting is first asked to leave, unless the caller has done that already and waited.
   */
  close(botId: string, how?: { askToLeave: boolean }): Promise<void>;
  /** The page took its ticket: from now on it may be in a meeting. */
  markJoining(botId: string): void;
  /** The page reported that it is out of its meeting (left, failed, ended, kicked, dropped). */
  markOut(botId: string): void;
  /** The host reported the page gone on its own: nothing is left to close. */
  markGone(botId: string): void;
  isOpen(botId: string): boolean;
  /** Bots with an open page. */
  openIds(): string[];
}

export interface WindowKeeperOptions {
  timers: FleetTimers;
  /** How long a page may take to leave its meeting before its window is closed anyway. */
  leaveTimeoutMs: number;
}

/** Where an open page stands: no ticket yet, maybe in a meeting, or out of it. */
type PageStage = 'fresh' | 'joining' | 'out';

export function createWindowKeeper(
  host: BotWindowHost,
  logger: Logger,
  options: WindowKeeperOptions,
): WindowKeeper {
  const open = new Map<string, PageStage>();
  const closing = new Map<string, Promise<void>>();
  /** Pages asked to leave, by bot: what ends the wait once the page says it is out. */
  const leaving = new Map<string, () => void>();

  /** Asks a page that may be in a meeting to leave; resolves when it is out or time is up. */
  function leaveFirst(botId: string, stage: PageStage): Promise<void> {
    if (stage !== 'joining') return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = options.timers.setTimeout(() => {
        leaving.delete(botId);
        logger.warn('A bot page did not leave its meeting in time; closing its window', { botId });
        resolve();
      }, options.leaveTimeoutMs);
      leaving.set(botId, () => {
        options.timers.clearTimeout(timer);
        leaving.delete(botId);
        resolve();
      });
      host.send(botId, { type: 'leave' });
    });
  }

  function close(botId: string, how = { askToLeave: true }): Promise<void> {
    const stage = open.get(botId);
    if (stage === undefined) return closing.get(botId) ?? Promise.resolve();
    open.delete(botId);
    const done = (how.askToLeave ? leaveFirst(botId, stage) : Promise.resolve())
      .then(() => host.close(botId))
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
      open.set(botId, 'fresh');
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
    markJoining(botId) {
      if (open.get(botId) === 'fresh') open.set(botId, 'joining');
    },
    markOut(botId) {
      if (open.has(botId)) open.set(botId, 'out');
      leaving.get(botId)?.();
    },
    markGone(botId) {
      open.delete(botId);
      leaving.get(botId)?.();
    },
    isOpen: (botId) => open.has(botId),
    openIds: () => [...open.keys()],
  };
}
