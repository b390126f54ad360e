/**
 * Sandbox time: the host clock plus an offset that only ever grows, so tests can expire access
 * tokens, ZAKs and signatures by moving time forward instead of sleeping.
 */

/** The sandbox's notion of "now", shared by every part that checks an expiry. */
export interface SandboxClock {
  /** Epoch ms in sandbox time. */
  now(): number;
  /** Epoch seconds in sandbox time (what JWT `iat`/`exp` claims are compared with). */
  nowSeconds(): number;
  /** Moves sandbox time forward; returns the new `now()`. */
  advance(seconds: number): number;
}

/** Builds a clock over `base` (Date.now by default). */
export function createSandboxClock(base: () => number = Date.now): SandboxClock {
  let offsetMs = 0;
  const now = (): number => base() + offsetMs;
  return {
    now,
    nowSeconds: () => Math.floor(now() / 1000),
    advance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError('Sandbox time only moves forward');
      }
      offsetMs += Math.round(seconds * 1000);
      return now();
    },
  };
}
