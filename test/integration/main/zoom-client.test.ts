import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { createZoomClient, type ZoomClientOptions } from '../../../src/main/zoom/zoom-client';
import { ZoomApiError } from '../../../src/main/zoom/zoom-api-error';
import { addFault, advanceClock, audit } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let sleeps: number[];
let statuses: number[];

/** A client on the sandbox whose waits are recorded and shortened, and whose responses are counted. */
function client(overrides: Partial<ZoomClientOptions> = {}) {
  return createZoomClient({
    oauthBaseUrl: sandbox.url,
    apiBaseUrl: `${sandbox.url}/v2`,
    accountId: sandbox.account.accountId,
    clientId: sandbox.account.clientId,
    clientSecret: sandbox.account.clientSecret,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    },
    now: Date.now,
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 10)));
    },
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<ZoomApiError> {
  const error: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ZoomApiError);
  const text = `${(error as Error).message} ${JSON.stringify(error)}`;
  expect(text).not.toContain(sandbox.account.clientSecret);
  for (const token of (await audit(sandbox)).accessTokens) expect(text).not.toContain(token);
  return error as ZoomApiError;
}

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true, lightLimitPerSecond: 100_000 });
  sleeps = [];
  statuses = [];
});
afterEach(async () => {
  await sandbox.close();
});

describe('Zoom client against the sandbox', () => {
  it('mints a ZAK for the service user that the sandbox recorded as a ZAK', async () => {
    const zak = await client().mintZak(sandbox.account.userId, 7200);
    const { zaks } = await audit(sandbox);
    expect(zaks).toEqual([
      expect.objectContaining({ token: zak, userId: sandbox.account.userId, ttl: 7200 }),
    ]);
  });

  it('reads the service user’s profile, avatar included', async () => {
    const user = await client().getUser(sandbox.account.userId);
    expect(user).toMatchObject({
      id: sandbox.account.userId,
      email: sandbox.account.email,
      displayName: sandbox.account.displayName,
      accountId: sandbox.account.accountId,
      picUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/avatars\//),
    });
    // The same user is found by email.
    expect((await client().getUser(sandbox.account.email)).id).toBe(sandbox.account.userId);
  });

  it('1,000 concurrent mints make one OAuth request and 1,000 different ZAKs', async () => {
    const zoom = client({ mintRatePerSecond: 100_000 });
    const zaks = await Promise.all(
      Array.from({ length: 1000 }, () => zoom.mintZak(sandbox.account.userId)),
    );
    expect(new Set(zaks).size).toBe(1000);
    expect((await audit(sandbox)).oauthRequests).toBe(1);
  });

  it('an expired access token (401 / 124) is refreshed once and the call retried', async () => {
    const zoom = client();
    await zoom.mintZak(sandbox.account.userId);
    // The sandbox's clock moves past the token's hour; Botdeck's clock does not, so it learns of the expiry from Zoom.
    await advanceClock(sandbox, 3_700);
    await zoom.mintZak(sandbox.account.userId);
    expect(statuses).toContain(401);
    expect((await audit(sandbox)).oauthRequests).toBe(2);
  });

  it('a 401 that persists after one refresh fails readably, with one refresh only', async () => {
    const zoom = client();
    await zoom.getUser(sandbox.account.userId);
    await addFault(sandbox, { target: 'zak', status: 401, count: 2 });
    const error = await rejection(zoom.mintZak(sandbox.account.userId));
    expect(error.reason).toBe('invalid_token');
    expect(error.message).toMatch(/access token/);
    expect((await audit(sandbox)).oauthRequests).toBe(2);
  });

  it('429 with Retry-After in seconds is waited out', async () => {
    await addFault(sandbox, { target: 'zak', status: 429, retryAfter: '2' });
    await client().mintZak(sandbox.account.userId);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(sleeps).toContain(2000);
  });

  it('429 with Retry-After as an ISO date is waited out until that moment', async () => {
    const at = new Date(Date.now() + 3_000).toISOString();
    await addFault(sandbox, { target: 'zak', status: 429, retryAfter: at });
    await client().mintZak(sandbox.account.userId);
    const wait = sleeps.find((ms) => ms > 1_000) ?? 0;
    expect(wait).toBeGreaterThan(1_500);
    expect(wait).toBeLessThanOrEqual(3_000);
  });

  it('429 that does not clear ends in a readable rate-limit error after bounded retries', async () => {
    await addFault(sandbox, { target: 'zak', status: 429, count: 100, retryAfter: '1' });
    const error = await rejection(client().mintZak(sandbox.account.userId));
    expect(error.reason).toBe('rate_limited');
    expect(statuses.filter((status) => status === 429).length).toBeLessThanOrEqual(5);
  });

  it('5xx is retried with backoff and succeeds', async () => {
    await addFault(sandbox, { target: 'zak', status: 503, count: 2 });
    await client().mintZak(sandbox.account.userId);
    expect(statuses.filter((status) => status === 503)).toHaveLength(2);
    // The rate limiter's own spacing waits (about 35 ms at 30/s) are not backoff.
    const backoff = sleeps.filter((ms) => ms >= 100);
    expect(backoff).toHaveLength(2);
    expect(backoff[1]).toBeGreaterThan(backoff[0] ?? Infinity);
  });

  it('5xx that persists fails readably after 3 retries', async () => {
    await addFault(sandbox, { target: 'user', status: 500, count: 10 });
    const error = await rejection(client().getUser(sandbox.account.userId));
    expect(error).toMatchObject({ reason: 'server_error', status: 500 });
    expect(statuses.filter((status) => status === 500)).toHaveLength(4);
  });

  it('an unknown user (1001) is described in operator words', async () => {
    const error = await rejection(client().getUser('nobody@example.com'));
    expect(error).toMatchObject({ code: 1001, status: 404 });
    expect(error.message).toBe('The Zoom user nobody@example.com does not exist in this account.');
  });

  it('a wrong client secret or account id is described in operator words', async () => {
    const badSecret = await rejection(
      client({ clientSecret: 'wrong' }).mintZak(sandbox.account.userId),
    );
    expect(badSecret.message).toBe('The client ID or client secret was rejected by Zoom.');
    const badAccount = await rejection(
      client({ accountId: 'nope' }).mintZak(sandbox.account.userId),
    );
    expect(badAccount.reason).toBe('invalid_account');
  });
});

