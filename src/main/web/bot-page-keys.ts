/**
 * How the web host's server knows which meeting client a bot page runs, so it can send that
 * page (and its worker scripts) the matching Content-Security-Policy. The fleet tells the
 * window host when it opens the page; the window host issues a random key for it and puts the
 * key in an HttpOnly cookie of that bot's browser context only. Every request of the page and
 * its workers carries it; the page can neither read it nor name another bot's. A request with
 * no key, or one the host did not issue, gets the bot policy that reaches nothing outside.
 */
import { randomBytes } from 'node:crypto';
import type { MeetingSdkKind } from '../../shared/ipc-contract';
import { readCookie } from './web-session';

export const BOT_PAGE_COOKIE = 'botdeck_bot';

export interface BotPageKeys {
  /** A fresh key for one bot page that runs the `sdk` meeting client. */
  issue(sdk: MeetingSdkKind): string;
  /** Forgets a key (the page closed). */
  revoke(key: string): void;
  /** The meeting client of the page whose request carries this Cookie header, if issued. */
  sdkOf(cookieHeader: string | undefined): MeetingSdkKind | null;
}

export function createBotPageKeys(): BotPageKeys {
  const keys = new Map<string, MeetingSdkKind>();
  return {
    issue(sdk) {
      const key = randomBytes(32).toString('base64url');
      keys.set(key, sdk);
      return key;
    },
    revoke(key) {
      keys.delete(key);
    },
    sdkOf(cookieHeader) {
      const key = readCookie(cookieHeader, BOT_PAGE_COOKIE);
      return key === null ? null : (keys.get(key) ?? null);
    },
  };
}
