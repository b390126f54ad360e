import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import {
  accessToken,
  basicAuth,
  call,
  createMeeting,
  join,
  sign,
  start,
} from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await start();
  token = await accessToken(sandbox);
});
afterEach(async () => {
  await call(sandbox, 'DELETE', '/sandbox/faults');
});
afterAll(() => sandbox.close());

const addFault = (rule: Record<string, unknown>) =>
  call<{ id: string }>(sandbox, 'POST', '/sandbox/faults', { body: rule });
const getUser = () => call(sandbox, 'GET', '/v2/users/me', { token });
const mintZak = () => call(sandbox, 'GET', '/v2/users/me/token?type=zak', { token });

describe('fault injection', () => {
  it('fails the next `count` calls of a target with the status, then recovers', async () => {
    expect((await addFault({ target: 'zak', status: 503, count: 2 })).status).toBe(201);
    expect((await getUser()).status).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const failed = await mintZak();
      expect(failed.status).toBe(503);
      expect(failed.body).toEqual({ code: 503, message: 'Sandbox fault' });
    }
    expect((await mintZak()).status).toBe(200);
  });

  it('with fraction 1 fails every call until cleared', async () => {
    await addFault({ target: 'user', status: 500, fraction: 1 });
    for (let i = 0; i < 5; i += 1) expect((await getUser()).status).toBe(500);
    expect((await call(sandbox, 'DELETE', '/sandbox/faults')).status).toBe(204);
    expect((await getUser()).status).toBe(200);
  });

  it("answers 429 faults with Zoom's body and the given Retry-After", async () => {
    await addFault({ target: 'zak', status: 429, retryAfter: '7' });
    const limited = await mintZak();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 429 });
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
    expect(limited.headers.get('x-ratelimit-category')).toBe('Light');
  });

  it('models daily limits (ISO Retry-After) and a missing Retry-After', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await addFault({ target: 'user', status: 429, retryAfter: at });
    const daily = await getUser();
    expect(daily.headers.get('retry-after')).toBe(at);
    expect(daily.headers.get('x-ratelimit-type')).toBe('Daily-limit');
    await addFault({ target: 'user', status: 429, retryAfter: '' });
    const bare = await getUser();
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
  });

  it('hits the token endpoint and joins too', async () => {
    await addFault({ target: 'oauth', status: 502 });
    const url = `${sandbox.url}/oauth/token?grant_type=account_credentials&account_id=${sandbox.account.accountId}`;
    const init = { method: 'POST', headers: { Authorization: basicAuth(sandbox) } };
    expect((await fetch(url, init)).status).toBe(502);
    expect((await fetch(url, init)).status).toBe(200);

    const meeting = await createMeeting(sandbox);
    await addFault({ target: 'join', status: 503 });
    const body = { signature: await sign(sandbox, meeting.meetingNumber), userName: 'x' };
    const faulted = await join(sandbox, meeting.meetingNumber, body);
    expect(faulted.status).toBe(503);
    expect(faulted.body).toMatchObject({ code: 503, errorCode: 503 });
  });

  it('delays calls by latencyMs', async () => {
    await addFault({ target: 'user', latencyMs: 200 });
    const started = performance.now();
    expect((await getUser()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('rejects a rule without status or latency, or with an unknown target', async () => {
    expect((await addFault({ target: 'user' })).status).toBe(400);
    expect((await addFault({ target: 'meetings', status: 500 })).status).toBe(400);
    expect((await addFault({ target: 'user', status: 500, fraction: 2 })).status).toBe(400);
  });
});
