/**
 * Fuzzing the web host's dashboard WebSocket with what a broken or hostile client could send:
 * random binary frames, random text, random JSON, near-miss frames and well-formed frames of
 * every channel (known or not) with random payloads, against the real web server and a real
 * Botdeck. The protocol stays as it is: a frame the contract's frame schema refuses closes that
 * socket with 1008; a well-formed frame gets its response (an unknown channel's is a refusal
 * result, the socket stays open); and the host keeps serving everyone else throughout.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { silentLogger } from '../../../src/main/log/logger';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { startWebServer, type RunningWebServer } from '../../../src/main/web/web-server';
import { WebRequestFrameSchema } from '../../../src/shared/ipc-contract';
import { fuzz } from '../../support/fuzz';
import { startFleet, type FleetKit } from '../main/fleet-test-kit';
import { dashboardCall } from '../main/ipc-arbitraries';
import { createMeeting } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let kit: FleetKit;
let server: RunningWebServer;
let cookie: string;
let meetingNumber: string;

function rendererFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'botdeck-renderer-'));
  mkdirSync(join(dir, 'bot'));
  writeFileSync(join(dir, 'bot', 'index.html'), '<!doctype html><title>Bot</title>');
  return dir;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, lightLimitPerSecond: 100_000 });
  kit = await startFleet(sandbox, { joinTimeoutMs: 5_000 });
  meetingNumber = (await createMeeting(sandbox)).meetingNumber;
  server = await startWebServer({ rendererDir: rendererFixture(), logger: silentLogger });
  server.attach(kit.botdeck);
  const response = await fetch(server.launchUrl, { redirect: 'manual' });
  cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => {
  await server.close();
  await kit.botdeck.dispose();
  await sandbox.close();
});

function openSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.origin.replace('http', 'ws')}/ipc`, {
      headers: { Cookie: cookie, Origin: server.origin },
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

type Outcome = { kind: 'closed'; code: number } | { kind: 'response'; frame: unknown };

/** Sends one frame and waits for its response, or for the socket to be closed. */
function exchange(
  socket: WebSocket,
  data: string | Uint8Array,
  id: unknown,
  binary = typeof data !== 'string',
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no response and no close in 10 s')), 10_000);
    const onMessage = (raw: Buffer) => {
      const frame = JSON.parse(raw.toString()) as { type?: string; id?: unknown };
      // bots:changed events arrive on every socket; only this frame's response settles it.
      if (frame.type !== 'response' || frame.id !== id) return;
      done({ kind: 'response', frame });
    };
    const onClose = (code: number) => done({ kind: 'closed', code });
    function done(outcome: Outcome): void {
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('close', onClose);
      resolve(outcome);
    }
    socket.on('message', onMessage);
    socket.on('close', onClose);
    socket.send(data, { binary });
  });
}

/** The bytes as text when they are UTF-8, else null. */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const parsedOrNull = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

describe('dashboard WebSocket under fuzzing', () => {
  it('closes malformed frames with 1008, answers well-formed ones, keeps serving (10,000 cases)', async () => {
    const targets = { meetingNumber, botIds: () => [] };
    const wellFormed = fc
      .tuple(fc.nat(), dashboardCall(targets))
      .map(([id, call]) => JSON.stringify({ id, ...call }));
    const nearMiss = fc
      .record(
        {
          id: fc.oneof(
            fc.integer({ min: -3, max: 3 }),
            fc.double(),
            fc.string(),
            fc.constant(null),
          ),
          channel: fc.oneof(fc.string({ maxLength: 70 }), fc.integer(), fc.constant(null)),
          payload: fc.jsonValue({ maxDepth: 2 }),
          type: fc.string({ maxLength: 10 }),
        },
        { requiredKeys: [] },
      )
      .map((frame) => JSON.stringify(frame));
    const frame = fc.oneof(
      // Random bytes, sent as a binary frame or as a text frame (mostly not UTF-8).
      {
        arbitrary: fc.record({ bytes: fc.uint8Array({ maxLength: 256 }), asText: fc.boolean() }),
        weight: 2,
      },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 256 }), weight: 1 },
      { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ''), weight: 1 },
      { arbitrary: nearMiss, weight: 2 },
      { arbitrary: wellFormed, weight: 5 },
    );
    const witness = await openSocket();
    let socket = await openSocket();
    let cases = 0;
    let answered = 0;
    await fuzz('dashboard WebSocket frames', frame, async (data) => {
      cases += 1;
      if (socket.readyState !== WebSocket.OPEN) socket = await openSocket();
      const text = typeof data === 'string' ? data : data.asText ? utf8(data.bytes) : null;
      const request = text === null ? null : WebRequestFrameSchema.safeParse(parsedOrNull(text));
      const id = request?.success ? request.data.id : undefined;
      const outcome =
        typeof data === 'string'
          ? await exchange(socket, data, id)
          : await exchange(socket, data.bytes, id, !data.asText);
      if (request?.success) {
        expect(outcome).toMatchObject({ kind: 'response', frame: { id: request.data.id } });
        const { result } = (outcome as { frame: { result: { ok: boolean } } }).frame;
        expect(typeof result.ok).toBe('boolean');
        answered += 1;
      } else if (typeof data !== 'string' && data.asText && text === null) {
        // Not UTF-8 in a text frame: a protocol error ws answers with RFC 6455's 1007.
        expect(outcome).toEqual({ kind: 'closed', code: 1007 });
      } else {
        expect(outcome).toEqual({ kind: 'closed', code: 1008 });
      }
      if (cases % 1_000 === 0) {
        const check = await exchange(witness, '{"id":1,"channel":"app:snapshot","payload":{}}', 1);
        expect(check).toMatchObject({ kind: 'response', frame: { result: { ok: true } } });
      }
    });
    expect(answered).toBeGreaterThan(2_000);
    expect(witness.readyState).toBe(WebSocket.OPEN);
    expect((await fetch(`${server.origin}/bot/index.html`)).status).toBe(200);
    witness.close();
    socket.close();
  }, 180_000);

  // Regressions: the server-side socket had no 'error' listener, so ws's protocol errors (a
  // text frame that is not UTF-8, a frame over the size limit) were thrown as uncaught
  // exceptions, which takes a web host process down with every dashboard on it.
  it('a text frame that is not UTF-8 closes with 1007 and the host keeps serving', async () => {
    const socket = await openSocket();
    const outcome = await exchange(socket, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), undefined, false);
    expect(outcome).toEqual({ kind: 'closed', code: 1007 });
    await expectStillServing();
  });

  it('a frame over 1 MiB closes with 1009 and the host keeps serving', async () => {
    const socket = await openSocket();
    const outcome = await exchange(socket, 'x'.repeat(1024 * 1024 + 1), undefined);
    expect(outcome).toEqual({ kind: 'closed', code: 1009 });
    await expectStillServing();
  });
});

async function expectStillServing(): Promise<void> {
  const other = await openSocket();
  const reply = await exchange(other, '{"id":2,"channel":"app:snapshot","payload":{}}', 2);
  expect(reply).toMatchObject({ kind: 'response', frame: { result: { ok: true } } });
  other.close();
}
