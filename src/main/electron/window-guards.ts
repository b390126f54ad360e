/**
 * What every Botdeck window refuses: navigating away from app://, new windows, webviews, and
 * every permission but the one its pages need (reaching the embedded sandbox on loopback).
 * Bot windows host Zoom's code, the least trusted in the app: they never open anything outside.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalLink } from '../pages/external-links';
import type { Logger } from '../log/logger';
import { isAppUrl } from './sender-registry';

export type WindowKind = 'dashboard' | 'bot';

export function guardNavigation(contents: WebContents, kind: WindowKind, logger: Logger): void {
  const refuse = (event: { preventDefault(): void }, url: string, how: string): void => {
    if (isAppUrl(url)) return;
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
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/**
 * Chromium's Local Network Access asks before a page reaches a loopback address. Botdeck's own
 * pages must reach the embedded sandbox on 127.0.0.1 (bot pages join through it; the dashboard
 * shows its avatars): a silent denial would break every sandbox join. So exactly that is allowed,
 * to app:// pages only; LAN access (`local-network`), media (bots join without audio or video)
 * and everything else are denied.
 */
const LOOPBACK_PERMISSIONS: ReadonlySet<string> = new Set([
  'loopback-network',
  'local-network-access',
]);

export function isPermissionAllowed(permission: string, requestingUrlOrOrigin: string): boolean {
  return LOOPBACK_PERMISSIONS.has(permission) && isAppUrl(requestingUrlOrOrigin);
}

export function guardPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  // The check handler gets an origin ("app://botdeck"), which isAppUrl reads as a URL.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
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
