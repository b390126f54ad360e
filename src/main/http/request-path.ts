/**
 * Reading an HTTP request target safely, for both loopback servers (the sandbox and the web
 * host). `new URL(req.url, base)` is not safe: a target of `//x` is read as a host and `//`
 * alone does not parse at all, which threw out of request handlers (a 500, and in the web
 * host's upgrade handler an uncaught exception that stopped the process).
 */

/** The target as a URL on `origin` when it is a path (`/…`), else null. */
export function parseRequestPath(target: string | undefined, origin: string): URL | null {
  const path = target ?? '/';
  if (!path.startsWith('/')) return null;
  try {
    return new URL(`${origin}${path}`);
  } catch {
    return null;
  }
}
