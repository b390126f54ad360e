/**
 * What every `/v2` call goes through before its handler: a live bearer token, then the
 * account's rate limit for the endpoint's category (docs/zoom.md, "Rate limits").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-kit';
import { rateHeaders, tooManyRequests, type RateCategory } from './rate-limiter';
import type { SandboxContext } from './sandbox-context';

/** Zoom's answer to a missing, unknown or expired access token. */
export const invalidAccessToken = (): HttpError =>
  new HttpError(401, { code: 124, message: 'Invalid access token.' });

/** Zoom's answer for an unknown `{userId}`. */
export const userNotFound = (ref: string): HttpError =>
  new HttpError(404, { code: 1001, message: `User does not exist: ${ref}.` });

/**
 * Checks the bearer token and rate limit, throwing Zoom's 401 or 429. An admitted call gets
 * the rate headers set on `res` (so they ride on its reply, success or not) and its account id.
 */
export function admitRestCall(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  category: RateCategory,
): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  const accountId = match?.[1] ? ctx.tokens.accountOf(match[1]) : null;
  if (!accountId) throw invalidAccessToken();
  const decision = ctx.limiter.take(accountId, category);
  if (!decision.allowed) {
    throw tooManyRequests(category, decision.limit, String(decision.retryAfterSeconds));
  }
  for (const [name, value] of Object.entries(rateHeaders(category, decision))) {
    if (value !== undefined) res.setHeader(name, value);
  }
  return accountId;
}
