import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { advanceClock, basicAuth, call, start } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

const tokenUrl = (query: string) => `${sandbox.url}/oauth/token${query}`;
const query = () => `?grant_type=account_credentials&account_id=${sandbox.account.accountId}`;

async function post(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { method: 'POST', ...init });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /oauth/token (Server-to-Server OAuth)', () => {
  it('issues a bearer token from query parameters, with the api_url to use', async () => {
    const { status, body } = await post(tokenUrl(query()), {
      headers: { Authorization: basicAuth(sandbox) },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600, api_url: sandbox.url });
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.scope).toBe('string');
  });

  it('also accepts grant_type and account_id as a form body', async () => {
    const { status, body } = await post(tokenUrl(''), {
      headers: {
        Authorization: basicAuth(sandbox),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `grant_type=account_credentials&account_id=${sandbox.account.accountId}`,
    });
    expect(status).toBe(200);
    expect(body.token_type).toBe('bearer');
  });

  it('returns a new token on every call, and earlier ones stay valid', async () => {
    const init = { headers: { Authorization: basicAuth(sandbox) } };
    const first = (await post(tokenUrl(query()), init)).body.access_token as string;
    const second = (await post(tokenUrl(query()), init)).body.access_token as string;
    expect(first).not.toBe(second);
    for (const token of [first, second]) {
      expect((await call(sandbox, 'GET', '/v2/users/me', { token })).status).toBe(200);
    }
  });

  it('rejects a wrong client secret as invalid_client', async () => {
    const { status, body } = await post(tokenUrl(query()), {
      headers: { Authorization: basicAuth(sandbox, 'not-the-secret') },
    });
    expect(status).toBe(400);
    expect(body).toEqual({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
  });

  it('rejects missing credentials as invalid_client', async () => {
    const { status, body } = await post(tokenUrl(query()));
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_client');
  });

  it('rejects an unknown account as invalid_request', async () => {
    const { status, body } = await post(
      tokenUrl('?grant_type=account_credentials&account_id=nope'),
      { headers: { Authorization: basicAuth(sandbox) } },
    );
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_request', reason: 'Account does not exist' });
  });

  it('rejects any grant other than account_credentials', async () => {
    const { status, body } = await post(
      tokenUrl(`?grant_type=client_credentials&account_id=${sandbox.account.accountId}`),
      { headers: { Authorization: basicAuth(sandbox) } },
    );
    expect(status).toBe(400);
    expect(body.error).toBe('unsupported_grant_type');
  });

  it('counts token requests in the audit and lists every issued token', async () => {
    const before = (await call<{ oauthRequests: number }>(sandbox, 'GET', '/sandbox/audit')).body;
    const { body } = await post(tokenUrl(query()), {
      headers: { Authorization: basicAuth(sandbox) },
    });
    const after = (
      await call<{ oauthRequests: number; accessTokens: string[] }>(
        sandbox,
        'GET',
        '/sandbox/audit',
      )
    ).body;
    expect(after.oauthRequests).toBe(before.oauthRequests + 1);
    expect(after.accessTokens).toContain(body.access_token);
  });

  it('lets tokens expire after 3600 s of sandbox time', async () => {
    const own = await start();
    try {
      const { body } = await post(
        `${own.url}/oauth/token?grant_type=account_credentials&account_id=${own.account.accountId}`,
        { headers: { Authorization: basicAuth(own) } },
      );
      const token = body.access_token as string;
      await advanceClock(own, 3599);
      expect((await call(own, 'GET', '/v2/users/me', { token })).status).toBe(200);
      await advanceClock(own, 1);
      const expired = await call(own, 'GET', '/v2/users/me', { token });
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual({ code: 124, message: 'Invalid access token.' });
    } finally {
      await own.close();
    }
  });
});
