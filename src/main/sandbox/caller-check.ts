/**
 * Who may talk to the sandbox. It runs inside Botdeck's main process on a loopback port that any
 * web page the operator opens could find, so before any route runs:
 *
 * - the Host header must name the sandbox's own loopback address, or a DNS-rebinding page
 *   (evil.example resolving to 127.0.0.1) would be "same origin" with it;
 * - a request carrying an `Origin` (which every browser adds to cross-origin fetches, to every
 *   POST, form posts included, and to EventSource) must come from one of Botdeck's own pages,
 *   and even those reach only the few routes a bot page needs (join, presence, chat, rename,
 *   leave, avatars);
 * - a request with no `Origin` is a script, curl or Node (or a plain `<img>` load), and is
 *   served as the README documents.
 */
import type { IncomingMessage } from 'node:http';

/** A refused caller: the status and words the server answers with, before any route runs. */
export interface Refusal {
  status: number;
  message: string;
}

/** Loopback names a client on this machine may use for the sandbox. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * `scheme://host[:port]` as browsers serialize it in the `Origin` header (lower case, default
 * port dropped). Throws a RangeError for anything that is not a bare origin.
 */
export function normalizeOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`Not an origin: ${JSON.stringify(text.slice(0, 200))}`);
  }
  const bare =
    url.host !== '' &&
    url.username === '' &&
    url.password === '' &&
    (url.pathname === '' || url.pathname === '/') &&
    url.search === '' &&
    url.hash === '';
  if (!bare)
    throw new RangeError(`Not a bare origin (scheme://host[:port]): ${text.slice(0, 200)}`);
  // URL.origin is "null" for custom schemes such as app://, so build it from the parts.
  return `${url.protocol}//${url.host}`;
}

/**
 * The origins whose pages may call the sandbox: the ones the host set (replaceable while it
 * runs) and at most `maxAdded` more that scripts registered. Past that, registering one
 * forgets the oldest registered (a web host restarted many times against one sandbox registers
 * a new port each time, and the old ones are dead); the host's own are never forgotten.
 */
export class OriginAllowList {
  private pinned = new Set<string>();
  private readonly added = new Set<string>();

  constructor(
    initial: readonly string[],
    private readonly maxAdded = Number.POSITIVE_INFINITY,
  ) {
    this.set(initial);
  }

  /** Replaces the host's own origins; every entry must be a bare origin. */
  set(origins: readonly string[]): void {
    this.pinned = new Set(origins.map(normalizeOrigin));
  }

  /** Registers one more origin (a script's request); returns it normalized. */
  add(origin: string): string {
    const normalized = normalizeOrigin(origin);
    if (this.pinned.has(normalized)) return normalized;
    // Re-adding moves it to the newest end, so the one forgotten is the longest unregistered.
    this.added.delete(normalized);
    const oldest = this.added.values().next();
    if (this.added.size >= this.maxAdded && !oldest.done) this.added.delete(oldest.value);
    this.added.add(normalized);
    return normalized;
  }

  has(origin: string): boolean {
    return this.pinned.has(origin) || this.added.has(origin);
  }

  list(): string[] {
    return [...this.pinned, ...this.added];
  }
}

/** The request's Host is the sandbox itself on a loopback name (any case, this port). */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  return LOOPBACK_HOSTS.some((name) => lower === `${name}:${port}`);
}

/**
 * Decides whether a caller may go on, before any route runs: null to go on (with the page
 * origin to answer CORS for, when there is one), or the refusal.
 */
export function checkCaller(
  req: IncomingMessage,
  port: number,
  origins: OriginAllowList,
): { refusal: Refusal } | { pageOrigin: string | null } {
  if (!isOwnHost(req.headers.host, port)) {
    return {
      refusal: {
        status: 421,
        message: `The sandbox answers only as 127.0.0.1:${port}, localhost:${port} or [::1]:${port}.`,
      },
    };
  }
  const origin = req.headers.origin;
  if (origin === undefined) return { pageOrigin: null };
  if (!origins.has(origin)) {
    return {
      refusal: {
        status: 403,
        message: `Pages from ${origin.slice(0, 200)} may not call the Botdeck sandbox.`,
      },
    };
  }
  return { pageOrigin: origin };
}

/** The refusal for one of Botdeck's own pages calling a route that is not for pages. */
export const notForPages = (method: string, pathname: string): Refusal => ({
  status: 403,
  message: `${method} ${pathname.slice(0, 200)} is for scripts, not pages; bot pages may only join, follow, chat in, rename themselves in and leave meetings.`,
});
