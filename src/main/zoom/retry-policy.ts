/**
 * Pure retry arithmetic for Zoom calls: how long to wait after a 429 (Retry-After in seconds or as
 * a date; docs/zoom.md, "Rate limits") and jittered exponential backoff for 5xx and network
 * failures.
 */

export interface RetryPolicy {
  /** Retries after a 5xx or a network failure (attempts = retries + 1). */
  maxServerRetries: number;
  /** Retries after a 429. */
  maxRateLimitRetries: number;
  /** First backoff step; doubles on every retry. */
  baseDelayMs: number;
  /** Backoff never exceeds this. */
  maxDelayMs: number;
  /** A Retry-After further away than this is not waited for (daily limits reset in hours). */
  maxRetryAfterMs: number;
  /** Per request, so a hung connection cannot hold a bot in `minting` forever. */
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxServerRetries: 3,
  maxRateLimitRetries: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  requestTimeoutMs: 15_000,
};

/**
 * Milliseconds to wait per a Retry-After header value: delta-seconds ("2", "0.5") or an HTTP /
 * ISO date. Returns null when absent or unreadable, and 0 for a moment already past.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * "Equal jitter" backoff: half the exponential step plus a random half, so concurrent callers
 * that failed together do not retry together, yet each still waits a meaningful minimum.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + (random() * step) / 2);
}
