import { describe, expect, it } from 'vitest';
import { ZoomApiError } from '../../../../src/main/zoom/zoom-api-error';
import { zoomClientSetup } from './zoom-client-kit';
const USER = {
  id: 'u1',
  email: 'bot@example.com',
  first_name: 'Demo',
  last_name: 'Bot',
  display_name: 'Demo Bot',
  pic_url: 'https://example.com/avatar.png',
  type: 2,
  status: 'active',
  account_id: 'acc-1',
};

const setup = zoomClientSetup();

async function caught(promise: Promise<unknown>): Promise<ZoomApiError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ZoomApiError);
  const zoomError = error as ZoomApiError;
  // No secret may ever reach an error.
  expect(`${zoomError.message} ${JSON.stringify(zoomError)}`).not.toMatch(
    /client-secret|access-\d|zak-/,
  );
  return zoomError;
}

describe('Zoom client: success paths', () => {
  it('mints a ZAK with type=zak and the ttl, sending the bearer token', async () => {
    const { client, server } = await setup(() => ({ status: 200, body: { token: 'zak-1' } }));
    expect(await client.mintZak('bot@example.com', 7200)).toBe('zak-1');
    const request = server.seen.find((seen) => seen.path.startsWith('/v2/'));
    expect(request?.path).toBe('/v2/users/bot%40example.com/token');
    expect(request?.query.get('type')).toBe('zak');
    expect(request?.query.get('ttl')).toBe('7200');
    expect(request?.headers.authorization).toBe('Bearer access-1');
  });

  it('parses a user profile into camelCase', async () => {
    const { client } = await setup(() => ({ status: 200, body: USER }));
    expect(await client.getUser('u1')).toEqual({
      id: 'u1',
      email: 'bot@example.com',
      firstName: 'Demo',
      lastName: 'Bot',
      displayName: 'Demo Bot',
      picUrl: 'https://example.com/avatar.png',
      type: 2,
      status: 'active',
      accountId: 'acc-1',
    });
  });

  it('falls back to first and last name when Zoom omits display_name', async () => {
    const { client } = await setup(() => ({
      status: 200,
      body: { ...USER, display_name: undefined, pic_url: '' },
    }));
    expect(await client.getUser('u1')).toMatchObject({ displayName: 'Demo Bot', picUrl: null });
  });

  it('refuses a ttl Zoom would not accept', async () => {
    const { client } = await setup(() => ({ status: 200, body: { token: 'zak-1' } }));
    await expect(client.mintZak('u1', 0)).rejects.toThrow(RangeError);
    await expect(client.mintZak('u1', 1.5)).rejects.toThrow(RangeError);
  });

  it('a response of the wrong shape is a readable error', async () => {
    const { client } = await setup(() => ({ status: 200, body: { tokens: 'nope' } }));
    expect((await caught(client.mintZak('u1'))).reason).toBe('bad_response');
  });
});

describe('Zoom client: token expiry (401 / code 124)', () => {
  it('refreshes the token once and retries', async () => {
    let calls = 0;
    const { client, server } = await setup((request) =>
      request.headers.authorization === 'Bearer access-1'
        ? { status: 401, body: { code: 124, message: 'Invalid access token.' } }
        : { status: 200, body: { token: `zak-${++calls}` } },
    );
    expect(await client.mintZak('u1')).toBe('zak-1');
    expect(server.oauthCount()).toBe(2);
  });

  it('many callers refused together share one refresh', async () => {
    let calls = 0;
    const { client, server } = await setup((request) =>
      request.headers.authorization === 'Bearer access-1'
        ? { status: 401, body: { code: 124, message: 'Invalid access token.' } }
        : { status: 200, body: { token: `zak-${++calls}` } },
    );
    await Promise.all(Array.from({ length: 50 }, () => client.mintZak('u1')));
    expect(server.oauthCount()).toBe(2);
  });

  it('fails readably when the fresh token is refused too', async () => {
    const { client, server } = await setup(() => ({
      status: 401,
      body: { code: 124, message: 'Invalid access token.' },
    }));
    const error = await caught(client.mintZak('u1'));
    expect(error).toMatchObject({ reason: 'invalid_token', status: 401, code: 124 });
    expect(error.message).toMatch(/access token.*refresh/);
    expect(server.oauthCount()).toBe(2);
  });
});

