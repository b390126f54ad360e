/**
 * Answers the desktop app's app:// requests: a built page file, or in `npm run dev` the same path
 * from the dev server, always with Botdeck's page policy (CSP, isolation headers) attached here,
 * so a dev build runs under the same rules as a packaged one. Free of Electron: the shell hands
 * it requests as standard `Request` objects and sends back the `Response`.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { APP_HOST } from './app-origin';
import {
  devContentSecurityPolicy,
  devServerUrl,
  viteNonceOf,
  type PageSource,
} from './dev-server-pages';
import { UNTIED_PAGE, pageHeaders, resolveRendererFile, type PageContext } from './page-policy';

export type PageResponder = (request: Request) => Promise<Response>;

export interface PageResponderOptions {
  fetch?: typeof fetch;
  /**
   * What the session asking knows (see `PageContext`): the sandbox's origin, and for a bot
   * partition the meeting client of the bot it holds right now. Asked on every request, since
   * a pooled partition serves one bot after another. Without it: the strictest policies.
   */
  context?: () => PageContext;
}

export function createPageResponder(
  source: PageSource,
  options: PageResponderOptions = {},
): PageResponder {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const context = options.context ?? (() => UNTIED_PAGE);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    return source.kind === 'files'
      ? fromFiles(source.dir, url.pathname, context())
      : fromDevServer(source.origin, url, fetchImpl, context());
  };
}

async function fromFiles(dir: string, path: string, context: PageContext): Promise<Response> {
  const file = resolveRendererFile(dir, path);
  const body = file ? await readFile(file).catch(() => null) : null;
  if (!file || !body) return notFound();
  return new Response(body, { status: 200, headers: pageHeaders(path, file, context) });
}

async function fromDevServer(
  origin: string,
  url: URL,
  fetchImpl: typeof fetch,
  context: PageContext,
): Promise<Response> {
  const target = devServerUrl(url, origin);
  if (target === null) return notFound();
  let upstream: Response;
  try {
    upstream = await fetchImpl(target, { redirect: 'manual' });
  } catch {
    return new Response(`The dev server at ${origin} did not answer; is \`npm run dev\` running?`, {
      status: 502,
    });
  }
  const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
  const isHtml = type.startsWith('text/html');
  // Vite answers module requests (.ts, .css?import…) as JavaScript: its type wins over the name.
  const headers: Record<string, string> = {
    ...pageHeaders(url.pathname, isHtml ? 'page.html' : url.pathname, context),
    'Content-Type': type,
  };
  if (!isHtml) {
    return new Response(await upstream.arrayBuffer(), { status: upstream.status, headers });
  }
  // Vite writes one fixed nonce placeholder into the page; each response gets a fresh nonce.
  let html = await upstream.text();
  const placeholder = viteNonceOf(html);
  const nonce = placeholder === null ? null : randomBytes(18).toString('base64url');
  if (placeholder !== null && nonce !== null) html = html.replaceAll(placeholder, nonce);
  const csp = headers['Content-Security-Policy'];
  if (csp) headers['Content-Security-Policy'] = devContentSecurityPolicy(csp, origin, nonce);
  return new Response(html, { status: upstream.status, headers });
}

const notFound = (): Response => new Response('Not found', { status: 404 });
