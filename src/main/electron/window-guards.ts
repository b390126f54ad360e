/**
 * What every Botdeck window refuses: navigating away from app://, new windows, webviews, and
 * every permission but the one its pages need (reaching the embedded sandbox on loopback).
 * Bot windows host Zoom's code, the least trusted in the app: they never open anything outside.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalLink } from '../pages/external-links';
import type { Logger } from '../log/logger';
import { APP_ORIGIN } from '../pages/app-origin';
import { isPageUrl } from './sender-registry';

export type WindowKind = 'dashboard' | 'bot';

/** `pageOrigin`: where the window's own pages live (app://botdeck, or bots' loopback origin). */
export function guardNavigation(
  contents: WebContents,
  kind: WindowKind,
  logger: Logger,
  pageOrigin: string = APP_ORIGIN,
): void {
  const refuse = (event: { preventDefault(): void }, url: string, how: string): void => {
    if (isPageUrl(url, pageOrigin)) return;
    event.preventDefault();
    logger.warn('Refused a navigation away from Botdeck', { kind, how, url: safeForLog(url) });
  };
  contents.on('will-navigate', (event, url) => refuse(event, url, 'navigate'));
  contents.on('will-redirect', (event, url) => refuse(event, url, 'redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (kind === 'dashboard' && isAllowedExternalLink(url)) openInBrowser(url);
    else logger.warn('Refused to open a window', { kind, url: safeForLog(url) });
    return { action: 'deny' };
  });
}

/**
 * The one place Botdeck opens a URL outside the app. The dashboard's links reach it only after
 * `isAllowedExternalLink` (https, exact Zoom documentation hosts); bot windows never reach it.
 */
function openInBrowser(url: string): void {
  void shell.openExternal(url);
}

/**
 * Chromium's Local Network Access asks before a page reaches a loopback address. Botdeck's own
 * pages must reach the embedded sandbox on 127.0.0.1 (bot pages join through it; the dashboard
 * shows its avatars): a silent denial would break every sandbox join. So exactly that is allowed,
 * to Botdeck's own pages only; LAN access (`local-network`), media (bots join without audio or video)
 * and everything else are denied.
 */
const LOOPBACK_PERMISSIONS: ReadonlySet<string> = new Set([
  'loopback-network',
  'local-network-access',
]);

export function isPermissionAllowed(
  permission: string,
  requestingUrlOrOrigin: string,
  pageOrigin: string = APP_ORIGIN,
): boolean {
  return LOOPBACK_PERMISSIONS.has(permission) && isPageUrl(requestingUrlOrOrigin, pageOrigin);
}

/** `pageOrigin`: the session's own pages (app://botdeck, or bots' loopback origin). */
export function guardPermissions(session: Session, pageOrigin: string = APP_ORIGIN): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, pageOrigin));
  });
  // The check handler gets an origin ("app://botdeck"), which isPageUrl reads as a URL.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, pageOrigin),
  );
}

/** Scheme, host and path only: a refused URL may carry tokens in its query. */
function safeForLog(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
}
