import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../src/main/zoom/rate-limiter';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
} from '../../../../src/main/zoom/retry-policy';

/** A clock that only moves when the limiter sleeps, so tests take no real time. */
function fakeTime() {
  const clock = { now: 0 };
  return {
    clock,
    now: () => clock.now,
    sleep: (ms: number) => {
      clock.now += ms;
      return Promise.resolve();
    },
  };
}

describe('rate limiter', () => {
  it('never grants more than the rate in any one-second window', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 30, now: time.now, sleep: time.sleep });
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 100 }, () => limiter.acquire().then(() => grants.push(time.clock.now))),
    );
    expect(grants).toHaveLength(100);
    for (const [index, at] of grants.entries()) {
      const inWindow = grants.filter((other, j) => j <= index && other > at - 1000);
      expect(inWindow.length).toBeLessThanOrEqual(30);
    }
    // 99 gaps of 1.04/30 s: 96% of the full rate, the margin Zoom's jitter needs, no more.
    expect(time.clock.now).toBeCloseTo((99 * 1_040) / 30, 0);
  });

  it('spaces grants evenly instead of bursting, so jitter cannot bunch them at Zoom', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 30, now: time.now, sleep: time.sleep });
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () => limiter.acquire().then(() => grants.push(time.clock.now))),
    );
    const gaps = grants.slice(1).map((at, index) => at - (grants[index] ?? 0));
    expect(grants[0]).toBe(0);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1_040 / 30 - 1);
  });

  it('grants at once after an idle spell', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 30, now: time.now, sleep: time.sleep });
    await limiter.acquire();
    time.clock.now += 5_000;
    const before = time.clock.now;
    await limiter.acquire();
    expect(time.clock.now).toBe(before);
  });

  it('refuses a rate below one per second', () => {
    const time = fakeTime();
    expect(() => createRateLimiter({ perSecond: 0, now: time.now, sleep: time.sleep })).toThrow(
      RangeError,
    );
  });
});

describe('retry policy', () => {
  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('2026-01-01T00:00:05Z', now)).toBe(5000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('2025-12-31T23:00:00Z', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
  });

  it('backs off exponentially with jitter, capped', () => {
    const policy = DEFAULT_RETRY_POLICY;
    expect(backoffDelay(0, policy, () => 0)).toBe(125);
    expect(backoffDelay(0, policy, () => 1)).toBe(250);
    expect(backoffDelay(2, policy, () => 0)).toBe(500);
    expect(backoffDelay(20, policy, () => 1)).toBe(policy.maxDelayMs);
  });
});
