/**
 * Coalesces bot changes into at most one `BotsChangedEvent` per frame (16 ms): ids changed
 * meanwhile are collected and flushed together with their views as they are then. A change
 * after a quiet frame goes out on the next turn of the event loop, so a lone change is not held
 * back; a burst (200 bots launching, a thousand bots changing 200 times a second) reaches the
 * dashboard as one event per frame it can draw, not one per change.
 */
import type { BotsChangedEvent, BotView } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';

/** One frame of a 60 Hz display. */
export const CHANGE_FRAME_MS = 16;

export interface ChangeBatcher {
  /** Marks a bot as changed; it is sent with the next flush. */
  mark(botId: string): void;
  /** Subscribes to batched events; returns an unsubscribe function. */
  subscribe(listener: (event: BotsChangedEvent) => void): () => void;
  /** Sends pending changes now (used on dispose). */
  flush(): void;
}

export interface ChangeBatcherOptions {
  /** The bot's current view, or undefined if it no longer exists. */
  view(botId: string): BotView | undefined;
  logger: Logger;
  /** The clock frames are measured by; `performance.now` by default. */
  now?: () => number;
}

export function createChangeBatcher(options: ChangeBatcherOptions): ChangeBatcher {
  const now = options.now ?? (() => performance.now());
  const pending = new Set<string>();
  const listeners = new Set<(event: BotsChangedEvent) => void>();
  let scheduled: { cancel(): void } | null = null;
  let lastFlush = -Infinity;

  function flush(): void {
    scheduled?.cancel();
    scheduled = null;
    if (pending.size === 0) return;
    lastFlush = now();
    const bots = [...pending].map((id) => options.view(id)).filter((view) => view !== undefined);
    pending.clear();
    if (bots.length === 0) return;
    for (const listener of listeners) {
      try {
        listener({ bots });
      } catch (error) {
        // One broken listener (a closed socket) must not stop the others or the fleet.
        options.logger.error('A bots-changed listener threw', { error });
      }
    }
  }

  function schedule(): void {
    const wait = lastFlush + CHANGE_FRAME_MS - now();
    if (wait <= 0) {
      const handle = setImmediate(flush);
      scheduled = { cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(flush, wait);
      scheduled = { cancel: () => clearTimeout(handle) };
    }
  }

  return {
    mark(botId) {
      pending.add(botId);
      if (!scheduled) schedule();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
  };
}
