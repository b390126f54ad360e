import { afterEach, describe, expect, it } from 'vitest';
import { createTokenCache } from '../../../../src/main/zoom/token-cache';
import { DEFAULT_RETRY_POLICY } from '../../../../src/main/zoom/retry-policy';
import { startScriptedServer, tokenReply, type ScriptedServer } from './scripted-zoom-server';

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function cacheFor(url: string, clock: { now: number }) {
  return createTokenCache(
    { oauthBaseUrl: url, accountId: 'ACC 1', clientId: 'client-id', clientSecret: 'client-secret' },
    {
      fetch,
      now: () => clock.now,
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      policy: DEFAULT_RETRY_POLICY,
    },
  );
}

describe('S2S OAuth token cache', () => {
  it('1,000 concurrent callers cause exactly one token request', async () => {
    let issued = 0;
    // Zoom holds its answer until every caller has asked, so all 1,000 overlap the request.
    let everyoneAsked = (): void => {};
    const held = new Promise<void>((resolve) => (everyoneAsked = resolve));
    server = await startScriptedServer(async () => {
      await held;
      return tokenReply(`token-${++issued}`);
    });
    const cache = cacheFor(server.url, { now: 0 });
    const asking = Array.from({ length: 1000 }, () => cache.get());
    everyoneAsked();
    const tokens = await Promise.all(asking);
    expect(server.oauthCount()).toBe(1);
    expect(new Set(tokens.map((token) => token.value))).toEqual(new Set(['token-1']));
  });

  it('asks Zoom with account credentials and HTTP Basic auth', async () => {
    server = await startScriptedServer(() => tokenReply('t'));
    await cacheFor(server.url, { now: 0 }).get();
    const [request] = server.seen;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/oauth/token');
    expect(request?.query.get('grant_type')).toBe('account_credentials');
    expect(request?.query.get('account_id')).toBe('ACC 1');
    expect(new URLSearchParams(request?.body).get('grant_type')).toBe('account_credentials');
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('client-id:client-secret').toString('base64')}`,
    );
  });

  it('reuses the token until shortly before it expires, then fetches one new token', async () => {
    let issued = 0;
    server = await startScriptedServer(() => tokenReply(`token-${++issued}`));
    const clock = { now: 0 };
    const cache = cacheFor(server.url, clock);
    expect((await cache.get()).value).toBe('token-1');
    clock.now = 50 * 60_000; // 50 of 60 minutes
    expect((await cache.get()).value).toBe('token-1');
    clock.now = 56 * 60_000; // inside the early-refresh margin
    const next = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(next.map((token) => token.value)).toEqual(['token-2', 'token-2', 'token-2']);
    expect(server.oauthCount()).toBe(2);
  });

  it('invalidating the current token makes one refresh; invalidating an old one does nothing', async () => {
    let issued = 0;
    server = await startScriptedServer(() => tokenReply(`token-${++issued}`));
    const cache = cacheFor(server.url, { now: 0 });
    const first = await cache.get();
    cache.invalidate(first);
    cache.invalidate(first);
    const second = await cache.get();
    expect(second.value).toBe('token-2');
    cache.invalidate(first);
    expect((await cache.get()).value).toBe('token-2');
    expect(server.oauthCount()).toBe(2);
  });

  it('takes api_url as the REST base, but never sends bearer tokens to a plain-http remote host', async () => {
    server = await startScriptedServer(() => tokenReply('t', { api_url: 'https://api.zoom.us/' }));
    expect((await cacheFor(server.url, { now: 0 }).get()).apiUrl).toBe('https://api.zoom.us');
    await server.close();
    server = await startScriptedServer(() => tokenReply('t', { api_url: 'http://evil.example' }));
    expect((await cacheFor(server.url, { now: 0 }).get()).apiUrl).toBeNull();
  });

  it('a failed refresh is not cached: the next caller tries again', async () => {
    let calls = 0;
    server = await startScriptedServer(() =>
      ++calls === 1
        ? {
            status: 400,
            body: { error: 'invalid_client', reason: 'Invalid client_id or client_secret' },
          }
        : tokenReply('t'),
    );
    const cache = cacheFor(server.url, { now: 0 });
    await expect(cache.get()).rejects.toMatchObject({ reason: 'invalid_client' });
    expect((await cache.get()).value).toBe('t');
  });
});