describe('Zoom client rate limiting against the sandbox', () => {
  it('keeps 45 mints under the sandbox’s 30/s Light limit without a single 429', async () => {
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, audit: true, lightLimitPerSecond: 30 });
    const zoom = client({ sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
    await Promise.all(Array.from({ length: 45 }, () => zoom.mintZak(sandbox.account.userId)));
    expect(statuses.filter((status) => status === 429)).toEqual([]);
  });

  it('a 600-mint batch at the plan’s limit gets 600 ZAKs and not a single 429', async () => {
    // Same ratio as Zoom Pro (client and server both at the plan's rate), ten times faster, so
    // the batch still spans several windows of the server's limiter.
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, audit: true, lightLimitPerSecond: 300 });
    const zoom = client({
      mintRatePerSecond: 300,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    const zaks = await Promise.all(
      Array.from({ length: 600 }, () => zoom.mintZak(sandbox.account.userId)),
    );
    expect(new Set(zaks).size).toBe(600);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
  });
});

describe('Zoom client with slow responses', () => {
  it('waits out a slow Zoom and still mints', async () => {
    await addFault(sandbox, { target: 'zak', latencyMs: 400, count: 3 });
    const zoom = client();
    const started = Date.now();
    const zaks = await Promise.all(
      Array.from({ length: 3 }, () => zoom.mintZak(sandbox.account.userId)),
    );
    expect(new Set(zaks).size).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
