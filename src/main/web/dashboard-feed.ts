/**
 * What the web host's dashboards hear of the fleet: its events gathered into at most one frame
 * per 16 ms, each bot once with its newest view, then sent as deltas (view-deltas.ts). A change
 * after a quiet frame goes out on the next turn of the event loop, so a lone change is not held
 * back; a thousand bots changing 200 times a second reach the dashboard as one small frame per
 * frame it can draw, not one message per change.
 */
import type { BotView, BotsChangedEvent } from '../../shared/ipc-contract';
import { realTimers, type FleetTimers } from '../fleet/fleet-timers';
import { createViewDeltas } from './view-deltas';

/** One frame of a 60 Hz display. */
export const FEED_FRAME_MS = 16;

/** The fleet's timer port, with a clock to space frames by. */
export interface FeedTimers extends FleetTimers {
  now(): number;
}

const realFeedTimers: FeedTimers = { ...realTimers, now: () => performance.now() };

export interface DashboardFeed {
  /** A fleet event (full views, removed ids). */
  push(event: BotsChangedEvent): void;
  /** Drops what waits (the host is stopping). */
  dispose(): void;
}

export function createDashboardFeed(
  send: (event: BotsChangedEvent) => void,
  timers: FeedTimers = realFeedTimers,
): DashboardFeed {
  const toEvent = createViewDeltas();
  const views = new Map<string, BotView>();
  const removed = new Set<string>();
  let timer: unknown = null;
  let lastSent = -Infinity;

  function flush(): void {
    timer = null;
    lastSent = timers.now();
    const event = toEvent({
      bots: [...views.values()],
      ...(removed.size > 0 ? { removed: [...removed] } : {}),
    });
    views.clear();
    removed.clear();
    if (event) send(event);
  }

  return {
    push(event) {
      for (const id of event.removed ?? []) {
        views.delete(id);
        removed.add(id);
      }
      for (const view of event.bots) views.set(view.id, view);
      if (timer !== null) return;
      timer = timers.setTimeout(flush, Math.max(0, lastSent + FEED_FRAME_MS - timers.now()));
    },
    dispose() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
