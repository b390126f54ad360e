/**
 * Who may drive the web host: whoever opened the printed URL first. Its token is redeemed once
 * for an HttpOnly session cookie, so the token never stays in the address bar, in history or
 * in page script, and a copied link cannot be replayed.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

const COOKIE = 'botdeck_session';

/**
 * How long a session lasts without the dashboard being opened: a working day. Long enough that
 * an operator who keeps the dashboard open is never sent for a new link mid-shift (each load of
 * the dashboard renews it), short enough that a browser profile left behind does not hold a
 * live session overnight. The session also ends with the web host: it lives only in this
 * process's memory, so a restarted host refuses every earlier cookie.
 */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export interface WebSessionOptions {
  now?: () => number;
  maxAgeMs?: number;
}

export interface WebSession {
  /** The token to print in the launch URL. */
  readonly launchToken: string;
  /** True the first time the right token is presented; false afterwards or for any other. */
  redeem(token: string): boolean;
  /** A Set-Cookie value that grants (or renews) the session for another `maxAgeMs`. */
  issueCookie(): string;
  /** Whether a request's Cookie header carries the session, and it has not expired. */
  hasSession(cookieHeader: string | undefined): boolean;
}

export function createWebSession(options: WebSessionOptions = {}): WebSession {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? SESSION_MAX_AGE_MS;
  const launchToken = randomBytes(24).toString('base64url');
  const sessionId = randomBytes(32).toString('base64url');
  let redeemed = false;
  let expiresAt = 0;
  return {
    launchToken,
    redeem(token) {
      if (redeemed || !sameSecret(token, launchToken)) return false;
      redeemed = true;
      return true;
    },
    issueCookie() {
      expiresAt = now() + maxAgeMs;
      const maxAge = Math.floor(maxAgeMs / 1000);
      return `${COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}`;
    },
    hasSession(cookieHeader) {
      const value = readCookie(cookieHeader, COOKIE);
      return value !== null && sameSecret(value, sessionId) && now() < expiresAt;
    },
  };
}

/** The value of cookie `name` in a Cookie header (the first, if it appears twice), or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
