import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { accessToken, advanceClock, call, mintZak, start } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await start();
  token = await accessToken(sandbox);
});
afterAll(() => sandbox.close());

interface Profile {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  display_name: string;
  pic_url: string;
  type: number;
  status: string;
  account_id: string;
}

describe('GET /v2/users/{userId}', () => {
  it('finds the demo user by me, by id and by email in any case', async () => {
    const { account } = sandbox;
    const refs = [
      'me',
      account.userId,
      account.email.toUpperCase(),
      encodeURIComponent(account.email),
    ];
    for (const ref of refs) {
      const { status, body } = await call<Profile>(sandbox, 'GET', `/v2/users/${ref}`, { token });
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: account.userId,
        email: account.email,
        display_name: account.displayName,
        pic_url: `${sandbox.url}/avatars/${account.userId}.svg`,
        type: 2,
        status: 'active',
        account_id: account.accountId,
      });
      expect(typeof body.first_name).toBe('string');
      expect(typeof body.last_name).toBe('string');
    }
  });

  it('uses 22-character Zoom-like user ids', () => {
    expect(sandbox.account.userId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('answers 401 code 124 without a token or with a bad one', async () => {
    for (const bad of [undefined, 'not-a-token']) {
      const { status, body } = await call(sandbox, 'GET', '/v2/users/me', { token: bad });
      expect(status).toBe(401);
      expect(body).toEqual({ code: 124, message: 'Invalid access token.' });
    }
  });

  it('answers 404 code 1001 for an unknown user', async () => {
    const { status, body } = await call(sandbox, 'GET', '/v2/users/nobody@example.com', { token });
    expect(status).toBe(404);
    expect(body).toEqual({ code: 1001, message: 'User does not exist: nobody@example.com.' });
  });

  it('carries rate-limit headers on success', async () => {
    const { headers } = await call(sandbox, 'GET', '/v2/users/me', { token });
    expect(headers.get('x-ratelimit-category')).toBe('Light');
    expect(Number(headers.get('x-ratelimit-limit'))).toBe(30);
    expect(Number(headers.get('x-ratelimit-remaining'))).toBeLessThan(30);
  });
});

describe('GET /v2/users/{userId}/token', () => {
  it('mints a distinct ZAK on every call, each listed in the audit', async () => {
    const zaks = [await mintZak(sandbox, token), await mintZak(sandbox, token)];
    expect(zaks[0]).not.toBe(zaks[1]);
    const audit = await call<{ zaks: { token: string; userId: string; ttl: number }[] }>(
      sandbox,
      'GET',
      '/sandbox/audit',
    );
    for (const zak of zaks) {
      expect(audit.body.zaks).toContainEqual(
        expect.objectContaining({ token: zak, userId: sandbox.account.userId, ttl: 7200 }),
      );
    }
  });

  it('records a custom ttl', async () => {
    const zak = await mintZak(sandbox, token, { ttl: 31_536_000 });
    const audit = await call<{ zaks: { token: string; ttl: number }[] }>(
      sandbox,
      'GET',
      '/sandbox/audit',
    );
    expect(audit.body.zaks.find((z) => z.token === zak)?.ttl).toBe(31_536_000);
  });

  it('rejects a bad type or ttl with 400 code 300', async () => {
    const base = `/v2/users/${sandbox.account.userId}/token`;
    for (const query of [
      '?type=onbehalf',
      '?type=zak&ttl=0',
      '?type=zak&ttl=31536001',
      '?type=zak&ttl=abc',
      '?type=zak&ttl=1.5',
    ]) {
      const { status, body } = await call<{ code: number; message: string }>(
        sandbox,
        'GET',
        `${base}${query}`,
        { token },
      );
      expect(status, query).toBe(400);
      expect(body.code).toBe(300);
      expect(body.message.length).toBeGreaterThan(0);
    }
  });

  it('needs a live token and a known user', async () => {
    expect((await call(sandbox, 'GET', '/v2/users/me/token?type=zak')).status).toBe(401);
    const missing = await call(sandbox, 'GET', '/v2/users/ghost/token?type=zak', { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 1001 });
  });
});

describe('POST /v2/users', () => {
  it('creates a user (201) and refuses a duplicate email (409 code 1005)', async () => {
    const userInfo = {
      email: 'Second.Bot@Example.com',
      type: 1,
      first_name: 'Second',
      last_name: 'Bot',
    };
    const created = await call<{ id: string; email: string; type: number }>(
      sandbox,
      'POST',
      '/v2/users',
      {
        token,
        body: { action: 'custCreate', user_info: userInfo },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: userInfo.email,
      first_name: 'Second',
      last_name: 'Bot',
      type: 1,
    });
    expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const profile = await call<{ pic_url: string }>(
      sandbox,
      'GET',
      `/v2/users/${created.body.id}`,
      { token },
    );
    expect(profile.status).toBe(200);
    expect(profile.body.pic_url).toBe(`${sandbox.url}/avatars/${created.body.id}.svg`);

    const duplicate = await call(sandbox, 'POST', '/v2/users', {
      token,
      body: { action: 'create', user_info: { ...userInfo, email: 'second.bot@example.com' } },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({
      code: 1005,
      message: 'User already in the account: second.bot@example.com',
    });
  });

  it('rejects a bad body with 400 code 300', async () => {
    for (const body of [
      {},
      { action: 'create', user_info: { email: 'not-an-email', type: 1 } },
      { action: 'hire', user_info: { email: 'a@b.co', type: 1 } },
    ]) {
      const result = await call<{ code: number }>(sandbox, 'POST', '/v2/users', { token, body });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe(300);
    }
  });
});

describe('rate limiting', () => {
  it('answers Zoom 429s with headers past the Light per-second limit, per account', async () => {
    const limited = await start({ lightLimitPerSecond: 5 });
    try {
      const limitedToken = await accessToken(limited);
      const burst = await Promise.all(
        Array.from({ length: 8 }, () =>
          call(limited, 'GET', '/v2/users/me', { token: limitedToken }),
        ),
      );
      const ok = burst.filter((r) => r.status === 200);
      const refused = burst.filter((r) => r.status === 429);
      expect(ok).toHaveLength(5);
      expect(refused).toHaveLength(3);
      for (const r of refused) {
        expect(r.body).toEqual({
          code: 429,
          message:
            'You have reached the maximum per-second rate limit for this API. Try again later.',
        });
        expect(r.headers.get('x-ratelimit-category')).toBe('Light');
        expect(r.headers.get('x-ratelimit-type')).toBe('QPS');
        expect(r.headers.get('x-ratelimit-limit')).toBe('5');
        expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
      // ZAK minting shares the same Light bucket.
      expect(
        (await call(limited, 'GET', '/v2/users/me/token?type=zak', { token: limitedToken })).status,
      ).toBe(429);
      // The window slides: one second later there is room again.
      await advanceClock(limited, 1);
      expect((await call(limited, 'GET', '/v2/users/me', { token: limitedToken })).status).toBe(
        200,
      );
    } finally {
      await limited.close();
    }
  });
});

describe('GET /avatars/{userId}.svg', () => {
  it('serves an SVG with initials without a bearer, loadable cross-origin', async () => {
    const response = await fetch(`${sandbox.url}/avatars/${sandbox.account.userId}.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    // An <img> sends no Origin, so it needs no CORS header, and none is given.
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const svg = await response.text();
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('>DB</text>');
  });

  it('answers 404 for an unknown user', async () => {
    expect((await fetch(`${sandbox.url}/avatars/nobody.svg`)).status).toBe(404);
  });
});
