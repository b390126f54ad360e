/**
 * The app:// scheme: every Botdeck page is served through it, never from file:// (which cannot
 * send the COOP/COEP headers the Meeting SDK needs) and never straight from a dev server's
 * http:// origin, so pages keep one origin and one policy in every build.
 */
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from '../pages/app-origin';
import type { PageSource } from '../pages/dev-server-pages';
import type { PageContext } from '../pages/page-policy';
import { createPageResponder } from '../pages/page-responder';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        // V8 code cache for app:// scripts: without it every bot window compiles the 5 MB
        // Meeting SDK bundle from scratch (Electron caches only http(s) by default).
        codeCache: true,
      },
    },
  ]);
}

/**
 * Serves app:// on one session. Handlers are per session, so the dashboard's partition and every
 * bot partition each need this call; a session that already serves it is left as it is.
 * `context` says, at each request, what the session's pages may reach (the sandbox's origin,
 * the meeting client of the bot the partition holds now).
 */
export function serveAppScheme(
  session: Session,
  source: PageSource,
  context: () => PageContext,
): void {
  if (session.protocol.isProtocolHandled(APP_SCHEME)) return;
  session.protocol.handle(APP_SCHEME, createPageResponder(source, { context }));
}
