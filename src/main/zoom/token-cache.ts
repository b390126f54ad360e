/**
 * Server-to-Server OAuth access tokens (docs/zoom.md, "Server-to-Server OAuth"): cached until
 * shortly before they expire, with at most one token request in flight however many callers ask at
 * once.
 */
import { isZoomHostname } from '../../shared/meeting-link';
import { AccessTokenResponseSchema, OAuthErrorSchema } from './zoom-schemas';
import { ZoomApiError, withZoomWords } from './zoom-api-error';
import { isDailyLimit, readJson, sendWithRetries, type ZoomHttpDeps } from './zoom-http';

export interface S2sCredentials {
  oauthBaseUrl: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
}

/** A usable token and the REST base Zoom told us to use with it. */
export interface AccessToken {
  value: string;
  /** `api_url` from the token response, when Zoom sent one we accept. */
  apiUrl: string | null;
  expiresAt: number;
}

export interface TokenCache {
  /** A valid token: cached, or fetched by the one request in flight. */
  get(): Promise<AccessToken>;
  /**
   * Drops `token` because Zoom refused it (401 code 124). Only that exact token is dropped, so
   * many callers refused together cause one refresh, not one each.
   */
  invalidate(token: AccessToken): void;
}

/** Refresh this long before expiry (or at 90% of a short lifetime) so no call carries a token that dies in flight. */
const EARLY_REFRESH_MS = 5 * 60_000;

/**
 * `onRefusedApiUrl` hears each `api_url` a token response offered that was not followed (so the
 * operator can see a token service pointing bearer tokens somewhere odd).
 */
export function createTokenCache(
  credentials: S2sCredentials,
  deps: ZoomHttpDeps,
  onRefusedApiUrl: (apiUrl: string) => void = () => undefined,
): TokenCache {
  let cached: AccessToken | null = null;
  let inFlight: Promise<AccessToken> | null = null;

  async function fetchToken(): Promise<AccessToken> {
    const query = new URLSearchParams({
      grant_type: 'account_credentials',
      account_id: credentials.accountId,
    }).toString();
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
      'base64',
    );
    const requestedAt = deps.now();
    // Zoom documents the grant both as query parameters and as a form body; send both so any
    // Zoom-compatible server reads it.
    const response = await sendWithRetries(deps, {
      url: `${trimBase(credentials.oauthBaseUrl)}/oauth/token?${query}`,
      method: 'POST',
      headers: {
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: query,
    });
    const body = await readJson(response);
    if (!response.ok) throw oauthError(response, body);
    const parsed = AccessTokenResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new ZoomApiError({
        reason: 'bad_response',
        status: response.status,
        code: null,
        zoomMessage: null,
        operatorMessage: 'Zoom’s token service sent a response Botdeck does not understand.',
      });
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    const margin = Math.min(EARLY_REFRESH_MS, lifetimeMs / 10);
    const apiUrl = acceptableApiUrl(parsed.data.api_url);
    if (parsed.data.api_url && apiUrl === null) onRefusedApiUrl(parsed.data.api_url);
    return {
      value: parsed.data.access_token,
      apiUrl,
      expiresAt: requestedAt + lifetimeMs - margin,
    };
  }

  return {
    get() {
      if (cached && deps.now() < cached.expiresAt) return Promise.resolve(cached);
      inFlight ??= fetchToken()
        .then((token) => {
          cached = token;
          return token;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    invalidate(token) {
      if (cached?.value === token.value) cached = null;
    },
  };
}

function oauthError(response: Response, body: unknown): ZoomApiError {
  const parsed = OAuthErrorSchema.safeParse(body);
  const error = parsed.success ? (parsed.data.error ?? null) : null;
  const reason = parsed.success ? (parsed.data.reason ?? null) : null;
  const base = { status: response.status, code: null, zoomMessage: reason ?? error };
  if (error === 'invalid_client') {
    return new ZoomApiError({
      ...base,
      reason: 'invalid_client',
      operatorMessage: 'The client ID or client secret was rejected by Zoom.',
    });
  }
  if (error === 'invalid_request') {
    return new ZoomApiError({
      ...base,
      reason: 'invalid_account',
      operatorMessage: withZoomWords(
        'Zoom did not accept the account ID — check the account ID of the Server-to-Server OAuth app.',
        null,
        reason,
      ),
    });
  }
  if (response.status === 429) {
    return new ZoomApiError({
      ...base,
      reason: 'rate_limited',
      operatorMessage: isDailyLimit(response)
        ? 'Zoom’s daily limit for access tokens on this account is reached; try again tomorrow.'
        : 'Zoom is refusing token requests for now (rate limit). Wait a minute and try again.',
    });
  }
  return new ZoomApiError({
    ...base,
    reason: response.status >= 500 ? 'server_error' : 'oauth_failed',
    operatorMessage: withZoomWords(
      `Zoom refused Botdeck an access token (HTTP ${response.status}).`,
      null,
      base.zoomMessage,
    ),
  });
}

/**
 * Bearer tokens go wherever `api_url` says, so it is followed only to Zoom's own hosts (zoom.us,
 * zoomgov.com and their subdomains) over https on the default port; anything else is null, and
 * the configured base stays.
 */
export function acceptableApiUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const bare = url.username === '' && url.password === '' && url.port === '';
    if (url.protocol === 'https:' && bare && isZoomHostname(url.hostname)) return trimBase(raw);
  } catch {
    // fall through
  }
  return null;
}

/** Base URLs are joined with paths that start with "/", so drop a trailing slash. */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}
