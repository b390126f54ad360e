/**
 * What every Botdeck window refuses: navigating away from app://, opening new windows,
 * attaching webviews, and permission requests other than the ones a bot needs.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './sender-registry';

export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links the operator clicks (e.g. Zoom docs) open in their browser, never inside Botdeck.
    if (isExternalHttps(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Bots may use media (the Meeting SDK asks even when muted); the dashboard may use nothing. */
export function guardPermissions(session: Session, allowMedia: boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(allowMedia && permission === 'media');
  });
  session.setPermissionCheckHandler(
    (_contents, permission) => allowMedia && permission === 'media',
  );
}

function isExternalHttps(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}
