import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { ok, type BotsChangedEvent } from '../../../src/shared/ipc-contract';
import { silentLogger } from '../../../src/main/log/logger';
import { startWebServer, type RunningWebServer } from '../../../src/main/web/web-server';
import {
  BOT_PAGE_COOKIE,
  createBotPageKeys,
  type BotPageKeys,
} from '../../../src/main/web/bot-page-keys';

function rendererFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'botdeck-renderer-'));
  mkdirSync(join(dir, 'dashboard'));
  mkdirSync(join(dir, 'bot'));
  writeFileSync(join(dir, 'dashboard', 'index.html'), '<!doctype html><title>Dashboard</title>');
  writeFileSync(join(dir, 'bot', 'index.html'), '<!doctype html><title>Bot</title>');
  return dir;
}

const SANDBOX = 'http://127.0.0.1:47001';
let server: RunningWebServer;
let botPages: BotPageKeys;
let eventListener: ((event: BotsChangedEvent) => void) | null = null;

beforeEach(async () => {
  botPages = createBotPageKeys();
  server = await startWebServer({
    rendererDir: rendererFixture(),
    logger: silentLogger,
    sandboxOrigin: SANDBOX,
    botPages,
  });
  server.attach({
    handleDashboard: async (channel, payload) => ok({ channel, payload }),
    onBotsChanged: (listener) => {
      eventListener = listener;
      return () => (eventListener = null);
    },
  });
});
afterEach(() => server.close());

async function redeem(): Promise<string> {
  const response = await fetch(server.launchUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/dashboard/index.html');
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function openSocket(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.origin.replace('http', 'ws')}/ipc`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`refused ${res.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(String(data)))),
  );
}

describe('web host server', () => {
  it('trades the printed token once for a session cookie', async () => {
    const cookie = await redeem();
    const again = await fetch(server.launchUrl, { redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('already been used');
    const page = await fetch(`${server.origin}/dashboard/index.html`, {
      headers: { Cookie: cookie },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('renews the session when the dashboard opens, and refuses it after a working day idle', async () => {
    let now = 0;
    const clocked = await startWebServer({
      rendererDir: rendererFixture(),
      logger: silentLogger,
      sandboxOrigin: SANDBOX,
      botPages,
      now: () => now,
    });
    try {
      const first = await fetch(clocked.launchUrl, { redirect: 'manual' });
      expect(first.headers.get('set-cookie')).toMatch(/Max-Age=43200/);
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const open = () =>
        fetch(`${clocked.origin}/dashboard/index.html`, { headers: { Cookie: cookie } });
      now = 11 * 3_600_000;
      const renewed = await open();
      expect(renewed.status).toBe(200);
      expect(renewed.headers.get('set-cookie')).toMatch(/Max-Age=43200/);
      now = 22 * 3_600_000;
      expect((await open()).status).toBe(200);
      now = 35 * 3_600_000;
      const expired = await open();
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('session ended');
    } finally {
      await clocked.close();
    }
  });

  it('refuses the dashboard without the session', async () => {
    expect((await fetch(`${server.origin}/dashboard/index.html`)).status).toBe(403);
    expect((await fetch(`${server.origin}/`)).status).toBe(403);
  });

  it('serves bot pages cross-origin isolated', async () => {
    const page = await fetch(`${server.origin}/bot/index.html`);
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('sends each bot page the policy of the meeting client the host opened it for', async () => {
    const connectSrc = async (cookie?: string): Promise<string> => {
      const page = await fetch(`${server.origin}/bot/index.html`, {
        headers: cookie ? { Cookie: cookie } : {},
      });
      const csp = page.headers.get('content-security-policy') ?? '';
      return csp.split('; ').find((d) => d.startsWith('connect-src ')) ?? '';
    };
    const sandboxKey = botPages.issue('sandbox');
    const zoomKey = botPages.issue('zoom');
    expect(await connectSrc(`${BOT_PAGE_COOKIE}=${sandboxKey}`)).toBe(
      `connect-src 'self' ${SANDBOX}`,
    );
    expect(await connectSrc(`${BOT_PAGE_COOKIE}=${zoomKey}`)).toContain('https://zoom.us');
    // No key, a made-up one, or one revoked when its page closed: nothing outside.
    expect(await connectSrc()).toBe("connect-src 'self'");
    expect(await connectSrc(`${BOT_PAGE_COOKIE}=zoom`)).toBe("connect-src 'self'");
    botPages.revoke(zoomKey);
    expect(await connectSrc(`${BOT_PAGE_COOKIE}=${zoomKey}`)).toBe("connect-src 'self'");
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve) => {
      const { port } = new URL(server.origin);
      request(
        {
          host: '127.0.0.1',
          port,
          path: '/bot/index.html',
          headers: { Host: `evil.test:${port}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
  });

  it('accepts the dashboard socket only with the cookie and from its own origin', async () => {
    const cookie = await redeem();
    await expect(openSocket({ Origin: server.origin })).rejects.toThrow('refused 403');
    await expect(openSocket({ Cookie: cookie, Origin: 'http://127.0.0.1:1' })).rejects.toThrow(
      'refused 403',
    );
    const socket = await openSocket({ Cookie: cookie, Origin: server.origin });
    const reply = nextMessage(socket);
    socket.send(JSON.stringify({ id: 4, channel: 'app:snapshot', payload: {} }));
    expect(await reply).toEqual({
      type: 'response',
      id: 4,
      result: { ok: true, value: { channel: 'app:snapshot', payload: {} } },
    });
    const event = nextMessage(socket);
    eventListener?.({ bots: [] });
    expect(await event).toEqual({ type: 'event', channel: 'bots:changed', payload: { bots: [] } });
    socket.close();
  });

  it('closes a socket that sends a malformed frame', async () => {
    const socket = await openSocket({ Cookie: await redeem(), Origin: server.origin });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('{"channel": 5}');
    expect(await closed).toBe(1008);
  });

  // Regressions: each of these threw out of a request handler; the upgrade ones as uncaught
  // exceptions, which stop a web host process (and fail this run as unhandled errors).
  it('answers GET // with 404 and refuses an upgrade to //, and keeps serving', async () => {
    expect((await rawHttp('GET //', {})).startsWith('HTTP/1.1 404')).toBe(true);
    const refused = await rawHttp('GET //', UPGRADE);
    expect(refused.startsWith('HTTP/1.1 403')).toBe(true);
    expect((await fetch(`${server.origin}/bot/index.html`)).status).toBe(200);
  });

  it('survives a client that resets its refused upgrade', async () => {
    const { port } = new URL(server.origin);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(requestText('GET /ipc', UPGRADE));
        socket.resetAndDestroy();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
    // The host answers the refusal into a reset socket; it must shrug that off.
    await vi.waitFor(async () => {
      expect((await fetch(`${server.origin}/bot/index.html`)).status).toBe(200);
    });
  });
});

const UPGRADE = {
  Upgrade: 'websocket',
  Connection: 'Upgrade',
  'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Version': '13',
};

function requestText(line: string, headers: Record<string, string>): string {
  const { host } = new URL(server.origin);
  const fields = Object.entries({ Host: host, ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  return `${line} HTTP/1.1\r\n${fields.join('')}\r\n`;
}

/** Sends a raw request (fetch would tidy up the path) and returns the first bytes of the reply. */
function rawHttp(line: string, headers: Record<string, string>): Promise<string> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(requestText(line, headers)),
    );
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.on('error', reject);
  });
}
