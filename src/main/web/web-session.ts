/**
 * Who may drive the web host: whoever opened the printed URL first. Its token is redeemed once
 * for an HttpOnly session cookie, so the token never stays in the address bar, in history or
 * in page script, and a copied link cannot be replayed.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

const COOKIE = 'botdeck_session';

export interface WebSession {
  /** The token to print in the launch URL. */
  readonly launchToken: string;
  /** True the first time the right token is presented; false afterwards or for any other. */
  redeem(token: string): boolean;
  /** The Set-Cookie value that grants the session. */
  readonly setCookie: string;
  /** Whether a request's Cookie header carries the session. */
  hasSession(cookieHeader: string | undefined): boolean;
}

export function createWebSession(): WebSession {
  const launchToken = randomBytes(24).toString('base64url');
  const sessionId = randomBytes(32).toString('base64url');
  let redeemed = false;
  return {
    launchToken,
    redeem(token) {
      if (redeemed || !sameSecret(token, launchToken)) return false;
      redeemed = true;
      return true;
    },
    setCookie: `${COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`,
    hasSession(cookieHeader) {
      const value = readCookie(cookieHeader, COOKIE);
      return value !== null && sameSecret(value, sessionId);
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
