/**
 * A stand-in for Electron's Session and its per-session Protocol: what the shell registers on a
 * partition (the app:// handler, permission handlers) and what it wipes. Pages "fetch" through
 * the registered handler and "ask" for permissions through the registered handlers, so tests
 * see what Botdeck's own code answers.
 */
import type * as Electron from 'electron';

type ProtocolApi = Pick<Electron.Protocol, 'handle' | 'isProtocolHandled' | 'unhandle'>;
type SessionApi = Pick<
  Electron.Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'clearStorageData'
  | 'clearAuthCache'
>;
type RequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
type Permission = Parameters<NonNullable<CheckHandler>>[1];
type SchemeHandler = Parameters<Electron.Protocol['handle']>[1];
type HeadersListener = (
  details: Electron.OnBeforeSendHeadersListenerDetails,
  callback: (response: Electron.BeforeSendResponse) => void,
) => void;

export class StandInProtocol implements ProtocolApi {
  private readonly handlers = new Map<string, SchemeHandler>();

  handle(scheme: string, handler: SchemeHandler): void {
    // Electron refuses a second handler for a scheme on the same session.
    if (this.handlers.has(scheme)) throw new Error(`The scheme has been registered: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** A page of this session requests `url`; null when no handler serves its scheme. */
  async request(url: string, method = 'GET'): Promise<Response | null> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) return null;
    return handler(new Request(url, { method }) as unknown as GlobalRequest);
  }
}

/** The part of `session.webRequest` the shell uses: marking requests to some URLs. */
class StandInWebRequest implements Pick<Electron.WebRequest, 'onBeforeSendHeaders'> {
  readonly listeners: { patterns: string[]; listener: HeadersListener }[] = [];

  onBeforeSendHeaders(
    filterOrListener: Electron.WebRequestFilter | HeadersListener | null,
    maybeListener?: HeadersListener | null,
  ): void {
    const listener = typeof filterOrListener === 'function' ? filterOrListener : maybeListener;
    const patterns =
      typeof filterOrListener === 'function' || !filterOrListener
        ? ['<all_urls>']
        : filterOrListener.urls;
    if (listener) this.listeners.push({ patterns, listener });
  }

  /** The headers a request to `url` leaves with, after every matching listener. */
  async headersFor(url: string, headers: Record<string, string>): Promise<Record<string, string>> {
    let current = headers;
    for (const { patterns, listener } of this.listeners) {
      if (!patterns.some((pattern) => matches(pattern, url))) continue;
      current = await new Promise<Record<string, string>>((resolve) =>
        listener(
          {
            requestHeaders: current,
            url,
          } as unknown as Electron.OnBeforeSendHeadersListenerDetails,
          (response) => resolve((response.requestHeaders as Record<string, string>) ?? current),
        ),
      );
    }
    return current;
  }
}

/** Chromium's URL patterns, as far as the shell uses them: `<all_urls>` or a `*` suffix. */
function matches(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  return pattern.endsWith('*') ? url.startsWith(pattern.slice(0, -1)) : url === pattern;
}

export class StandInSession implements SessionApi {
  readonly protocol = new StandInProtocol();
  readonly webRequest = new StandInWebRequest();
  /** What pages left behind (local storage, cookies, IndexedDB), by key. */
  readonly storage = new Map<string, string>();
  wipes = 0;
  private requestHandler: RequestHandler = null;
  private checkHandler: CheckHandler = null;

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  async clearStorageData(): Promise<void> {
    this.storage.clear();
    this.wipes++;
  }

  async clearAuthCache(): Promise<void> {}

  /**
   * A page of this session loads `url`: through the scheme's handler when the shell registered
   * one, else over the network with the headers `webRequest` listeners set.
   */
  async load(url: string, method = 'GET'): Promise<Response | null> {
    const handled = await this.protocol.request(url, method);
    if (handled || !/^https?:/.test(url)) return handled;
    return fetch(url, { method, headers: await this.webRequest.headersFor(url, {}) });
  }

  /** A page asks for a permission (Chromium's prompt path). Electron grants when unhandled. */
  askPermission(permission: Permission, requestingUrl: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) =>
      handler(null as unknown as Electron.WebContents, permission, resolve, {
        isMainFrame: true,
        requestingUrl,
      }),
    );
  }

  /** A page checks a permission (navigator.permissions, media devices…). */
  checkPermission(permission: Permission, requestingOrigin: string): boolean {
    const handler = this.checkHandler;
    if (!handler) return true;
    return handler(null, permission, requestingOrigin, { isMainFrame: true });
  }
}
