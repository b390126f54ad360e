/**
 * One HTTP exchange with Zoom, retried where retrying is safe: network failures and 5xx with
 * jittered exponential backoff, 429 after Retry-After. Every other status is returned to the
 * caller, which maps it per endpoint family (OAuth and REST answer errors differently).
 */
import { backoffDelay, parseRetryAfter, type RetryPolicy } from './retry-policy';
import { ZoomApiError } from './zoom-api-error';

export interface ZoomHttpDeps {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  policy: RetryPolicy;
}

export interface ZoomRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Awaited before every attempt, retries included (the client-side rate limiter). */
  throttle?: () => Promise<void>;
}

/**
 * Sends `request`, retrying as described above. Returns the final response (2xx, 4xx, or a
 * 429/5xx once retries are spent); throws a `ZoomApiError` ("network") when no response came.
 */
export async function sendWithRetries(deps: ZoomHttpDeps, request: ZoomRequest): Promise<Response> {
  let serverRetries = 0;
  let rateRetries = 0;
  for (;;) {
    let response: Response;
    await request.throttle?.();
    try {
      response = await deps.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(deps.policy.requestTimeoutMs),
      });
    } catch {
      // The cause may quote the request; it is deliberately not carried into the error.
      if (serverRetries >= deps.policy.maxServerRetries) throw networkError(request.url);
      await deps.sleep(backoffDelay(serverRetries++, deps.policy, deps.random));
      continue;
    }
    if (response.status === 429 && rateRetries < deps.policy.maxRateLimitRetries) {
      const wait = rateLimitWait(response, rateRetries, deps);
      if (wait !== null) {
        await discard(response);
        rateRetries++;
        await deps.sleep(wait);
        continue;
      }
    }
    if (response.status >= 500 && serverRetries < deps.policy.maxServerRetries) {
      await discard(response);
      await deps.sleep(backoffDelay(serverRetries++, deps.policy, deps.random));
      continue;
    }
    return response;
  }
}

/**
 * How long to wait before retrying a 429, or null when the wait is too long to be worth it
 * (typically a daily limit, whose Retry-After is a date hours away). A daily limit that resets
 * within the bound is simply waited out like any other.
 */
function rateLimitWait(response: Response, retry: number, deps: ZoomHttpDeps): number | null {
  const told = parseRetryAfter(response.headers.get('retry-after'), deps.now());
  const wait = told ?? backoffDelay(retry + 2, deps.policy, deps.random);
  return wait > deps.policy.maxRetryAfterMs ? null : wait;
}

export function isDailyLimit(response: Response): boolean {
  return response.headers.get('x-ratelimit-type')?.toLowerCase() === 'daily-limit';
}

/** Frees the connection of a response we will not read. */
async function discard(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

function networkError(url: string): ZoomApiError {
  return new ZoomApiError({
    reason: 'network',
    status: null,
    code: null,
    zoomMessage: null,
    operatorMessage: `Botdeck could not reach Zoom at ${new URL(url).host} (network error or timeout). Check the internet connection and try again.`,
  });
}

/** Reads a body as JSON, or null when it is empty or not JSON (proxies answer with HTML). */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
