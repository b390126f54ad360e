/**
 * The web host's HTTP side on 127.0.0.1: serves the built pages with the same headers as the
 * Electron protocol, hands the session cookie to whoever opens the printed URL, and accepts
 * the dashboard's WebSocket only with that cookie, from its own origin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { IPC_EVENTS, type BotNotification } from '../../shared/ipc-contract';
import { parseRequestPath } from '../http/request-path';
import { DASHBOARD_URL_PATH } from '../pages/app-origin';
import { pageHeaders, pageKindOf, resolveRendererFile } from '../pages/page-policy';
import type { Logger } from '../log/logger';
import type { BotPageKeys } from './bot-page-keys';
import { broadcastEvent, serveDashboardSockets, type DashboardEndpoint } from './dashboard-socket';
import { createWebSession } from './web-session';

export interface WebServerOptions {
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** The clock sessions expire by; tests pass their own. */
  now?: () => number;
  port?: number;
  logger: Logger;
  /**
   * The embedded sandbox's origin (started before pages are served), for the pages' policies.
   * None (a server that only shows the built pages, e.g. to a diagnostic): no page may reach it.
   */
  sandboxOrigin?: string | null;
  /** Stored accounts' Zoom API when it is not zoom.us (`--zoom-base-url`): their avatars. */
  zoomApiOrigin?: string | null;
  /**
   * The keys the bot windows put in each bot context, naming its meeting client. None: every
   * bot page gets the policy that reaches nothing outside.
   */
  botPages?: BotPageKeys;
}

export interface RunningWebServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The one-time URL for the operator. */
  launchUrl: string;
  /** Starts answering dashboard sockets; before this they are refused. */
  attach(endpoint: DashboardEndpoint): void;
  /** Shows a notification in every open dashboard (with the browser's, where allowed). */
  notifyDashboards(notification: BotNotification): void;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 1024 * 1024;

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const session = createWebSession({ now: options.now });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let stopEvents: (() => void) | null = null;
  let origin = '';

  const server = createServer((request, response) => {
    void serveHttp(request, response).catch((error: unknown) => {
      options.logger.error('Web host request failed', { error: String(error) });
      if (!response.headersSent) sendText(response, 500, 'Botdeck could not serve this page.');
    });
  });

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isOwnHost(request, origin)) return sendText(response, 421, 'Wrong host.');
    const url = parseRequestPath(request.url, origin);
    if (!url) return sendText(response, 404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed.');
    }
    if (url.pathname === '/') {
      const token = url.searchParams.get('token');
      if (token !== null && session.redeem(token)) {
        response.writeHead(302, {
          'Set-Cookie': session.issueCookie(),
          Location: DASHBOARD_URL_PATH,
        });
        return void response.end();
      }
      if (session.hasSession(request.headers.cookie)) {
        response.writeHead(302, { Location: DASHBOARD_URL_PATH });
        return void response.end();
      }
      return sendText(response, 403, LINK_USED);
    }
    const isDashboard = url.pathname === DASHBOARD_URL_PATH;
    if (isDashboard && !session.hasSession(request.headers.cookie)) {
      return sendText(response, 403, LINK_USED);
    }
    const file = resolveRendererFile(options.rendererDir, url.pathname);
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return sendText(response, 404, 'Not found.');
    const botSdk =
      pageKindOf(url.pathname) === 'bot'
        ? (options.botPages?.sdkOf(request.headers.cookie) ?? null)
        : null;
    const context = {
      sandboxOrigin: options.sandboxOrigin ?? null,
      zoomApiOrigin: options.zoomApiOrigin,
      botSdk,
    };
    const headers = pageHeaders(url.pathname, file, context);
    // Opening the dashboard renews the session (see SESSION_MAX_AGE_MS).
    if (isDashboard) headers['Set-Cookie'] = session.issueCookie();
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node leaves an upgrading socket without an 'error' listener: a client that resets it
    // while we answer would otherwise throw ECONNRESET out of the process.
    socket.on('error', () => socket.destroy());
    const allowed =
      parseRequestPath(request.url, origin)?.pathname === '/ipc' &&
      stopEvents !== null &&
      isOwnHost(request, origin) &&
      request.headers.origin === origin &&
      session.hasSession(request.headers.cookie);
    if (!allowed) {
      options.logger.warn('Refused a dashboard socket', { origin: request.headers.origin ?? null });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    launchUrl: `${origin}/?token=${session.launchToken}`,
    attach(endpoint) {
      stopEvents?.();
      stopEvents = serveDashboardSockets(sockets, endpoint, options.logger);
    },
    notifyDashboards(notification) {
      const { channel } = IPC_EVENTS.onNotification;
      broadcastEvent(sockets, { type: 'event', channel, payload: notification });
    },
    async close() {
      stopEvents?.();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const LINK_USED =
  'This Botdeck link has already been used or is wrong, or its session ended (12 hours without ' +
  'opening the dashboard). Open the URL that `npm run web` printed, in one browser; restart ' +
  '`npm run web` for a new one.';

/** Refuses other Host names, so a rebinding DNS name cannot reach the host from a web page. */
function isOwnHost(request: IncomingMessage, origin: string): boolean {
  return request.headers.host === new URL(origin).host;
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
