/**
 * Zod schemas for every Zoom response the client reads (docs/zoom.md, "Server-to-Server OAuth" and
 * "REST endpoints"). Zoom adds fields over time, so objects are parsed loosely (unknown keys
 * dropped), but the fields we use are checked.
 */
import { z } from 'zod';

/** `POST /oauth/token` (account credentials) success body. */
export const AccessTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  api_url: z.string().optional(),
});
export type AccessTokenResponse = z.infer<typeof AccessTokenResponseSchema>;

/** OAuth error body: `{ error: "invalid_client", reason: "Invalid client_id or client_secret" }`. */
export const OAuthErrorSchema = z.object({
  error: z.string().optional(),
  reason: z.string().optional(),
});

/** REST error body: `{ code: 124, message: "Invalid access token." }`. */
export const RestErrorSchema = z.object({
  code: z.number().int().optional(),
  message: z.string().optional(),
});

/** `GET /v2/users/{id}/token?type=zak` body. */
export const ZakResponseSchema = z.object({ token: z.string().min(1) });

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

/** `GET /v2/users/{id}`: the fields Botdeck uses, converted to camelCase. */
export const ZoomUserResponseSchema = z
  .object({
    id: z.string().min(1),
    email: optionalText,
    first_name: optionalText,
    last_name: optionalText,
    display_name: optionalText,
    pic_url: z.string().nullish(),
    /** 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None. */
    type: z.number().int(),
    status: z.string().nullish(),
    account_id: optionalText,
  })
  .transform((user) => ({
    id: user.id,
    email: user.email,
    firstName: user.first_name,
    lastName: user.last_name,
    // Zoom omits display_name for some users; fall back to what the Zoom client would show.
    displayName:
      user.display_name || `${user.first_name} ${user.last_name}`.trim() || user.email || user.id,
    picUrl: user.pic_url ? user.pic_url : null,
    type: user.type,
    status: user.status ?? null,
    accountId: user.account_id,
  }));

/** A Zoom user profile as Botdeck uses it. */
export type ZoomUser = z.output<typeof ZoomUserResponseSchema>;
