/**
 * The desktop app's other way to serve bot pages: from `http://127.0.0.1:PORT` instead of
 * `app://botdeck`, for when Zoom refuses the custom scheme as the origin of its join request
 * (settings.json `botPageOrigin: "loopback"`). The same responder answers, so the files, the
 * isolation headers and the CSP are exactly app://'s. Only this machine can reach it, and only
 * under its own Host name (no DNS rebinding); it serves GET and HEAD of the built pages.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Logger } from '../log/logger';
import { APP_ORIGIN } from './app-origin';
import type { PageSource } from './dev-server-pages';
import type { PageContext } from './page-policy';
import { createPageResponder } from './page-responder';

/** The header the desktop app adds to each bot partition's requests, naming the partition. */
export const BOT_PARTITION_HEADER = 'x-botdeck-partition';

export interface LoopbackPageServerOptions {
  source: PageSource;
  /** What the page asking may reach, from its request (the shell marks each bot's requests). */
  contextOf(request: IncomingMessage): PageContext;
  logger: Logger;
}

export interface LoopbackPageServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

export async function startLoopbackPageServer(
  options: LoopbackPageServerOptions,
): Promise<LoopbackPageServer> {
  let host = '';
  const server = createServer((request, response) => {
    void answer(request, response).catch((error: unknown) => {
      options.logger.error('The loopback page server failed a request', { error });
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== host) {
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Wrong host.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(request.url ?? '/', `http://${host}`);
    const respond = createPageResponder(options.source, {
      context: () => options.contextOf(request),
    });
    const page = await respond(
      new Request(`${APP_ORIGIN}${path.pathname}${path.search}`, { method: request.method }),
    );
    response.writeHead(page.status, Object.fromEntries(page.headers));
    if (request.method === 'HEAD' || !page.body) {
      response.end();
      return;
    }
    Readable.fromWeb(page.body as import('node:stream/web').ReadableStream).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin: `http://${host}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
