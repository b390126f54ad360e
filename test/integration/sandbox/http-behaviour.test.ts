import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { accessToken, call, rawCall, start } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

const raw = (path: string, init: RequestInit) => fetch(`${sandbox.url}${path}`, init);

describe('HTTP behaviour', () => {
  it('answers malformed JSON with a clear 400, in each family shape', async () => {
    const meetings = await raw('/sandbox/meetings', { method: 'POST', body: '{"requireAuth":' });
    expect(meetings.status).toBe(400);
    expect(await meetings.json()).toMatchObject({
      errorCode: 200,
      message: expect.stringMatching(/not valid JSON/),
    });

    const token = await accessToken(sandbox);
    const users = await raw('/v2/users', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: 'nope',
    });
    expect(users.status).toBe(400);
    expect(await users.json()).toMatchObject({
      code: 300,
      message: expect.stringMatching(/not valid JSON/),
    });
  });

  it('refuses bodies over 64 KiB with 413', async () => {
    const response = await raw('/sandbox/meetings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ requireAuth: true, padding: 'x'.repeat(70 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/larger than/) });
  });

  it('answers unknown routes with 404 JSON and wrong methods with 405', async () => {
    const missing = await call(sandbox, 'GET', '/v2/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ message: expect.any(String) });
    const wrong = await call(sandbox, 'PUT', '/sandbox/meetings');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('answers the bot page’s preflight for a join with its own origin, without PNA', async () => {
    const response = await raw('/sandbox/meetings/1/join', {
      method: 'OPTIONS',
      headers: {
        Origin: 'app://botdeck',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-extra',
        'Access-Control-Request-Private-Network': 'true',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('app://botdeck');
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type');
    expect(response.headers.get('access-control-allow-private-network')).toBeNull();
  });

  it('gives scripts (no Origin) no CORS headers on any route', async () => {
    const meetings = await call(sandbox, 'POST', '/sandbox/meetings', { body: {} });
    expect(meetings.status).toBe(201);
    expect(meetings.headers.get('access-control-allow-origin')).toBeNull();
    expect(meetings.headers.get('cross-origin-resource-policy')).toBeNull();
    expect(
      (await call(sandbox, 'GET', '/v2/users/me')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    const audit = await call(sandbox, 'GET', '/sandbox/audit');
    expect(audit.status).toBe(200);
    expect(audit.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the audit only when enabled', async () => {
    const quiet = await start({ audit: false });
    try {
      expect((await call(quiet, 'GET', '/sandbox/audit')).status).toBe(404);
    } finally {
      await quiet.close();
    }
  });

  it('binds 127.0.0.1 and gives fresh secrets on every start', async () => {
    const other = await start();
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(other.account.clientSecret).not.toBe(sandbox.account.clientSecret);
      expect(other.account.sdkSecret).not.toBe(sandbox.account.sdkSecret);
    } finally {
      await other.close();
    }
  });

  it('moves time only forward', async () => {
    const before = (await call<{ now: number }>(sandbox, 'GET', '/sandbox/clock')).body.now;
    const moved = await call<{ now: number }>(sandbox, 'POST', '/sandbox/clock', {
      body: { advanceSeconds: 60 },
    });
    expect(moved.body.now).toBeGreaterThanOrEqual(before + 60_000);
    expect(
      (await call(sandbox, 'POST', '/sandbox/clock', { body: { advanceSeconds: -1 } })).status,
    ).toBe(400);
  });

  // Regressions found by http.fuzz.test.ts.
  it('answers a request target starting with // with a JSON 404, not a 500', async () => {
    for (const path of ['//', '//?', '//evil.example/sandbox/clock']) {
      const reply = await rawCall(sandbox, 'GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).toMatchObject({ message: expect.stringMatching(/No such/) });
    }
  });

  it('answers a method Node cannot parse with a JSON 400, not a bare one', async () => {
    const reply = await rawCall(sandbox, 'FOO', '/sandbox/clock');
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.body).toMatchObject({ code: 400, message: expect.any(String) });
  });
});
