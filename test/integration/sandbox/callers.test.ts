/**
 * The sandbox from a hostile web page's point of view: another origin (with the bodies a page
 * can send without a preflight), a DNS-rebinding Host, and Botdeck's own pages reaching past
 * the routes they need. Each refusal must leave the sandbox exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import {
  accessToken,
  basicAuth,
  call,
  createMeeting,
  joinAsDemo,
  mintZak,
  participants,
  rawCall as send,
  sandboxNow,
  sign,
  start,
  joinWithZak,
} from '../../support/sandbox-client';

const HOSTILE_ORIGINS = [
  'https://evil.example',
  'null',
  'http://127.0.0.1:1',
  'app://botdeck.evil',
];

/** What a page can send with no preflight: text/plain, form and multipart bodies. */
const SIMPLE_BODIES: [string, string][] = [
  ['text/plain', '{"advanceSeconds": 315360000, "target": "join", "status": 500, "count": 1000}'],
  ['application/x-www-form-urlencoded', 'advanceSeconds=315360000&target=join&status=500'],
  [
    'multipart/form-data; boundary=x',
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  ],
  ['application/json', '{"advanceSeconds": 315360000, "target": "join", "status": 500}'],
];

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

describe('pages from other origins', () => {
  it('change nothing through any route, whatever the method and body', async () => {
    const meeting = await createMeeting(sandbox);
    const bot = await joinAsDemo(sandbox, meeting, 'Bot 1');
    const token = await accessToken(sandbox);
    const zak = await mintZak(sandbox, token);
    const clockBefore = await sandboxNow(sandbox);
    const { userId } = sandbox.account;
    const m = meeting.meetingNumber;
    const p = bot.participantId;
    const routes: [string, string][] = [
      ['POST', `/sandbox/users/${userId}/signout-all`],
      ['POST', `/sandbox/faults/users/${userId}/signout-all`],
      ['POST', '/sandbox/clock'],
      ['POST', '/sandbox/faults'],
      ['DELETE', '/sandbox/faults'],
      ['POST', `/sandbox/faults/meetings/${m}/participants/${p}/kick`],
      ['POST', `/sandbox/faults/meetings/${m}/participants/${p}/drop`],
      ['POST', `/sandbox/faults/meetings/${m}/drop-all`],
      ['POST', `/sandbox/faults/meetings/${m}/end`],
      ['POST', `/sandbox/meetings/${m}/participants/${p}/leave`],
      ['POST', `/sandbox/meetings/${m}/participants/${p}/chat`],
      ['POST', `/sandbox/meetings/${m}/participants/${p}/rename`],
      ['GET', `/sandbox/meetings/${m}/chat`],
      ['POST', `/sandbox/meetings/${m}/participants/${p}/drop`],
      ['DELETE', `/sandbox/meetings/${m}/participants/${p}`],
      ['DELETE', `/sandbox/meetings/${m}`],
      ['POST', '/sandbox/meetings'],
      ['POST', `/sandbox/meetings/${m}/join`],
      ['POST', '/sandbox/allowed-origins'],
      [
        'POST',
        `/oauth/token?grant_type=account_credentials&account_id=${sandbox.account.accountId}`,
      ],
      ['GET', '/sandbox/audit'],
      ['GET', `/sandbox/meetings/${m}/participants`],
    ];
    for (const origin of HOSTILE_ORIGINS) {
      for (const [method, path] of routes) {
        for (const [type, body] of SIMPLE_BODIES) {
          const reply = await send(
            sandbox,
            method,
            path,
            { Origin: origin, 'Content-Type': type, Authorization: basicAuth(sandbox) },
            body,
          );
          expect(reply.status, `${origin} ${method} ${path} ${type}`).toBe(403);
          expect(reply.headers['content-type']).toMatch(/^application\/json/);
          expect(JSON.stringify(reply.body)).toMatch(/may not call the Botdeck sandbox/);
          expect(reply.headers['access-control-allow-origin']).toBeUndefined();
        }
      }
    }
    // Nothing moved: the bot is still in, its meeting live, the clock where it was, no fault
    // waits, the ZAK still joins, and no origin was added.
    expect((await participants(sandbox, m)).map((x) => x.participantId)).toEqual([p]);
    expect((await sandboxNow(sandbox)) - clockBefore).toBeLessThan(60_000);
    expect((await call(sandbox, 'GET', '/sandbox/faults')).body).toEqual([]);
    const again = await joinWithZak(sandbox, meeting, 'Bot 2', zak);
    expect(again.status).toBe(200);
    expect((await call(sandbox, 'GET', '/sandbox/allowed-origins')).body).toEqual({
      allowedOrigins: ['app://botdeck'],
    });
  });

  it('get no preflight either, private-network request or not', async () => {
    const reply = await send(sandbox, 'OPTIONS', '/sandbox/meetings/1/join', {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Private-Network': 'true',
    });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.headers['access-control-allow-private-network']).toBeUndefined();
  });
});

