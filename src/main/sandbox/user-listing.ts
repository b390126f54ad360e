/**
 * Zoom's "List users" (`GET /v2/users`), with its paging: `page_size` (30 by default, 300 at
 * most), an opaque `next_page_token` that continues the same query ('' on the last page), and
 * the older `page_number`. Zoom's own Node client (@zoom/rivet) calls it, so the sandbox answers
 * it as Zoom does; Botdeck itself never lists users. Zoom rates it Medium.
 */
import { z } from 'zod';
import { avatarUrl, roleIdOf, zoomTime, type SandboxUser } from './account-directory';
import { RequestError, sendJson, validate } from './http-kit';
import { admitRestCall } from './rest-guard';
import type { Route } from './router';
import type { SandboxContext } from './sandbox-context';

/** Zoom's paging limits for light lists (developers.zoom.us/docs/api/pagination). */
export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 300;

const ListQuerySchema = z.object({
  status: z.enum(['active', 'inactive', 'pending']).default('active'),
  page_size: z
    .string()
    .regex(/^\d{1,6}$/, 'page_size must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE))
    .default(DEFAULT_PAGE_SIZE),
  page_number: z
    .string()
    .regex(/^\d{1,6}$/, 'page_number must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1))
    .optional(),
  role_id: z.string().max(32).optional(),
  next_page_token: z.string().max(200).optional(),
});
type ListQuery = z.output<typeof ListQuerySchema>;

/** What a page token remembers: where the next page starts, and of which query. */
const PageTokenSchema = z.object({
  offset: z.number().int().min(0),
  status: z.string(),
  role: z.string().nullable(),
});

function encodePageToken(offset: number, query: ListQuery): string {
  const token = { offset, status: query.status, role: query.role_id ?? null };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

/** Where the page starts: from the token (which must belong to this query), or the page number. */
function startOf(query: ListQuery): number {
  if (query.next_page_token === undefined || query.next_page_token === '') {
    return ((query.page_number ?? 1) - 1) * query.page_size;
  }
  let decoded: unknown = null;
  try {
    decoded = JSON.parse(Buffer.from(query.next_page_token, 'base64url').toString('utf8'));
  } catch {
    // Not even JSON: refused below like any other token the sandbox did not issue.
  }
  const token = PageTokenSchema.safeParse(decoded);
  if (
    !token.success ||
    token.data.status !== query.status ||
    token.data.role !== (query.role_id ?? null)
  ) {
    throw new RequestError(400, 'Invalid next_page_token: use it with the query that returned it.');
  }
  return token.data.offset;
}

/** A user as the list shows it: fewer fields than `GET /v2/users/{userId}`. */
function listEntry(user: SandboxUser, baseUrl: string): Record<string, unknown> {
  const created = zoomTime(user.createdAt);
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: user.displayName,
    email: user.email,
    type: user.type,
    pmi: 0,
    timezone: 'UTC',
    verified: 1,
    dept: '',
    created_at: created,
    user_created_at: created,
    last_login_time: created,
    pic_url: avatarUrl(baseUrl, user.id),
    language: 'en-US',
    phone_number: '',
    status: user.status,
    role_id: roleIdOf(user),
    group_ids: [],
    im_group_ids: [],
  };
}

export function userListRoute(ctx: SandboxContext): Route {
  return {
    method: 'GET',
    path: '/v2/users',
    async handler({ req, res, url }) {
      await ctx.faults.strike('user');
      admitRestCall(ctx, req, res, 'Medium');
      const query = validate(ListQuerySchema, Object.fromEntries(url.searchParams));
      const matching = ctx.directory
        .allUsers()
        .filter((user) => user.status === query.status)
        .filter((user) => query.role_id === undefined || roleIdOf(user) === query.role_id);
      const start = startOf(query);
      const page = matching.slice(start, start + query.page_size);
      const next = start + query.page_size;
      sendJson(res, 200, {
        page_count: Math.ceil(matching.length / query.page_size),
        page_number: Math.floor(start / query.page_size) + 1,
        page_size: query.page_size,
        total_records: matching.length,
        next_page_token: next < matching.length ? encodePageToken(next, query) : '',
        users: page.map((user) => listEntry(user, ctx.baseUrl())),
      });
    },
  };
}
