/**
 * Profile pictures for sandbox users: the user's initials on a colour derived from the id.
 * Served without a bearer, like Zoom's own picture CDN, and loadable from isolated bot pages.
 */
import { createHash } from 'node:crypto';
import type { SandboxUser } from './account-directory';
import { EMBEDDABLE_HEADERS, HttpError } from './http-kit';
import type { Route } from './router';
import type { SandboxContext } from './sandbox-context';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Up to two initials: first and last name, else the display name's words, else the email. */
export function initialsOf(
  user: Pick<SandboxUser, 'firstName' | 'lastName' | 'displayName' | 'email'>,
): string {
  const first = (word: string): string => Array.from(word.trim())[0] ?? '';
  const fromNames = first(user.firstName) + first(user.lastName);
  if (fromNames) return fromNames.toUpperCase();
  const words = user.displayName.trim().split(/\s+/).filter(Boolean);
  const fromDisplay = first(words[0] ?? '') + (words.length > 1 ? first(words.at(-1) ?? '') : '');
  return (fromDisplay || first(user.email) || '?').toUpperCase();
}

/** A stable, readable background colour for an id. */
export function colourOf(id: string): string {
  const digest = createHash('sha256').update(id).digest();
  const hue = digest.readUInt16BE(0) % 360;
  return `hsl(${hue}, 55%, 42%)`;
}

/** The SVG document for a user's avatar. */
export function renderAvatarSvg(user: SandboxUser): string {
  const initials = escapeXml(initialsOf(user));
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">',
    `<rect width="128" height="128" fill="${colourOf(user.id)}"/>`,
    '<text x="64" y="64" dy=".35em" text-anchor="middle" fill="#fff" ',
    `font-family="Helvetica, Arial, sans-serif" font-size="52" font-weight="600">${initials}</text>`,
    '</svg>',
  ].join('');
}

/** `GET /avatars/{userId}.svg`, no bearer needed. */
export function avatarRoutes(ctx: SandboxContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/avatars/:file',
      forPages: true,
      handler({ res, params }) {
        const match = /^(.+)\.svg$/.exec(params.file ?? '');
        const user = match?.[1] ? ctx.directory.getUser(match[1]) : undefined;
        if (!user) throw new HttpError(404, { code: 404, message: 'No such avatar.' });
        const svg = renderAvatarSvg(user);
        res.writeHead(200, {
          ...EMBEDDABLE_HEADERS,
          'Content-Type': 'image/svg+xml; charset=utf-8',
          'Content-Length': Buffer.byteLength(svg),
          'Cache-Control': 'public, max-age=86400',
          ETag: `"${createHash('sha256').update(svg).digest('base64url').slice(0, 16)}"`,
          // An SVG opened directly must not run script, whatever ends up in it.
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(svg);
      },
    },
  ];
}
