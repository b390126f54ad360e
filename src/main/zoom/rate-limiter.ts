/**
 * A client-side limiter that keeps Botdeck under Zoom's per-account rate for a category (Light:
 * 30/s on Pro, docs/zoom.md, "Rate limits"). Grants are spaced evenly, `windowMs / perSecond`
 * apart, rather than granted in bursts: a burst that leaves us at once reaches Zoom spread out by
 * network and event-loop jitter, and the tail of one burst plus the head of the next can land in
 * the same second of Zoom's window. Even spacing bounds every one-second window at `floor(1000 /
 * spacing) + 1` requests, which is below the limit whatever Zoom's alignment. A small no-dependency
 * class earns its place over p-queue here: it needs an injectable clock and sleep so tests never
 * really wait.
 */

export interface RateLimiterOptions {
  perSecond: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /**
   * The span `perSecond` grants are spread over; a little over one second by default, so a
   * batch runs at ≥ 96% of the plan's rate (28.8/s on Pro; see `npm run bench`) with a margin
   * for jitter.
   */
  windowMs?: number;
}

export interface RateLimiter {
  /** Resolves when the caller may send one request. Grants are first come, first served. */
  acquire(): Promise<void>;
}

export const DEFAULT_WINDOW_MS = 1_040;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limit = Math.floor(options.perSecond);
  if (!(limit >= 1)) throw new RangeError('A rate limit needs at least one request per second');
  const spacing = (options.windowMs ?? DEFAULT_WINDOW_MS) / limit;
  /** The earliest moment the next grant may happen. */
  let nextAt = -Infinity;
  /** Callers queue behind each other so grants stay in arrival order. */
  let tail: Promise<void> = Promise.resolve();

  async function grant(): Promise<void> {
    const now = options.now();
    // The slot is reserved before waiting (callers are already in line). A slot just missed
    // because a timer fired late is kept, so lateness does not add up and sag the rate; only
    // after an idle spell does the schedule start afresh from now.
    const slot = now < nextAt || now - nextAt < spacing ? nextAt : now;
    nextAt = slot + spacing;
    // Under a millisecond early is harmless, and timers cannot wait less anyway.
    if (slot - now >= 1) await options.sleep(slot - now);
  }

  return {
    acquire() {
      const turn = tail.then(grant);
      tail = turn;
      return turn;
    },
  };
}
