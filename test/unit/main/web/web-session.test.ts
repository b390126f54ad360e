import { describe, expect, it } from 'vitest';
import { createWebSession } from '../../../../src/main/web/web-session';

describe('web host session', () => {
  it('redeems the printed token exactly once', () => {
    const session = createWebSession();
    expect(session.redeem('wrong')).toBe(false);
    expect(session.redeem(session.launchToken)).toBe(true);
    expect(session.redeem(session.launchToken)).toBe(false);
  });

  it('recognises its own HttpOnly cookie and nothing else', () => {
    const session = createWebSession();
    const [cookie = ''] = session.setCookie.split(';');
    expect(session.setCookie).toContain('HttpOnly');
    expect(session.setCookie).toContain('SameSite=Strict');
    expect(session.hasSession(`theme=dark; ${cookie}`)).toBe(true);
    expect(session.hasSession(undefined)).toBe(false);
    expect(session.hasSession('botdeck_session=guess')).toBe(false);
    expect(session.hasSession(createWebSession().setCookie.split(';')[0])).toBe(false);
  });
});
