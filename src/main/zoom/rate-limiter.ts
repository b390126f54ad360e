/**
 * A client-side limiter that keeps Botdeck under Zoom's per-account rate for a category
 * (Light: 30/s on Pro, zoom.md §3). It is a sliding window: at most `perSecond` grants in any
 * window of `windowMs`, so it also stays under Zoom's limit however Zoom aligns its seconds.
 * A small no-dependency class earns its place over p-queue here: it needs an injectable clock
 * and sleep so tests never really wait.
 */

export interface RateLimiterOptions {
  perSecond: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /**
   * Width of the window; a little over one second by default, because requests that leave us
   * evenly spaced can reach Zoom bunched together by network jitter. 40 ms of margin keeps a
   * batch at ≥ 96% of the plan's rate (28.8/s on Pro; see `npm run bench`).
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
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  /** Grant times of the last `limit` grants, oldest first. */
  const grants: number[] = [];
  /** Callers queue behind each other so grants stay in arrival order. */
  let tail: Promise<void> = Promise.resolve();

  async function grant(): Promise<void> {
    for (;;) {
      const now = options.now();
      while (grants.length > 0 && (grants[0] ?? now) <= now - windowMs) grants.shift();
      if (grants.length < limit) {
        grants.push(now);
        return;
      }
      const oldest = grants[0] ?? now;
      await options.sleep(Math.max(1, oldest + windowMs - now));
    }
  }

  return {
    acquire() {
      const turn = tail.then(grant);
      tail = turn;
      return turn;
    },
  };
}
