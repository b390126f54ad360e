/**
 * What every Botdeck page is served with, in both hosts (the Electron app:// protocol and the
 * web host's HTTP server): which file a URL path may read, its content type, and its headers.
 * Pure functions so hostile paths can be tested without a server.
 */
import { extname, resolve, sep } from 'node:path';

export type PageKind = 'dashboard' | 'bot';

/** Loopback covers the embedded sandbox and the web host; zoom.us hosts real avatars. */
const LOOPBACK = 'http://127.0.0.1:*';
const ZOOM_HTTPS = 'https://*.zoom.us https://*.zoomgov.com';

const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: ${LOOPBACK} ${ZOOM_HTTPS}`,
  `connect-src 'self' ws://127.0.0.1:*`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The Meeting SDK (Client View), checked in Chromium against the real package, needs:
// - script-src 'wasm-unsafe-eval': it compiles its media wasm. No 'unsafe-eval': the one eval
//   it tries (protobuf.js probing for `require`) is inside a try/catch and works without it.
// - style-src 'unsafe-inline': it injects its UI styles at run time.
// - img-src/media-src 'self' blob: data:: its images, sounds and CSS sprites come from the
//   app's own copy (/zoom-sdk/); avatars come from Zoom's hosts.
// - connect-src https://zoom.us: its join request goes to the apex `zoom.us/api/v1/wc/info`,
//   which `*.zoom.us` does not cover; the meeting itself then runs over wss to `*.zoom.us`.
// - worker-src 'self' blob:: its media workers, from /zoom-sdk/ or built as blobs.
const BOT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${LOOPBACK} ${ZOOM_HTTPS}`,
  `connect-src 'self' ${LOOPBACK} https://zoom.us ${ZOOM_HTTPS} wss://*.zoom.us wss://*.zoomgov.com`,
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

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

export function contentSecurityPolicy(kind: PageKind): string {
  return kind === 'bot' ? BOT_CSP : DASHBOARD_CSP;
}

/**
 * Headers for a served file. Only bot pages are cross-origin isolated (COOP + COEP): the
 * Meeting SDK needs SharedArrayBuffer, while the dashboard must stay free to show avatars from
 * Zoom's CDN, which sends no Cross-Origin-Resource-Policy header. Every file of the bot page
 * carries COEP, not just its HTML: Chromium refuses to start a dedicated worker in an isolated
 * page unless the worker script's own response has COEP too, and the SDK's media workers are
 * such scripts. (On other files the two headers mean nothing, so they are harmless there.)
 */
export function pageHeaders(urlPath: string, file: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType(file),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  const kind = pageKindOf(urlPath);
  if (file.endsWith('.html')) headers['Content-Security-Policy'] = contentSecurityPolicy(kind);
  if (kind === 'bot') {
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
  }
  return headers;
}
