/**
 * What every sandbox request goes through: the caller check (Host, Origin), CORS for Botdeck's
 * own pages, route matching, and the one place failures become JSON replies in the shape the
 * route family's clients parse.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRequestPath } from '../http/request-path';
import { checkCaller, notForPages, type OriginAllowList } from './caller-check';
import { HttpError, RequestError, sendJson, sendPreflight } from './http-kit';
import { familyOf, type RouteFamily, type Router } from './router';

/** What dispatch needs from the running server. */
export interface DispatchContext {
  router: Router;
  /** The port the server listens on (for the Host check). */
  port(): number;
  origins: OriginAllowList;
}

/** Answers one request; never throws. */
export async function dispatch(
  ctx: DispatchContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  let family: RouteFamily = 'public';
  try {
    const url = parseRequestPath(req.url, 'http://127.0.0.1');
    if (!url) throw new RequestError(400, `Not a request path: ${String(req.url).slice(0, 200)}`);
    family = familyOf(url.pathname);
    // Answers differ by Origin (refused, or CORS for that page), so caches must key on it.
    res.setHeader('Vary', 'Origin');
    const caller = checkCaller(req, ctx.port(), ctx.origins);
    if ('refusal' in caller) throw new RequestError(caller.refusal.status, caller.refusal.message);
    const { pageOrigin } = caller;
    if (pageOrigin !== null && method === 'OPTIONS') {
      return preflight(ctx.router, req, res, pageOrigin, url.pathname);
    }
    const match = ctx.router.match(method, url.pathname);
    if (match.kind === 'none') {
      throw new RequestError(404, `No such endpoint: ${method} ${url.pathname}`);
    }
    if (match.kind === 'wrong_method') {
      res.setHeader('Allow', match.allowed.join(', '));
      throw new RequestError(405, `${method} is not allowed on ${url.pathname}`);
    }
    if (pageOrigin !== null) {
      if (!match.route.forPages) {
        const refusal = notForPages(method, url.pathname);
        throw new RequestError(refusal.status, refusal.message);
      }
      res.setHeader('Access-Control-Allow-Origin', pageOrigin);
    }
    await match.route.handler({ req, res, url, params: match.params });
  } catch (error) {
    replyWithError(res, family, error);
  }
}

/** A preflight from an allowed page: answered only for the method of a route meant for pages. */
function preflight(
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  pathname: string,
): void {
  const wanted = String(req.headers['access-control-request-method'] ?? '');
  const match = router.match(wanted, pathname);
  if (match.kind === 'none') throw new RequestError(404, `No such endpoint: ${pathname}`);
  if (match.kind === 'wrong_method') {
    res.setHeader('Allow', match.allowed.join(', '));
    throw new RequestError(405, `${wanted.slice(0, 16)} is not allowed on ${pathname}`);
  }
  if (!match.route.forPages) {
    const refusal = notForPages(wanted, pathname);
    throw new RequestError(refusal.status, refusal.message);
  }
  sendPreflight(res, origin, match.route.method);
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