describe('a DNS-rebinding Host header', () => {
  it('is refused with 421 before any route runs', async () => {
    const { port } = new URL(sandbox.url);
    const before = await sandboxNow(sandbox);
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${Number(port) + 1}`,
      `127.0.0.2:${port}`,
    ]) {
      const reply = await send(
        sandbox,
        'POST',
        '/sandbox/clock',
        { Host: host, 'Content-Type': 'application/json' },
        '{"advanceSeconds": 86400}',
      );
      expect(reply.status, host).toBe(421);
      expect(reply.body).toMatchObject({
        message: expect.stringMatching(/answers only as 127\.0\.0\.1/),
      });
    }
    expect((await sandboxNow(sandbox)) - before).toBeLessThan(60_000);
  });

  it('is accepted for the sandbox’s own loopback names', async () => {
    const { port } = new URL(sandbox.url);
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `[::1]:${port}`,
    ]) {
      expect((await send(sandbox, 'GET', '/sandbox/clock', { Host: host })).status, host).toBe(200);
    }
  });
});

describe('Botdeck’s own pages', () => {
  it('join, follow, chat, rename and leave with CORS for their exact origin', async () => {
    const meeting = await createMeeting(sandbox);
    const zak = await mintZak(sandbox, await accessToken(sandbox));
    const origin = { Origin: 'app://botdeck', 'Content-Type': 'application/json' };
    const joined = await send(
      sandbox,
      'POST',
      `/sandbox/meetings/${meeting.meetingNumber}/join`,
      origin,
      JSON.stringify({
        signature: await sign(sandbox, meeting.meetingNumber),
        zak,
        userName: 'Page bot',
        passcode: meeting.passcode,
      }),
    );
    expect(joined.status).toBe(200);
    expect(joined.headers['access-control-allow-origin']).toBe('app://botdeck');
    expect(joined.headers.vary).toBe('Origin');
    const { participantId } = joined.body as { participantId: string };
    const at = `/sandbox/meetings/${meeting.meetingNumber}/participants/${participantId}`;
    for (const [action, body] of [
      ['chat', { text: 'Hello from the page' }],
      ['rename', { displayName: 'Renamed page bot' }],
    ] as const) {
      const done = await send(sandbox, 'POST', `${at}/${action}`, origin, JSON.stringify(body));
      expect(done.status, action).toBeLessThan(300);
      expect(done.headers['access-control-allow-origin']).toBe('app://botdeck');
    }
    const left = await send(
      sandbox,
      'POST',
      `/sandbox/meetings/${meeting.meetingNumber}/participants/${participantId}/leave`,
      { Origin: 'app://botdeck' },
    );
    expect(left.status).toBe(204);
    expect(left.headers['access-control-allow-origin']).toBe('app://botdeck');
  });

  it('can read a refused join’s reason (CORS rides on errors too)', async () => {
    const meeting = await createMeeting(sandbox);
    const refused = await send(
      sandbox,
      'POST',
      `/sandbox/meetings/${meeting.meetingNumber}/join`,
      { Origin: 'app://botdeck', 'Content-Type': 'application/json' },
      JSON.stringify({ signature: 'nope', userName: 'Page bot' }),
    );
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('app://botdeck');
    expect(refused.body).toMatchObject({ errorCode: 3712 });
  });

  it('reach nothing else: no clock, faults, kicks, meetings, OAuth or origin list', async () => {
    const before = await sandboxNow(sandbox);
    for (const [method, path] of [
      ['POST', '/sandbox/clock'],
      ['POST', '/sandbox/faults'],
      ['POST', '/sandbox/meetings'],
      ['POST', '/sandbox/allowed-origins'],
      ['GET', '/sandbox/audit'],
      ['GET', `/sandbox/meetings/${(await createMeeting(sandbox)).meetingNumber}/chat`],
      ['GET', '/v2/users/me'],
      ['POST', '/oauth/token'],
    ] as const) {
      const reply = await send(
        sandbox,
        method,
        path,
        { Origin: 'app://botdeck', 'Content-Type': 'application/json' },
        '{"advanceSeconds": 86400, "origin": "https://evil.example"}',
      );
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(JSON.stringify(reply.body)).toMatch(/for scripts, not pages/);
    }
    const preflight = await send(sandbox, 'OPTIONS', '/sandbox/clock', {
      Origin: 'app://botdeck',
      'Access-Control-Request-Method': 'POST',
    });
    expect(preflight.status).toBe(403);
    expect((await sandboxNow(sandbox)) - before).toBeLessThan(60_000);
  });
});

describe('the allow-list', () => {
  it('can be replaced while the sandbox runs', async () => {
    const other = await start({ allowedOrigins: [] });
    try {
      const probe = (origin: string) =>
        send(other, 'OPTIONS', '/sandbox/meetings/1/join', {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
        });
      expect((await probe('app://botdeck')).status).toBe(403);
      other.setAllowedOrigins(['http://127.0.0.1:5173/']);
      const allowed = await probe('http://127.0.0.1:5173');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
      expect((await probe('app://botdeck')).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('takes a new origin from a script, and refuses what is not an origin', async () => {
    const other = await start();
    try {
      const added = await call(other, 'POST', '/sandbox/allowed-origins', {
        body: { origin: 'http://127.0.0.1:4000' },
      });
      expect(added.body).toEqual({ allowedOrigins: ['app://botdeck', 'http://127.0.0.1:4000'] });
      for (const origin of ['http://127.0.0.1:4000/path', 'not a url', 'https://user@x.example']) {
        const bad = await call(other, 'POST', '/sandbox/allowed-origins', { body: { origin } });
        expect(bad.status, origin).toBe(400);
      }
    } finally {
      await other.close();
    }
  });
});
