/**
 * `npm run dev`: pages come from electron-vite's dev server (hot reload) instead of the built
 * files, but still through app:// and still with Botdeck's page policy. Only what the dev server
 * itself needs is added to the CSP: a per-response nonce for the inline scripts and styles Vite
 * injects (it marks them with `html.cspNonce`, electron.vite.config.ts), and its hot-reload
 * WebSocket. Nothing here runs in
 * a packaged app: the shell only picks the dev server when the app is not packaged.
 */
import { APP_HOST } from './app-origin';

/** Where pages come from: the built renderer folder, or a dev server on this machine. */
export type PageSource = { kind: 'files'; dir: string } | { kind: 'dev-server'; origin: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server from `ELECTRON_RENDERER_URL`, when the app is not packaged and the URL is a
 * plain loopback origin; the built files otherwise (a stray variable never points a packaged
 * app's pages at another machine).
 */
export function pageSourceFrom(
  rendererUrl: string | undefined,
  isPackaged: boolean,
  rendererDir: string,
): PageSource {
  if (!isPackaged && rendererUrl) {
    try {
      const url = new URL(rendererUrl);
      if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.username === '') {
        return { kind: 'dev-server', origin: url.origin };
      }
    } catch {
      // Not a URL: fall through to the built pages.
    }
  }
  return { kind: 'files', dir: rendererDir };
}

/** The nonce placeholder Vite is configured with (electron.vite.config.ts, `npm run dev` only). */
export const DEV_NONCE_PLACEHOLDER = 'botdeck-dev-nonce';

/** Vite's `<meta property="csp-nonce" nonce="…">`, read from the page it serves. */
export function viteNonceOf(html: string): string | null {
  const match = /<meta\s+property="csp-nonce"\s+nonce="([A-Za-z0-9+/=_-]{8,128})"/i.exec(html);
  return match?.[1] ?? null;
}

/**
 * The production CSP plus the dev server's needs: its nonce on scripts and styles, its
 * hot-reload socket. Everything else (default-src, object-src, frame-ancestors…) is unchanged.
 */
export function devContentSecurityPolicy(
  csp: string,
  devOrigin: string,
  nonce: string | null,
): string {
  const socket = devOrigin.replace(/^http/, 'ws');
  const additions: Record<string, string[]> = {
    'script-src': nonce ? [`'nonce-${nonce}'`] : [],
    'style-src': nonce ? [`'nonce-${nonce}'`] : [],
    'connect-src': [socket],
  };
  return csp
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '')
    .map((directive) => {
      const name = directive.split(/\s+/, 1)[0] ?? '';
      const extra = additions[name] ?? [];
      return extra.length > 0 ? `${directive} ${extra.join(' ')}` : directive;
    })
    .join('; ');
}

/** Maps an app:// URL to the same path on the dev server; null for another host. */
export function devServerUrl(appUrl: URL, devOrigin: string): string | null {
  if (appUrl.host !== APP_HOST) return null;
  return `${devOrigin}${appUrl.pathname}${appUrl.search}`;
}
