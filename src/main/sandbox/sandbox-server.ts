/**
 * The embedded Zoom sandbox: a Zoom-compatible HTTP server on 127.0.0.1 (S2S OAuth, users, ZAKs,
 * avatars) plus a meeting service that checks signature and ZAK at join, with the ZAK semantics of
 * docs/zoom.md, "Observed ZAK semantics". Plain Node: the app, tests and the CLI all start it
 * in-process.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxAccount } from './account-directory';
import { avatarRoutes } from './avatar-svg';
import { controlRoutes } from './control-routes';
import { faultRoutes } from './fault-routes';
import { CROSS_ORIGIN_HEADERS, HttpError, RequestError, sendJson, sendPreflight } from './http-kit';
import { meetingRoutes } from './meeting-routes';
import { oauthRoutes } from './oauth-routes';
import { PRO_LIMITS } from './rate-limiter';
import { familyOf, Router, type RouteFamily } from './router';
import { createSandboxContext, type SandboxContext } from './sandbox-context';
import { userRoutes } from './user-routes';

export type { SandboxAccount } from './account-directory';

/** How to start a sandbox. */
export interface StartSandboxOptions {
  /** 0 / undefined = any free port; always binds 127.0.0.1. */
  port?: number;
  /** Per-account Light-category limit per second; default 30 (Zoom Pro). */
  lightLimitPerSecond?: number;
  /** Enables `GET /sandbox/audit` (every issued secret and join attempt); default false. */
  audit?: boolean;
  /** Epoch ms; default Date.now. `/sandbox/clock` adds its offset on top. */
  now?: () => number;
}

/** A started sandbox. */
export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:43817` (no trailing slash). */
  url: string;
  /** The demo account, with secrets fresh on every start. */
  account: SandboxAccount;
  /** Stops listening and closes every connection, event streams included. */
  close(): Promise<void>;
}

/** Starts a sandbox on 127.0.0.1 and resolves once it accepts connections. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const lightLimit = options.lightLimitPerSecond ?? PRO_LIMITS.Light;
  if (!Number.isInteger(lightLimit) || lightLimit < 1) {
    throw new RangeError('lightLimitPerSecond must be a positive integer');
  }
  let url = '';
  const ctx = createSandboxContext({
    lightLimitPerSecond: lightLimit,
    audit: options.audit ?? false,
    now: options.now ?? Date.now,
    baseUrl: () => url,
  });
  const router = new Router([
    ...oauthRoutes(ctx),
    ...userRoutes(ctx),
    ...meetingRoutes(ctx),
    ...controlRoutes(ctx),
    ...faultRoutes(ctx),
    ...avatarRoutes(ctx),
  ]);
  const server = createServer((req, res) => {
    void dispatch(router, req, res);
  });
  const port = await listen(server, options.port ?? 0);
  url = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    account: { ...ctx.directory.account },
    close: () => (closing ??= shutdown(server, ctx)),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function shutdown(server: Server, ctx: SandboxContext): Promise<void> {
  ctx.presence.closeAll();
  ctx.faults.dispose();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}

async function dispatch(router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  let family: RouteFamily = 'public';
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    family = familyOf(url.pathname);
    const crossOrigin = family === 'sandbox' || family === 'public';
    if (crossOrigin) {
      if (method === 'OPTIONS') return sendPreflight(req, res);
      for (const [name, value] of Object.entries(CROSS_ORIGIN_HEADERS)) {
        if (value !== undefined) res.setHeader(name, value);
      }
    }
    const match = router.match(method, url.pathname);
    if (match.kind === 'none') {
      throw new RequestError(404, `No such endpoint: ${method} ${url.pathname}`);
    }
    if (match.kind === 'wrong_method') {
      res.setHeader('Allow', match.allowed.join(', '));
      throw new RequestError(405, `${method} is not allowed on ${url.pathname}`);
    }
    if (match.route.private) {
      for (const name of Object.keys(CROSS_ORIGIN_HEADERS)) res.removeHeader(name);
    }
    await match.route.handler({ req, res, url, params: match.params });
  } catch (error) {
    replyWithError(res, family, error);
  }
}

function replyWithError(res: ServerResponse, family: RouteFamily, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendJson(res, error.status, error.body, error.headers);
    return;
  }
  if (error instanceof RequestError) {
    sendJson(res, error.status, errorBody(family, error.status, error.message));
    return;
  }
  console.error('[sandbox] unexpected error', error);
  sendJson(res, 500, errorBody(family, 500, 'Internal sandbox error.'));
}

/** A request-level failure in the shape each family's clients parse. */
function errorBody(family: RouteFamily, status: number, message: string): unknown {
  switch (family) {
    case 'oauth':
      return { reason: message, error: status >= 500 ? 'server_error' : 'invalid_request' };
    case 'rest':
      // Zoom reports request validation failures as code 300.
      return { code: status === 400 ? 300 : status, message };
    case 'sandbox':
      return { errorCode: 200, message };
    case 'public':
      return { code: status, message };
  }
}
