/**
 * A minimal method + path router. Error shapes follow the path family (see `familyOf`),
 * because Zoom's OAuth, Zoom's REST API and the meeting service each answer failures in their
 * own shape, even for requests that match no route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestError } from './http-kit';

/** Route families differ in error body shape. */
export type RouteFamily = 'oauth' | 'rest' | 'sandbox' | 'public';

/** The family a path belongs to, by prefix. */
export function familyOf(pathname: string): RouteFamily {
  if (pathname.startsWith('/oauth/')) return 'oauth';
  if (pathname.startsWith('/v2/')) return 'rest';
  if (pathname.startsWith('/sandbox/')) return 'sandbox';
  return 'public';
}

/** What a handler receives. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Decoded `:name` path segments. */
  params: Record<string, string>;
}

/** One route. A handler either replies itself or throws HttpError / RequestError. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** e.g. `/v2/users/:userId/token`; `:name` matches one non-empty segment. */
  path: string;
  /**
   * Botdeck's own bot pages (allowed origins) may call it: joining, following, chatting in,
   * renaming oneself in and leaving a meeting, and avatars. Every other route answers scripts only (requests with no Origin).
   */
  forPages?: boolean;
  handler(ctx: RouteContext): Promise<void> | void;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

/** The outcome of matching a request line. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong_method'; allowed: string[] }
  | { kind: 'none' };

/** Compiles routes once and matches request lines against them. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(segment.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { route, regex: new RegExp(`^${source}$`), names };
    });
  }

  match(method: string, pathname: string): RouteMatch {
    const allowed: string[] = [];
    for (const { route, regex, names } of this.compiled) {
      const found = regex.exec(pathname);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = decodeSegment(found[i + 1] ?? '');
      });
      return { kind: 'found', route, params };
    }
    return allowed.length > 0 ? { kind: 'wrong_method', allowed } : { kind: 'none' };
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RequestError(400, `Malformed URL path segment: ${segment}`);
  }
}
