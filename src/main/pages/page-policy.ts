/**
 * What every Botdeck page is served with, in both hosts (the Electron app:// protocol and the
 * web host's HTTP server): which file a URL path may read, its content type, and its headers.
 * Pure functions so hostile paths can be tested without a server.
 */
import { extname, resolve, sep } from 'node:path';
import type { MeetingSdkKind } from '../../shared/ipc-contract';

export type PageKind = 'dashboard' | 'bot';

/**
 * What the serving host knows when it answers a request, beyond the path: the origins pages
 * may load from, and for a bot page, which meeting client it runs (from the fleet, never from
 * the page; null when the request cannot be tied to a bot the host opened).
 */
export interface PageContext {
  /** The embedded sandbox (`http://127.0.0.1:PORT`), or null when none runs. */
  sandboxOrigin: string | null;
  /** Where stored accounts' Zoom API is when not zoom.us (a rehearsal sandbox): its avatars. */
  zoomApiOrigin?: string | null;
  /** The meeting client of the bot page asking; null for the dashboard or an unknown page. */
  botSdk: MeetingSdkKind | null;
}

/**
 * A host that says nothing gets the strictest policies: no sandbox, and bot pages that reach
 * nothing outside their own origin.
 */
export const UNTIED_PAGE: PageContext = { sandboxOrigin: null, botSdk: null };

/** Zoom's web hosts, where Zoom mode's avatars and meeting traffic live. */
const ZOOM_HTTPS = 'https://*.zoom.us https://*.zoomgov.com';

/**
 * An origin fit to put in a policy: parsed and re-serialised, so nothing else (a path, a `;`,
 * a space) can reach the header. Anything that is not an http(s) origin is dropped.
 */
function exactOrigin(raw: string | null | undefined): string {
  if (!raw) return '';
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : '';
  } catch {
    return '';
  }
}

const sources = (...parts: string[]): string => parts.filter(Boolean).join(' ');

const COMMON = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

// Avatars come from the sandbox (sandbox mode) or Zoom's hosts (Zoom mode), nowhere else.
function dashboardCsp(context: PageContext): string {
  const images = sources(
    exactOrigin(context.sandboxOrigin),
    exactOrigin(context.zoomApiOrigin),
    ZOOM_HTTPS,
  );
  return [
    ...COMMON,
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${images}`,
    `connect-src 'self' ws://127.0.0.1:*`,
  ].join('; ');
}

// The Meeting SDK (Client View), checked in Chromium against the real package, needs:
// - script-src 'wasm-unsafe-eval': it compiles its media wasm. No 'unsafe-eval': the one eval
//   it tries (protobuf.js probing for `require`) is inside a try/catch and works without it.
// - style-src 'unsafe-inline': it injects its UI styles at run time.
// - img-src/media-src 'self' blob: data:: its images, sounds and CSS sprites come from the
//   app's own copy (/zoom-sdk/); avatars come from Zoom's hosts.
// - connect-src https://zoom.us: its join request goes to the apex `zoom.us/api/v1/wc/info`,
//   which `*.zoom.us` does not cover; the meeting itself then runs over wss to `*.zoom.us`.
// - worker-src 'self' blob:: its media workers, from /zoom-sdk/ or built as blobs.
// A sandbox bot reaches the exact sandbox origin and nothing else outside; a bot page the host
// cannot tie to a bot it opened reaches nothing outside at all.
function botCsp(context: PageContext): string {
  const reach =
    context.botSdk === 'zoom'
      ? {
          images: ZOOM_HTTPS,
          connect: `https://zoom.us ${ZOOM_HTTPS} wss://*.zoom.us wss://*.zoomgov.com`,
        }
      : context.botSdk === 'sandbox'
        ? {
            images: exactOrigin(context.sandboxOrigin),
            connect: exactOrigin(context.sandboxOrigin),
          }
        : { images: '', connect: '' };
  return [
    ...COMMON,
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${sources("'self' data: blob:", reach.images)}`,
    `connect-src ${sources("'self'", reach.connect)}`,
    "worker-src 'self' blob:",
    "media-src 'self' blob:",
  ].join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  // The Meeting SDK's own assets (/zoom-sdk/): sounds and background images.
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.jpg': 'image/jpeg',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Maps a URL path to a file under `root`, or null when it would leave `root`, names a dot file,
 * or is not a plain path. Decoding happens once, before the containment check.
 */
export function resolveRendererFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((part) => part.startsWith('.'))) return null;
  const base = resolve(root);
  const file = resolve(base, `.${decoded}`);
  return file.startsWith(base + sep) ? file : null;
}

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Where the build puts the Meeting SDK's run-time assets (electron.vite.config.ts). */
export const ZOOM_SDK_URL_PREFIX = '/zoom-sdk/';

/**
 * Which page a path belongs to decides its policy; shared assets get the stricter one. The
 * Meeting SDK's assets belong to the bot page: only bot pages load them.
 */
export function pageKindOf(urlPath: string): PageKind {
  return urlPath.startsWith('/bot/') || urlPath.startsWith(ZOOM_SDK_URL_PREFIX)
    ? 'bot'
    : 'dashboard';
}

export function contentSecurityPolicy(kind: PageKind, context: PageContext): string {
  return kind === 'bot' ? botCsp(context) : dashboardCsp(context);
}

/**
 * Responses a policy applies to: documents, and scripts, since Chromium runs a dedicated
 * worker under its own script's policy (not its page's). On other scripts it means nothing.
 */
const POLICED = new Set(['.html', '.js', '.mjs']);

/**
 * Headers for a served file. Only bot pages that may run the Meeting SDK are cross-origin
 * isolated (COOP + COEP): the SDK needs SharedArrayBuffer, while the dashboard must stay free to
 * show avatars from Zoom's CDN, which sends no Cross-Origin-Resource-Policy header. Every file of
 * such a bot page carries COEP, not just its HTML: Chromium refuses to start a dedicated worker
 * in an isolated page unless the worker script's own response has COEP too, and the SDK's media
 * workers are such scripts. (On other files the two headers mean nothing, so they are harmless.)
 *
 * A sandbox bot's page runs no SDK and needs no isolation, and isolation is not free: a new
 * window's first document is an unisolated about:blank, so Chromium starts a renderer for it and
 * then, for the isolated page, another one, throwing the first away. That wasted renderer was
 * about a tenth of a launch's CPU (20 sandbox bots, web host, 2 cores). A page the host cannot
 * tie to a bot it opened stays isolated, like a Zoom bot's.
 */
export function pageHeaders(
  urlPath: string,
  file: string,
  context: PageContext = UNTIED_PAGE,
): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType(file),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  const kind = pageKindOf(urlPath);
  if (POLICED.has(extname(file).toLowerCase())) {
    headers['Content-Security-Policy'] = contentSecurityPolicy(kind, context);
  }
  if (kind === 'bot' && context.botSdk !== 'sandbox') {
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
  }
  return headers;
}
