/**
 * Coalesces bot changes into one `BotsChangedEvent` per tick: ids changed in the same turn of
 * the event loop are collected and flushed together on `setImmediate`, so launching 200 bots
 * sends the dashboard a handful of events instead of thousands. Bots taken off the table
 * ("Clear finished") travel in the same event, as ids.
 */
import type { BotsChangedEvent, BotView } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';

export interface ChangeBatcher {
  /** Marks a bot as changed; it is sent with the next flush. */
  mark(botId: string): void;
  /** Marks a bot as removed (its view must be gone by the flush); sent as its id. */
  markRemoved(botId: string): void;
  /** Subscribes to batched events; returns an unsubscribe function. */
  subscribe(listener: (event: BotsChangedEvent) => void): () => void;
  /** Sends pending changes now (used on dispose). */
  flush(): void;
}

export interface ChangeBatcherOptions {
  /** The bot's current view, or undefined if it no longer exists. */
  view(botId: string): BotView | undefined;
  logger: Logger;
}

export function createChangeBatcher(options: ChangeBatcherOptions): ChangeBatcher {
  const pending = new Set<string>();
  const removed = new Set<string>();
  const listeners = new Set<(event: BotsChangedEvent) => void>();
  let scheduled: NodeJS.Immediate | null = null;

  function flush(): void {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    if (pending.size === 0 && removed.size === 0) return;
    const bots = [...pending].map((id) => options.view(id)).filter((view) => view !== undefined);
    const gone = [...removed].filter((id) => options.view(id) === undefined);
    pending.clear();
    removed.clear();
    if (bots.length === 0 && gone.length === 0) return;
    const event = gone.length === 0 ? { bots } : { bots, removed: gone };
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener (a closed socket) must not stop the others or the fleet.
        options.logger.error('A bots-changed listener threw', { error });
      }
    }
  }

  return {
    mark(botId) {
      pending.add(botId);
      scheduled ??= setImmediate(flush);
    },
    markRemoved(botId) {
      pending.delete(botId);
      removed.add(botId);
      scheduled ??= setImmediate(flush);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
  };
}
