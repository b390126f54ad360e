/**
 * Sandbox-only controls that have no Zoom counterpart: sign a user out everywhere, move time,
 * and (when enabled) read the audit. Fault injection has its own routes (`fault-routes.ts`).
 */
import { z } from 'zod';
import { HttpError, readJson, sendEmpty, sendJson, validate } from './http-kit';
import type { Route } from './router';
import type { SandboxContext } from './sandbox-context';

const ClockSchema = z.object({
  // Ten years is far more than any expiry the sandbox models (a ZAK lives at most one year).
  advanceSeconds: z
    .number()
    .min(0)
    .max(10 * 365 * 24 * 3600),
});

/** `/sandbox/users/{id}/signout-all`, `/sandbox/clock`, `/sandbox/audit`. */
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
      method: 'GET',
      path: '/sandbox/audit',
      // Holds every secret issued: no browser page gets to read it.
      private: true,
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
