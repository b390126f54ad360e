/**
 * Small node:http helpers shared by every sandbox route: bounded body reading, JSON replies,
 * CORS preflights, and zod validation with messages a developer can act on.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** Largest request body the sandbox accepts (Zoom's own payloads are far smaller). */
export const MAX_BODY_BYTES = 64 * 1024;
// Past this we stop draining and cut the socket, so a hostile client cannot stream forever.
const MAX_DRAIN_BYTES = 4 * 1024 * 1024;

/**
 * A failure whose reply body is already in the right Zoom shape for its route.
 * Thrown from handlers; the server turns it into the response.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/**
 * A request problem (bad JSON, too large, failed validation) whose body shape depends on the
 * route family (OAuth, REST or meeting service); the server renders it with that family's shape.
 */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the whole body, at most MAX_BODY_BYTES; larger bodies are drained and rejected with 413. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_DRAIN_BYTES) {
      req.destroy();
      reject(new RequestError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      // Drained rather than cut off, so the client reads our 413 instead of a reset socket.
      if (size > MAX_BODY_BYTES) {
        reject(new RequestError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`));
      } else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    // A body cut off mid-way (client gone, or destroyed above) never ends: settle anyway.
    req.on('close', () => reject(new RequestError(400, 'Request body was cut off.')));
  });
}

/** Parses a JSON body; an empty body reads as `{}` so optional-only payloads may be omitted. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new RequestError(400, `Request body is not valid JSON (${detail}).`);
  }
}

/** Parses an `application/x-www-form-urlencoded` body (other content types read as empty). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = (await readBody(req)).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  return type.toLowerCase().startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(body)
    : new URLSearchParams();
}

/** Validates `value` with `schema`, or throws a 400 RequestError naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
    return `${where}: ${issue.message}`;
  });
  throw new RequestError(400, `Invalid request. ${problems.join('; ')}`);
}

/** Sends a JSON reply. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/** Sends a reply without a body (204 and friends). */
export function sendEmpty(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, headers);
  res.end();
}

/**
 * Lets a no-cors `<img>` on a cross-origin-isolated page (COEP `require-corp`: the bot page, the
 * dashboard) show an avatar. Only avatars carry it: everything else is read with CORS or not at all.
 */
export const EMBEDDABLE_HEADERS: Readonly<OutgoingHttpHeaders> = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/**
 * Answers the CORS preflight of one of Botdeck's own pages for a route meant for pages: that
 * exact origin, that one method, and only the Content-Type header the join sends.
 */
export function sendPreflight(res: ServerResponse, origin: string, method: string): void {
  sendEmpty(res, 204, {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': method,
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  });
}
