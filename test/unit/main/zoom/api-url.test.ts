/**
 * Where the Zoom client sends bearer tokens: `api_url` from a token response is followed only to
 * Zoom's own https hosts; anything else keeps the configured base and is logged.
 */
import { describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../../../src/main/log/logger';
import { startScriptedServer, tokenReply } from './scripted-zoom-server';
import { zoomClientSetup } from './zoom-client-kit';

const setup = zoomClientSetup();

describe('Zoom client: api_url', () => {
  it('follows api_url to Zoom’s own https hosts only', async () => {
    const rest = await startScriptedServer(() => ({ status: 200, body: { token: 'zak-x' } }));
    try {
      for (const apiUrl of [
        'https://api.zoom.us',
        'https://api-eu.zoom.us/',
        'https://api.zoomgov.com',
      ]) {
        // Zoom's hosts cannot be reached from a test: their requests land on the scripted server.
        const asked: string[] = [];
        const routed: typeof fetch = (input, init) => {
          const url = new URL(String(input));
          if (url.protocol === 'https:') {
            asked.push(url.origin);
            return fetch(`${rest.url}${url.pathname}${url.search}`, init);
          }
          return fetch(input, init);
        };
        const { client } = await setup(() => ({ status: 500 }), {
          oauth: () => tokenReply('access-9', { api_url: apiUrl }),
          fetch: routed,
        });
        expect(await client.mintZak('u1')).toBe('zak-x');
        expect(asked).toEqual([new URL(apiUrl).origin]);
      }
    } finally {
      await rest.close();
    }
  });

  it('keeps the configured base, and says so, when api_url is not Zoom’s https host', async () => {
    const refused = [
      'http://api.zoom.us',
      'https://api.zoom.us.evil.example',
      'https://evilzoom.us',
      'https://user:pass@api.zoom.us',
      'https://api.zoom.us:8443',
      'https://evil.example/?host=zoom.us',
      'http://127.0.0.1:9',
      'javascript:alert(1)',
      'not a url',
    ];
    for (const apiUrl of refused) {
      const warnings: LogFields[] = [];
      const logger: Logger = {
        info: () => {},
        warn: (_m, f) => warnings.push(f ?? {}),
        error: () => {},
      };
      const { client, server: scripted } = await setup(
        () => ({ status: 200, body: { token: 'zak-1' } }),
        { oauth: () => tokenReply('access-1', { api_url: apiUrl }), logger },
      );
      expect(await client.mintZak('u1'), apiUrl).toBe('zak-1');
      expect(scripted.seen.map((request) => request.path)).toEqual([
        '/oauth/token',
        '/v2/users/u1/token',
      ]);
      expect(warnings, apiUrl).toEqual([{ apiUrl, using: scripted.url }]);
    }
  });

  it('says nothing when api_url is the configured base itself (the sandbox)', async () => {
    const warnings: unknown[] = [];
    const logger: Logger = { info: () => {}, warn: (m) => warnings.push(m), error: () => {} };
    const { client } = await setup(() => ({ status: 200, body: { token: 'zak-1' } }), {
      oauth: (request) => tokenReply('access-1', { api_url: `http://${request.headers.host}` }),
      logger,
    });
    await client.mintZak('u1');
    expect(warnings).toEqual([]);
  });
});
