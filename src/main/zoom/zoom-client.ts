/**
 * Botdeck's Zoom REST client for one account: user profiles and ZAK minting
 * (docs/zoom.md, "REST endpoints"), over the shared S2S token cache, a client-side rate limiter and
 * bounded retries. Everything it needs (fetch, clock, sleep, randomness) is passed in.
 */
import type { z } from 'zod';
import type { Logger } from '../log/logger';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { createRateLimiter } from './rate-limiter';
import { createTokenCache, trimBase } from './token-cache';
import { ZoomApiError } from './zoom-api-error';
import { describeRestError, type RestCall } from './rest-errors';
import { readJson, sendWithRetries, type ZoomHttpDeps } from './zoom-http';
import { ZakResponseSchema, ZoomUserResponseSchema, type ZoomUser } from './zoom-schemas';

export type { ZoomUser } from './zoom-schemas';

export interface ZoomClientOptions {
  oauthBaseUrl: string;
  /** REST base, e.g. https://api.zoom.us (a trailing /v2 is accepted). `api_url` from OAuth wins. */
  apiBaseUrl: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
  fetch: typeof fetch;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Light-category requests per second for this account (default 30, Zoom Pro). */
  mintRatePerSecond?: number;
  retryPolicy?: Partial<RetryPolicy>;
  /** Hears an `api_url` that was not followed (one that is not Zoom's own https host). */
  logger?: Logger;
}

export interface ZoomClient {
  /** Gets an access token (cached or fresh): proves the S2S credentials work. */
  authenticate(): Promise<void>;
  /** The profile of `userId` (a Zoom user id or email). */
  getUser(userId: string): Promise<ZoomUser>;
  /** A fresh ZAK for `userId`, valid `ttlSeconds` (Zoom's default is 7,200). */
  mintZak(userId: string, ttlSeconds?: number): Promise<string>;
}

export const DEFAULT_MINT_RATE_PER_SECOND = 30;
export const DEFAULT_ZAK_TTL_SECONDS = 7_200;
/** Zoom accepts a custom ZAK ttl of up to one year. */
const MAX_ZAK_TTL_SECONDS = 31_536_000;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createZoomClient(options: ZoomClientOptions): ZoomClient {
  const deps: ZoomHttpDeps = {
    fetch: options.fetch,
    now: options.now,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy },
  };
  const configuredBase = restBase(options.apiBaseUrl);
  const tokens = createTokenCache(options, deps, (apiUrl) => {
    // The sandbox names itself, which is the configured base anyway: nothing to say then.
    if (restBase(apiUrl) === configuredBase) return;
    options.logger?.warn('Zoom’s token response named an API host that is not Zoom’s; ignored it', {
      apiUrl: apiUrl.slice(0, 200),
      using: configuredBase,
    });
  });
  // ZAK and user calls are both in Zoom's Light category, which shares one per-account budget.
  const light = createRateLimiter({
    perSecond: options.mintRatePerSecond ?? DEFAULT_MINT_RATE_PER_SECOND,
    now: deps.now,
    sleep: deps.sleep,
  });

  async function call<S extends z.ZodType>(request: RestCall, schema: S): Promise<z.output<S>> {
    let refreshed = false;
    for (;;) {
      const token = await tokens.get();
      const response = await sendWithRetries(deps, {
        url: `${token.apiUrl ? restBase(token.apiUrl) : configuredBase}${request.path}`,
        method: 'GET',
        headers: { Authorization: `Bearer ${token.value}`, Accept: 'application/json' },
        // Retries count against Zoom's per-second budget too, so each attempt takes a slot.
        throttle: light.acquire,
      });
      const body = await readJson(response);
      if (response.ok) return parseOk(schema, body, response.status);
      const error = describeRestError(request, response, body);
      if (error.reason === 'invalid_token' && !refreshed) {
        // An expired or revoked token (401 / 124): one fresh token, one more try.
        refreshed = true;
        tokens.invalidate(token);
        continue;
      }
      throw error;
    }
  }

  return {
    async authenticate() {
      await tokens.get();
    },
    getUser(userId) {
      const path = `/v2/users/${encodeURIComponent(userId)}`;
      return call({ kind: 'user', userId, path }, ZoomUserResponseSchema);
    },
    async mintZak(userId, ttlSeconds = DEFAULT_ZAK_TTL_SECONDS) {
      if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_ZAK_TTL_SECONDS) {
        throw new RangeError(`A ZAK ttl must be 1–${MAX_ZAK_TTL_SECONDS} whole seconds`);
      }
      // Always type=zak: the default type=token is a different, deprecated token.
      const query = new URLSearchParams({ type: 'zak', ttl: String(ttlSeconds) });
      const path = `/v2/users/${encodeURIComponent(userId)}/token?${query.toString()}`;
      const body = await call({ kind: 'zak', userId, path }, ZakResponseSchema);
      return body.token;
    },
  };
}

/** Paths carry their own /v2, so a base given with /v2 (or a trailing slash) is trimmed. */
function restBase(base: string): string {
  return trimBase(base).replace(/\/v2$/, '');
}

function parseOk<S extends z.ZodType>(schema: S, body: unknown, status: number): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ZoomApiError({
    reason: 'bad_response',
    status,
    code: null,
    zoomMessage: null,
    operatorMessage: 'Zoom sent a response Botdeck does not understand.',
  });
}
