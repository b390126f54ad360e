import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/main/diagnostics/diagnostic-check';
import {
  ZOOM_ENDPOINTS,
  zoomEndpointChecks,
} from '../../../src/main/diagnostics/zoom-endpoints-check';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A stand-in for Zoom that records what it was sent; `answer: false` never answers. */
async function fakeZoom(answer: boolean) {
  const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    if (answer) response.writeHead(401).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('the Zoom reachability checks', () => {
  it('count any HTTP answer as reachable, and send no credentials', async () => {
    const zoom = await fakeZoom(true);
    const checks = await runChecks(zoomEndpointChecks({ fetch, baseUrl: zoom.url }));

    expect(checks.map((check) => [check.id, check.status])).toEqual(
      ZOOM_ENDPOINTS.map((endpoint) => [endpoint.id, 'ok']),
    );
    expect(checks[0]?.message).toBe(
      `Reached ${zoom.url}/v2/ (HTTP 401). Botdeck mints ZAKs and reads user profiles there.`,
    );
    expect(zoom.seen.map((request) => `${request.method} ${request.url}`).sort()).toEqual(
      ['HEAD /', 'HEAD /api/v1/wc/info', 'HEAD /oauth/token', 'HEAD /v2/'].sort(),
    );
    for (const { headers } of zoom.seen) {
      expect(headers.authorization).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
    }
  });

  it('report a host that never answers within their own short deadline', async () => {
    const silent = await fakeZoom(false);
    const checks = await runChecks(
      zoomEndpointChecks({ fetch, baseUrl: silent.url, timeoutMs: 300 }),
    );
    for (const check of checks) {
      expect(check.status).toBe('problem');
      expect(check.message).toContain('no answer within 300 ms');
    }
    expect(checks.find((check) => check.id === 'zoom-api')?.fix).toContain('allow 127.0.0.1');
    expect(checks.find((check) => check.id === 'zoom-sdk-cdn')).toMatchObject({
      required: false,
      fix: expect.stringContaining('Nothing to do for Botdeck'),
    });
  });

  it('aim at Zoom itself when no base URL is given', () => {
    const ids = zoomEndpointChecks({ fetch }).map((check) => check.id);
    expect(ids).toEqual(['zoom-api', 'zoom-oauth', 'zoom-web-sdk', 'zoom-sdk-cdn']);
    expect(ZOOM_ENDPOINTS.map((endpoint) => endpoint.url)).toEqual([
      'https://api.zoom.us/v2/',
      'https://zoom.us/oauth/token',
      'https://zoom.us/api/v1/wc/info',
      'https://source.zoom.us/',
    ]);
  });
});
