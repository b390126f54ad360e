/**
 * The sandbox held to a client Zoom wrote: Zoom's own Node library, @zoom/rivet (users module,
 * Server-to-Server OAuth), used as its README says, gets a token, reads a user, lists users with
 * Zoom's paging, mints a ZAK and creates a user, and the sandbox answers every call as Zoom does
 * (or Rivet's own checks throw). Rivet's hosts are fixed (`https://zoom.us` for OAuth,
 * `https://api.zoom.us/v2` for the API) and it sends everything through axios, so the test
 * routes those two hosts, and nothing else, to the sandbox with an axios request interceptor.
 */
import { UsersS2SAuthClient } from '@zoom/rivet/users';
import axios, { type InternalAxiosRequestConfig } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { createMeeting, joinWithZak, start } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let client: UsersS2SAuthClient;
/** What Rivet asked for, as it addressed it: method, Zoom host and path. */
const asked: string[] = [];
let interceptor: number;

const ZOOM_HOSTS = new Set(['zoom.us', 'api.zoom.us']);

function routeToSandbox(config: InternalAxiosRequestConfig): InternalAxiosRequestConfig {
  const target = new URL(axios.getUri({ ...config, params: undefined }));
  if (target.protocol !== 'https:' || !ZOOM_HOSTS.has(target.hostname)) {
    throw new Error(`Rivet called ${target.origin}, which this test does not route`);
  }
  asked.push(`${(config.method ?? 'get').toUpperCase()} ${target.hostname}${target.pathname}`);
  return { ...config, baseURL: undefined, url: new URL(target.pathname, sandbox.url).href };
}

beforeAll(async () => {
  sandbox = await start();
  interceptor = axios.interceptors.request.use(routeToSandbox);
  client = new UsersS2SAuthClient({
    clientId: sandbox.account.clientId,
    clientSecret: sandbox.account.clientSecret,
    accountId: sandbox.account.accountId,
    disableReceiver: true,
  });
});
afterAll(async () => {
  axios.interceptors.request.eject(interceptor);
  await sandbox.close();
});

/** A JWT's claims, read without checking its signature (as any client could). */
const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

describe('Zoom’s own client (@zoom/rivet) against the sandbox', () => {
  it('gets a token (its shape check passes) and reads the demo user', async () => {
    const { statusCode, data } = await client.endpoints.users.getUser({ path: { userId: 'me' } });
    expect(statusCode).toBe(200);
    expect(data).toMatchObject({
      id: sandbox.account.userId,
      email: sandbox.account.email,
      account_id: sandbox.account.accountId,
      type: 2,
      status: 'active',
    });
    expect(asked.slice(0, 2)).toEqual(['POST zoom.us/oauth/token', 'GET api.zoom.us/v2/users/me']);
  });

  it('creates a user, then lists users page by page with Zoom’s paging fields', async () => {
    const created = await client.endpoints.users.createUsers({
      body: {
        action: 'custCreate',
        user_info: { email: 'rivet.user@botdeck.example', type: 1, first_name: 'Rivet' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({ email: 'rivet.user@botdeck.example', type: 1 });

    const first = await client.endpoints.users.listUsers({ query: { page_size: 1 } });
    expect(first.data).toMatchObject({
      page_count: 2,
      page_number: 1,
      page_size: 1,
      total_records: 2,
      users: [{ id: sandbox.account.userId, email: sandbox.account.email, type: 2 }],
    });
    const token = first.data?.next_page_token ?? '';
    expect(token).not.toBe('');
    const second = await client.endpoints.users.listUsers({
      query: { page_size: 1, next_page_token: token },
    });
    expect(second.data).toMatchObject({
      page_number: 2,
      next_page_token: '',
      users: [{ id: created.data?.id, email: 'rivet.user@botdeck.example' }],
    });
    // Pending (invited) users are listed apart, as Zoom does.
    const pending = await client.endpoints.users.listUsers({ query: { status: 'pending' } });
    expect(pending.data).toMatchObject({ total_records: 0, users: [] });
  });

  it('mints a ZAK shaped like Zoom’s that joins a sandbox meeting as the user', async () => {
    const { data } = await client.endpoints.users.getUsersToken({
      path: { userId: sandbox.account.userId },
      query: { type: 'zak', ttl: 600 },
    });
    const zak = data?.token ?? '';
    expect(zak.split('.')).toHaveLength(3);
    const claims = claimsOf(zak);
    expect(claims).toMatchObject({ uid: sandbox.account.userId, aid: sandbox.account.accountId });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);

    const meeting = await createMeeting(sandbox);
    const joined = await joinWithZak(sandbox, meeting, 'Rivet Bot', zak);
    expect(joined.status).toBe(200);
    expect(joined.body.userId).toBe(sandbox.account.userId);
  });

  it('gets Zoom’s error shape back for what Zoom refuses, which Rivet reads as Zoom’s', async () => {
    await expect(
      client.endpoints.users.getUser({ path: { userId: 'nobody@botdeck.example' } }),
    ).rejects.toThrow('[404/1001]: "User does not exist: nobody@botdeck.example."');
    await expect(
      client.endpoints.users.listUsers({ query: { next_page_token: 'not-one-of-ours' } }),
    ).rejects.toThrow(/\[400\/300\]/);
  });
});
