/**
 * Maps a failed Zoom REST response to a `ZoomApiError` with operator words
 * (docs/zoom.md, "REST errors"). Kept apart from the client so the table of cases reads in one
 * place.
 */
import { RestErrorSchema } from './zoom-schemas';
import { ZoomApiError, withZoomWords } from './zoom-api-error';
import { isDailyLimit } from './zoom-http';

/** Which call failed, so messages can name the user and the scopes that call needs. */
export interface RestCall {
  kind: 'user' | 'zak';
  userId: string;
  path: string;
}

/** Zoom's codes that need their own words. */
const INVALID_TOKEN = 124;
const USER_NOT_FOUND = 1001;
const MISSING_SCOPE = 4700;

const SCOPES: Record<RestCall['kind'], string> = {
  zak: 'user:read:token:admin (or user:read:zak:admin)',
  user: 'user:read:user:admin (or user:read:admin)',
};

export function describeRestError(call: RestCall, response: Response, body: unknown): ZoomApiError {
  const parsed = RestErrorSchema.safeParse(body);
  const code = parsed.success ? (parsed.data.code ?? null) : null;
  const zoomMessage = parsed.success ? (parsed.data.message ?? null) : null;
  const base = { status: response.status, code, zoomMessage };
  const status = response.status;

  // 124 is Zoom's code for an expired or revoked token; any 401 is treated alike, because one
  // refresh is cheap and a stale token is by far the likeliest cause.
  if (status === 401 || code === INVALID_TOKEN) {
    return new ZoomApiError({
      ...base,
      reason: 'invalid_token',
      operatorMessage:
        'Zoom rejected Botdeck’s access token even after a refresh. Check that the Server-to-Server OAuth app is activated and its credentials are current.',
    });
  }
  if (code === USER_NOT_FOUND || (status === 404 && call.kind === 'user' && code === null)) {
    return new ZoomApiError({
      ...base,
      reason: 'user_not_found',
      operatorMessage: `The Zoom user ${call.userId} does not exist in this account.`,
    });
  }
  if (code === MISSING_SCOPE) {
    return new ZoomApiError({
      ...base,
      reason: 'missing_scope',
      operatorMessage: `The Zoom app is missing a scope for this call: add ${SCOPES[call.kind]} to the Server-to-Server OAuth app, then activate it again.`,
    });
  }
  if (status === 429) {
    return new ZoomApiError({
      ...base,
      reason: 'rate_limited',
      operatorMessage: rateLimitWords(response),
    });
  }
  if (status >= 500) {
    return new ZoomApiError({
      ...base,
      reason: 'server_error',
      operatorMessage: withZoomWords(
        `Zoom’s servers failed (HTTP ${status}) several times in a row; try again in a few minutes.`,
        code,
        zoomMessage,
      ),
    });
  }
  return new ZoomApiError({
    ...base,
    reason: 'api_error',
    operatorMessage: withZoomWords(`Zoom refused the request (HTTP ${status}).`, code, zoomMessage),
  });
}

function rateLimitWords(response: Response): string {
  const retryAfter = response.headers.get('retry-after')?.trim() ?? '';
  // A date (rather than seconds) is how Zoom says when a longer limit resets.
  const resetsAt = retryAfter !== '' && !/^\d+(\.\d+)?$/.test(retryAfter) ? retryAfter : null;
  if (isDailyLimit(response)) {
    return `Zoom’s daily API limit for this account is reached${resetsAt ? `; it resets at ${resetsAt}` : ''}. Bots can launch again after that.`;
  }
  if (resetsAt) {
    return `Zoom’s API limit for this account is reached; Zoom asks Botdeck to wait until ${resetsAt}.`;
  }
  return 'Zoom’s per-second API limit for this account was still exceeded after several waits. Launch fewer bots at once or wait a minute.';
}
