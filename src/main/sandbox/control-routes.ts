/**
 * Sandbox-only controls that have no Zoom counterpart: sign a user out everywhere, move time,
 * let another Botdeck host's pages in, and (when enabled) read the audit. Fault injection has
 * its own routes (`fault-routes.ts`). None is for pages: only scripts (no Origin) reach them.
 */
import { z } from 'zod';
import { HttpError, readJson, RequestError, sendEmpty, sendJson, validate } from './http-kit';
import type { Route } from './router';
import type { SandboxContext } from './sandbox-context';

const ClockSchema = z.object({
  // Ten years is far more than any expiry the sandbox models (a ZAK lives at most one year).
  advanceSeconds: z
    .number()
    .min(0)
    .max(10 * 365 * 24 * 3600),
});

const AllowOriginSchema = z.object({ origin: z.string().max(256) });

/**
 * `/sandbox/users/{id}/signout-all`, `/sandbox/clock`, `/sandbox/allowed-origins`,
 * `/sandbox/audit`.
 */
export function controlRoutes(ctx: SandboxContext): Route[] {
  return [
    {
      method: 'POST',
      path: '/sandbox/users/:userId/signout-all',
      handler({ res, params }) {
        signOutEverywhere(ctx, params.userId ?? '');
        sendEmpty(res, 204);
      },
    },
    {
      method: 'GET',
      path: '/sandbox/clock',
      handler({ res }) {
        sendJson(res, 200, { now: ctx.clock.now() });
      },
    },
    {
      method: 'POST',
      path: '/sandbox/clock',
      async handler({ req, res }) {
        const { advanceSeconds } = validate(ClockSchema, await readJson(req));
        sendJson(res, 200, { now: ctx.clock.advance(advanceSeconds) });
      },
    },
    {
      // A web host started with --sandbox-url registers its own origin here, so its bot pages
      // may join. Only a script can call it, and a script can already do anything a page could.
      method: 'POST',
      path: '/sandbox/allowed-origins',
      async handler({ req, res }) {
        const { origin } = validate(AllowOriginSchema, await readJson(req));
        try {
          ctx.origins.add(origin);
        } catch (error) {
          throw new RequestError(400, error instanceof Error ? error.message : String(error));
        }
        sendJson(res, 200, { allowedOrigins: ctx.origins.list() });
      },
    },
    {
      method: 'GET',
      path: '/sandbox/allowed-origins',
      handler({ res }) {
        sendJson(res, 200, { allowedOrigins: ctx.origins.list() });
      },
    },
    {
      method: 'GET',
      path: '/sandbox/audit',
      handler({ res }) {
        if (!ctx.audit.enabled) {
          throw new HttpError(404, { errorCode: 200, message: 'The audit is not enabled.' });
        }
        sendJson(res, 200, ctx.audit.snapshot(ctx.tokens));
      },
    },
  ];
}

/** "Sign Me Out from All Devices": every ZAK the user has so far stops working at join. */
export function signOutEverywhere(ctx: SandboxContext, userIdOrEmail: string): number {
  const user = ctx.directory.findUser(userIdOrEmail);
  if (!user) throw new HttpError(404, { errorCode: 200, message: 'No such user.' });
  return ctx.tokens.revokeAll(user.id);
}
