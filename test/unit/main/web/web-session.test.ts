import { describe, expect, it } from 'vitest';
import { SESSION_MAX_AGE_MS, createWebSession } from '../../../../src/main/web/web-session';

const HOUR = 60 * 60 * 1000;

/** The `name=value` part a browser sends back. */
const sent = (setCookie: string): string => setCookie.split(';')[0] ?? '';

describe('web host session', () => {
  it('redeems the printed token exactly once', () => {
    const session = createWebSession();
    expect(session.redeem('wrong')).toBe(false);
    expect(session.redeem(session.launchToken)).toBe(true);
    expect(session.redeem(session.launchToken)).toBe(false);
  });

  it('recognises its own HttpOnly cookie and nothing else', () => {
    const session = createWebSession();
    const setCookie = session.issueCookie();
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(session.hasSession(`theme=dark; ${sent(setCookie)}`)).toBe(true);
    expect(session.hasSession(undefined)).toBe(false);
    expect(session.hasSession('botdeck_session=guess')).toBe(false);
  });

  it('ends with the host: a cookie of an earlier host is refused by the next', () => {
    const earlier = createWebSession();
    const cookie = sent(earlier.issueCookie());
    const next = createWebSession();
    next.issueCookie();
    expect(next.hasSession(cookie)).toBe(false);
  });

  it('lasts a working day unless the dashboard is opened again, which renews it', () => {
    let now = 0;
    const session = createWebSession({ now: () => now });
    const setCookie = session.issueCookie();
    expect(setCookie).toContain(`Max-Age=${SESSION_MAX_AGE_MS / 1000}`);
    expect(SESSION_MAX_AGE_MS).toBe(12 * HOUR);
    const cookie = sent(setCookie);
    now = 11 * HOUR;
    expect(session.hasSession(cookie)).toBe(true);
    expect(sent(session.issueCookie())).toBe(cookie);
    now = 22 * HOUR;
    expect(session.hasSession(cookie)).toBe(true);
    now = 23 * HOUR;
    expect(session.hasSession(cookie)).toBe(false);
  });

  it('grants nothing before the token is redeemed', () => {
    const session = createWebSession();
    expect(session.hasSession('botdeck_session=')).toBe(false);
  });
});