describe('Zoom client: errors in operator words', () => {
  it('1001: the user does not exist in this account', async () => {
    const { client } = await setup(() => ({
      status: 404,
      body: { code: 1001, message: 'User does not exist: ghost@x.' },
    }));
    const error = await caught(client.getUser('ghost@x'));
    expect(error).toMatchObject({
      reason: 'user_not_found',
      code: 1001,
      zoomMessage: 'User does not exist: ghost@x.',
    });
    expect(error.message).toBe('The Zoom user ghost@x does not exist in this account.');
  });

  it('4700: names the missing ZAK scopes', async () => {
    const { client } = await setup(() => ({
      status: 400,
      body: { code: 4700, message: 'Invalid access token, does not contain scopes.' },
    }));
    const error = await caught(client.mintZak('u1'));
    expect(error.reason).toBe('missing_scope');
    expect(error.message).toContain('user:read:token:admin');
    expect(error.message).toContain('user:read:zak:admin');
  });

  it('OAuth invalid_client: the client ID or secret was rejected', async () => {
    const { client } = await setup(() => ({ status: 200 }), {
      oauth: () => ({
        status: 400,
        body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
      }),
    });
    const error = await caught(client.mintZak('u1'));
    expect(error.message).toBe('The client ID or client secret was rejected by Zoom.');
  });

  it('OAuth invalid_request: the account id is wrong', async () => {
    const { client } = await setup(() => ({ status: 200 }), {
      oauth: () => ({
        status: 400,
        body: { error: 'invalid_request', reason: 'Account does not exist' },
      }),
    });
    const error = await caught(client.getUser('u1'));
    expect(error.reason).toBe('invalid_account');
    expect(error.message).toMatch(/account ID/);
  });

  it('any other error carries Zoom’s code and message', async () => {
    const { client } = await setup(() => ({
      status: 400,
      body: { code: 300, message: 'Validation Failed.' },
    }));
    const error = await caught(client.getUser('u1'));
    expect(error).toMatchObject({ reason: 'api_error', status: 400, code: 300 });
    expect(error.message).toContain('300');
    expect(error.message).toContain('Validation Failed.');
  });
});

describe('Zoom client: rate limits and transient failures', () => {
  it('429 with Retry-After in seconds waits that long, then succeeds', async () => {
    let calls = 0;
    const { client, sleeps } = await setup(() =>
      ++calls === 1
        ? { status: 429, body: { code: 429, message: 'rate' }, headers: { 'Retry-After': '2' } }
        : { status: 200, body: { token: 'zak-1' } },
    );
    expect(await client.mintZak('u1')).toBe('zak-1');
    expect(sleeps).toEqual([2000]);
  });

  it.each([
    ['an ISO date', '2026-01-01T00:00:03Z', 3000],
    ['an HTTP date (IMF-fixdate)', 'Thu, 01 Jan 2026 00:00:04 GMT', 4000],
  ])('429 with Retry-After as %s waits until then', async (_kind, retryAfter, waitMs) => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    let calls = 0;
    const { client, sleeps } = await setup(
      () =>
        ++calls === 1
          ? {
              status: 429,
              body: { code: 429, message: 'rate' },
              headers: { 'Retry-After': retryAfter },
            }
          : { status: 200, body: { token: 'zak-1' } },
      { now },
    );
    expect(await client.mintZak('u1')).toBe('zak-1');
    expect(sleeps).toEqual([waitMs]);
    expect(calls).toBe(2);
  });

  it('429 retries are bounded and end in a readable error', async () => {
    const { client, sleeps } = await setup(() => ({
      status: 429,
      body: { code: 429, message: 'rate' },
      headers: { 'Retry-After': '1' },
    }));
    const error = await caught(client.mintZak('u1'));
    expect(error.reason).toBe('rate_limited');
    expect(error.message).toMatch(/per-second API limit/);
    expect(sleeps).toEqual([1000, 1000, 1000, 1000]);
  });

  it('a daily limit is not waited for', async () => {
    const { client, sleeps } = await setup(() => ({
      status: 429,
      body: { code: 429, message: 'daily' },
      headers: { 'Retry-After': '2099-01-01T00:00:00Z', 'X-RateLimit-Type': 'Daily-limit' },
    }));
    const error = await caught(client.mintZak('u1'));
    expect(error.message).toMatch(/daily API limit.*2099-01-01T00:00:00Z/);
    expect(sleeps).toEqual([]);
  });

  it('5xx is retried with growing, jittered backoff', async () => {
    let calls = 0;
    const { client, sleeps } = await setup(() =>
      ++calls <= 2
        ? { status: 503, body: { code: 503, message: 'busy' } }
        : { status: 200, body: { token: 'zak-1' } },
    );
    expect(await client.mintZak('u1')).toBe('zak-1');
    expect(sleeps).toEqual([188, 375]);
  });

  it('5xx retries are bounded (3) and end in a readable error', async () => {
    const { client, sleeps, server } = await setup(() => ({ status: 502 }));
    const error = await caught(client.mintZak('u1'));
    expect(error).toMatchObject({ reason: 'server_error', status: 502 });
    expect(sleeps).toHaveLength(3);
    expect(server.seen.filter((request) => request.path.startsWith('/v2/'))).toHaveLength(4);
  });

  it('a network failure is retried, then reported without secrets', async () => {
    const { client, sleeps, server } = await setup(() => ({
      status: 200,
      body: { token: 'zak-1' },
    }));
    await server.close();
    const error = await caught(client.mintZak('u1'));
    expect(error.reason).toBe('network');
    expect(error.message).toMatch(/could not reach Zoom/);
    expect(sleeps).toHaveLength(3);
  });
});
