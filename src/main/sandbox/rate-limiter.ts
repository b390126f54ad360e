/**
 * Zoom-style per-account, per-category QPS limits over a sliding one-second window, and the
 * exact 429 Zoom answers with, which the fault injector reuses.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { HttpError } from './http-kit';
import type { SandboxClock } from './sandbox-clock';

/** Zoom's rate-limit categories. */
export type RateCategory = 'Light' | 'Medium' | 'Heavy';

/** Per-second limits of Zoom's Pro plan. */
export const PRO_LIMITS: Readonly<Record<RateCategory, number>> = {
  Light: 30,
  Medium: 20,
  Heavy: 10,
};

const WINDOW_MS = 1000;

/** What one request's admission decided. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until a slot frees up (only meaningful when not allowed). */
  retryAfterSeconds: number;
}

/** Sliding-window limiter keyed by account and category. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limits: Readonly<Record<RateCategory, number>>,
    private readonly clock: SandboxClock,
  ) {}

  /** Admits or refuses one request; refused requests do not use up a slot. */
  take(accountId: string, category: RateCategory): RateDecision {
    const limit = this.limits[category];
    const now = this.clock.now();
    const key = `${accountId}\u0000${category}`;
    const recent = (this.windows.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    this.windows.set(key, recent);
    if (recent.length >= limit) {
      const oldest = recent[0] ?? now;
      const waitMs = Math.max(oldest + WINDOW_MS - now, 1);
      return { allowed: false, limit, remaining: 0, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    }
    recent.push(now);
    return { allowed: true, limit, remaining: limit - recent.length, retryAfterSeconds: 0 };
  }
}

/** The rate-limit headers Zoom puts on an admitted request. */
export function rateHeaders(category: RateCategory, decision: RateDecision): OutgoingHttpHeaders {
  return {
    'X-RateLimit-Category': category,
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
  };
}

/**
 * Zoom's 429. `retryAfter` is seconds for QPS limits or an ISO timestamp for daily limits
 * (Zoom sends both forms, and sometimes none: pass null to leave the header out).
 */
export function tooManyRequests(
  category: RateCategory,
  limit: number,
  retryAfter: string | null,
): HttpError {
  const daily = retryAfter !== null && !/^\d+$/.test(retryAfter.trim());
  const headers: OutgoingHttpHeaders = {
    'X-RateLimit-Category': category,
    'X-RateLimit-Type': daily ? 'Daily-limit' : 'QPS',
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
  };
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  const message = daily
    ? 'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.'
    : 'You have reached the maximum per-second rate limit for this API. Try again later.';
  return new HttpError(429, { code: 429, message }, headers);
}
