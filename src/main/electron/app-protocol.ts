/**
 * The app:// scheme: pages are served from the built renderer with the same CSP and isolation
 * headers as the web host, never from file:// (which cannot send COOP/COEP for the Meeting SDK).
 */
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { pageHeaders, resolveRendererFile } from '../pages/page-policy';
import { APP_HOST, APP_SCHEME } from '../pages/app-origin';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/** Serves app:// on one session; every bot partition needs its own call. */
export function serveAppScheme(session: Session, rendererDir: string): void {
  if (session.protocol.isProtocolHandled(APP_SCHEME)) return;
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return new Response('Not found', { status: 404 });
    return new Response(body, { status: 200, headers: pageHeaders(url.pathname, file) });
  });
}
