/**
 * Reads Zoom's first answer to a join, the one thing that decides many outcomes the SDK never
 * reports.
 *
 * Client View 6.2.0 starts every join with an XHR `POST https://<webEndpoint>/api/v1/wc/info`
 * (zoomus-websdk.umd.min.js, `fetchWebSDKMeetingInfo` and `MT`). What it does with the answer
 * (`taskGetMeetingInfo`): most refusals reach the join's error callback, but the sign-in,
 * captcha, registration and "waiting" answers (3051, 3052, 3082, 3099, 3110, 3113, 3129, 3135,
 * 6024) open the SDK's own views and call nothing; a 5xx makes it retry through a JSONP script
 * that the bot page's policy blocks; and a refusal by CORS looks to it exactly like no network.
 *
 * So the bot page listens to that one request itself: a read-only tap on XMLHttpRequest that
 * notes the HTTP status of each answer to `/api/v1/wc/info` on a Zoom host and, when its body
 * is JSON, Zoom's `status` and `errorCode`. Nothing else of the answer is kept (it carries
 * tokens), and nothing about the request is changed.
 */
import { z } from 'zod';
import { isZoomHost } from './zoom-reachability';

/** Zoom's first answer as far as Botdeck needs it. */
export interface WcInfoAnswer {
  /** 0 when no HTTP answer could be read (network failure, or refused by CORS). */
  httpStatus: number;
  /** Zoom's own verdict in the body: true when it accepted the join request. */
  accepted: boolean | null;
  errorCode: number | null;
}

export interface ZoomFirstAnswers {
  /** Calls `listener` for every answer from now on; returns an unsubscribe function. */
  onAnswer(listener: (answer: WcInfoAnswer) => void): () => void;
  /** The latest answer seen on this page, if any. */
  latest(): WcInfoAnswer | null;
}

const WC_INFO_PATH = '/api/v1/wc/info';

const AnswerBodySchema = z.object({
  status: z.boolean().optional(),
  errorCode: z.union([z.number(), z.string().regex(/^-?\d+$/)]).optional(),
});

export function isWcInfoUrl(raw: string, base?: string): boolean {
  try {
    const url = new URL(raw, base);
    return url.protocol === 'https:' && isZoomHost(url.hostname) && url.pathname === WC_INFO_PATH;
  } catch {
    return false;
  }
}

/** Reads the answer of a finished request: its status, and the verdict in a JSON body. */
export function readWcInfoAnswer(xhr: XMLHttpRequest): WcInfoAnswer {
  const httpStatus = xhr.status;
  const body = httpStatus === 0 ? null : readBody(xhr);
  const parsed = AnswerBodySchema.safeParse(body);
  if (!parsed.success) return { httpStatus, accepted: null, errorCode: null };
  const { status, errorCode } = parsed.data;
  return {
    httpStatus,
    accepted: status ?? null,
    errorCode: errorCode === undefined ? null : Number(errorCode),
  };
}

function readBody(xhr: XMLHttpRequest): unknown {
  try {
    if (xhr.responseType === 'json') return xhr.response;
    if (xhr.responseType !== '' && xhr.responseType !== 'text') return null;
    return JSON.parse(xhr.responseText);
  } catch {
    return null;
  }
}

/**
 * Installs the tap on this page's XMLHttpRequest (once per prototype) and returns what it hears.
 * Call it before the SDK sends its join request; earlier answers are not seen.
 */
export function tapZoomFirstAnswers(
  proto: XMLHttpRequest = XMLHttpRequest.prototype,
  base: string = location.href,
): ZoomFirstAnswers {
  const listeners = new Set<(answer: WcInfoAnswer) => void>();
  let latest: WcInfoAnswer | null = null;
  const urls = new WeakMap<XMLHttpRequest, string>();
  // The originals, called below with the request as `this`.
  const open = proto.open;
  const send = proto.send;
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    const url = args[1];
    urls.set(this, url instanceof URL ? url.href : String(url));
    return (open as (...all: unknown[]) => void).apply(this, args);
  };
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const url = urls.get(this);
    if (url !== undefined && isWcInfoUrl(url, base)) {
      this.addEventListener('loadend', () => {
        latest = readWcInfoAnswer(this);
        for (const listener of [...listeners]) listener(latest);
      });
    }
    return send.call(this, body);
  };
  return {
    onAnswer(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    latest: () => latest,
  };
}
