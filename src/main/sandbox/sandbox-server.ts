/**
 * The embedded Zoom sandbox: a Zoom-compatible HTTP server on 127.0.0.1 (S2S OAuth, users, ZAKs,
 * avatars) plus a meeting service that checks signature and ZAK at join, with the ZAK semantics of
 * docs/zoom.md, "Observed ZAK semantics". Plain Node: the app, tests and the CLI all start it
 * in-process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { APP_ORIGIN } from '../pages/app-origin';
import type { SandboxAccount } from './account-directory';
import { avatarRoutes } from './avatar-svg';
import { OriginAllowList } from './caller-check';
import { chatRoutes } from './chat-routes';
import { controlRoutes } from './control-routes';
import { faultRoutes } from './fault-routes';
import { meetingRoutes } from './meeting-routes';
import { oauthRoutes } from './oauth-routes';
import { PRO_LIMITS } from './rate-limiter';
import { dispatch } from './request-dispatch';
import { Router } from './router';
import { createSandboxContext, type SandboxContext } from './sandbox-context';
import { resolveLimits, type SandboxLimits } from './sandbox-limits';
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
  /**
   * Origins of Botdeck's own pages, whose requests (bot pages joining, following and leaving
   * meetings) the sandbox answers; a request from any other Origin is refused. Default: the
   * desktop app's `app://botdeck`. Requests with no Origin (scripts, curl) are always served.
   */
  allowedOrigins?: readonly string[];
  /** Caps on what the sandbox keeps (meetings, participants, tokens, faults…); see DEFAULT_SANDBOX_LIMITS. */
  limits?: Partial<SandboxLimits>;
}

/** A started sandbox. */
export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:43817` (no trailing slash). */
  url: string;
  /** The demo account, with secrets fresh on every start. */
  account: SandboxAccount;
  /** Replaces the allowed page origins (e.g. once the web host knows its own origin). */
  setAllowedOrigins(origins: readonly string[]): void;
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
  const limits = resolveLimits(options.limits);
  const origins = new OriginAllowList(
    options.allowedOrigins ?? [APP_ORIGIN],
    limits.allowedOrigins,
  );
  const ctx = createSandboxContext({
    origins,
    limits,
    lightLimitPerSecond: lightLimit,
    audit: options.audit ?? false,
    now: options.now ?? Date.now,
    baseUrl: () => url,
  });
  const router = new Router([
    ...oauthRoutes(ctx),
    ...userRoutes(ctx),
    ...meetingRoutes(ctx),
    ...chatRoutes(ctx),
    ...controlRoutes(ctx),
    ...faultRoutes(ctx),
    ...avatarRoutes(ctx),
  ]);
  let port = 0;
  const server = createServer((req, res) => {
    void dispatch({ router, port: () => port, origins }, req, res);
  });
  server.on('clientError', answerUnparsable);
  port = await listen(server, options.port ?? 0);
  url = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    account: { ...ctx.directory.account },
    setAllowedOrigins: (list) => origins.set(list),
    close: () => (closing ??= shutdown(server, ctx)),
  };
}

/**
 * A request Node could not parse (an unknown method, a malformed request line, oversized
 * headers) gets a JSON error like every other refusal, instead of Node's bare 400.
 */
function answerUnparsable(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  const body = JSON.stringify({
    code: status,
    message: `The sandbox could not read this HTTP request (${error.code ?? 'parse error'}).`,
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
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
