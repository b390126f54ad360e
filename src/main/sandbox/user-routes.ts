/**
 * Zoom's user endpoints (docs/zoom.md, "REST endpoints"): profile, ZAK minting and user creation,
 * in the Light rate category, and the list of users (user-listing.ts, Medium), all behind a live
 * access token.
 */
import { z } from 'zod';
import { userProfile, type ZoomUserType } from './account-directory';
import { HttpError, readJson, sendJson, validate } from './http-kit';
import { admitRestCall, userNotFound } from './rest-guard';
import { capReached } from './sandbox-limits';
import type { Route } from './router';
import type { SandboxContext } from './sandbox-context';
import { userListRoute } from './user-listing';

/** Zoom's default ZAK lifetime (2 h) and its maximum custom `ttl` (one year). */
export const DEFAULT_ZAK_TTL_SECONDS = 7200;
export const MAX_ZAK_TTL_SECONDS = 31_536_000;

const TokenQuerySchema = z.object({
  // Zoom's default is the deprecated `token` kind, which is why callers must ask for `zak`.
  type: z.enum(['zak', 'token'], { message: 'type must be zak or token' }).default('token'),
  ttl: z
    .string()
    .regex(/^\d+$/, 'ttl must be a whole number of seconds')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_ZAK_TTL_SECONDS))
    .optional(),
});

const USER_TYPES = [1, 2, 4, 99] as const satisfies readonly ZoomUserType[];

const CreateUserSchema = z.object({
  action: z.enum(['create', 'autoCreate', 'custCreate', 'ssoCreate']),
  user_info: z.object({
    email: z.email().max(128),
    type: z.union(USER_TYPES.map((t) => z.literal(t))),
    first_name: z.string().max(64).optional(),
    last_name: z.string().max(64).optional(),
    display_name: z.string().trim().min(1).max(64).optional(),
    password: z.string().max(128).optional(),
  }),
});

/** `GET /v2/users`, `GET /v2/users/{userId}`, `GET /v2/users/{userId}/token`, `POST /v2/users`. */
export function userRoutes(ctx: SandboxContext): Route[] {
  const lookup = (ref: string) => {
    const user = ctx.directory.findUser(ref);
    if (!user) throw userNotFound(ref);
    return user;
  };
  return [
    userListRoute(ctx),
    {
      method: 'GET',
      path: '/v2/users/:userId',
      async handler({ req, res, params }) {
        await ctx.faults.strike('user');
        const accountId = admitRestCall(ctx, req, res, 'Light');
        const user = lookup(params.userId ?? '');
        sendJson(res, 200, userProfile(user, accountId, ctx.baseUrl()));
      },
    },
    {
      method: 'GET',
      path: '/v2/users/:userId/token',
      async handler({ req, res, url, params }) {
        await ctx.faults.strike('zak');
        admitRestCall(ctx, req, res, 'Light');
        const query = validate(TokenQuerySchema, {
          type: url.searchParams.get('type') ?? undefined,
          ttl: url.searchParams.get('ttl') ?? undefined,
        });
        const user = lookup(params.userId ?? '');
        const minted = ctx.tokens.mint(user.id, query.type, query.ttl ?? DEFAULT_ZAK_TTL_SECONDS);
        sendJson(res, 200, { token: minted.token });
      },
    },
    {
      method: 'POST',
      path: '/v2/users',
      async handler({ req, res }) {
        await ctx.faults.strike('user');
        admitRestCall(ctx, req, res, 'Light');
        const body = validate(CreateUserSchema, await readJson(req));
        const info = body.user_info;
        if (ctx.directory.userCount() >= ctx.limits.users) {
          throw capReached('users', ctx.limits.users, 'the demo account has no room for more.');
        }
        const user = ctx.directory.addUser(
          {
            email: info.email,
            type: info.type,
            firstName: info.first_name ?? '',
            lastName: info.last_name ?? '',
            displayName: info.display_name,
            // `create` sends an invitation the user has yet to accept; the others are live at once.
            status: body.action === 'create' ? 'pending' : 'active',
          },
          ctx.clock.now(),
        );
        if (!user) {
          throw new HttpError(409, {
            code: 1005,
            message: `User already in the account: ${info.email}`,
          });
        }
        sendJson(res, 201, {
          id: user.id,
          email: user.email,
          first_name: user.firstName,
          last_name: user.lastName,
          type: user.type,
        });
      },
    },
  ];
}
