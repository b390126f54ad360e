/**
 * Zoom's Server-to-Server OAuth token endpoint (docs/zoom.md, "Server-to-Server OAuth"). Zoom reads
 * `grant_type` and `account_id` from the query string; clients that send them as a form body work
 * too.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { HttpError, readForm, sendJson, validate } from './http-kit';
import type { Route } from './router';
import type { SandboxContext } from './sandbox-context';
import { ACCESS_TOKEN_TTL_SECONDS } from './token-registry';

/** The scopes a sandbox token carries: what ZAK minting and profile reads need. */
export const SANDBOX_SCOPES =
  'user:read:user:admin user:read:token:admin user:read:zak:admin user:write:user:admin';

const TokenParamsSchema = z.object({
  grant_type: z.string().max(64).optional(),
  account_id: z.string().max(128).optional(),
});

const oauthError = (error: string, reason: string): HttpError =>
  new HttpError(400, { reason, error });

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `client_id:client_secret` from a Basic header, or null. */
function basicCredentials(req: IncomingMessage): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** `POST /oauth/token`. */
export function oauthRoutes(ctx: SandboxContext): Route[] {
  return [
    {
      method: 'POST',
      path: '/oauth/token',
      async handler({ req, res, url }) {
        ctx.audit.countOauthRequest();
        await ctx.faults.strike('oauth');
        const form = await readForm(req);
        const params = validate(TokenParamsSchema, {
          grant_type: url.searchParams.get('grant_type') ?? form.get('grant_type') ?? undefined,
          account_id: url.searchParams.get('account_id') ?? form.get('account_id') ?? undefined,
        });
        const { account } = ctx.directory;
        const client = basicCredentials(req);
        if (
          !client ||
          !sameSecret(client.id, account.clientId) ||
          !sameSecret(client.secret, account.clientSecret)
        ) {
          throw oauthError('invalid_client', 'Invalid client_id or client_secret');
        }
        if (params.grant_type !== 'account_credentials') {
          throw oauthError('unsupported_grant_type', 'unsupported grant type');
        }
        if (params.account_id !== account.accountId) {
          throw oauthError('invalid_request', 'Account does not exist');
        }
        sendJson(res, 200, {
          access_token: ctx.tokens.issueAccessToken(account.accountId),
          token_type: 'bearer',
          expires_in: ACCESS_TOKEN_TTL_SECONDS,
          scope: SANDBOX_SCOPES,
          api_url: ctx.baseUrl(),
        });
      },
    },
  ];
}
