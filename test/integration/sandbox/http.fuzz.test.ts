/**
 * Fuzzing the sandbox's HTTP routes: random methods (unknown ones included), paths built from
 * every route with real and random parameters, random paths, queries, Origins, Host headers,
 * credentials, content types and bodies. Nothing may answer 5xx or crash; every refusal is a 4xx
 * JSON error with words; a foreign Origin always gets 403 and a rebinding Host 421.
 */
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { fuzz } from '../../support/fuzz';
import {
  accessToken,
  basicAuth,
  call,
  createMeeting,
  joinAsDemo,
  start,
} from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let port: number;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
/** Real values for route parameters, refreshed as the fuzz ends meetings and kicks people. */
const live = { meetingNumber: '', participantId: '', token: '' };

async function refreshLive(): Promise<void> {
  await call(sandbox, 'DELETE', '/sandbox/faults');
  live.token = await accessToken(sandbox);
  const meeting = await createMeeting(sandbox, { requireAuth: false, passcode: '' });
  live.meetingNumber = meeting.meetingNumber;
  live.participantId = (await joinAsDemo(sandbox, meeting, 'Fuzz target')).participantId;
}

beforeAll(async () => {
  sandbox = await start({ lightLimitPerSecond: 100_000 });
  port = Number(new URL(sandbox.url).port);
  await refreshLive();
});
afterAll(async () => {
  agent.destroy();
  await sandbox.close();
});

/** Every route with its method; a case mostly keeps the method, sometimes swaps it. */
const ROUTES: [string, string][] = [
  ['POST', '/oauth/token'],
  ['POST', '/v2/users'],
  ['GET', '/v2/users'],
  ['GET', '/v2/users/:u'],
  ['GET', '/v2/users/:u/token'],
  ['POST', '/sandbox/meetings'],
  ['GET', '/sandbox/meetings/:m'],
  ['DELETE', '/sandbox/meetings/:m'],
  ['POST', '/sandbox/meetings/:m/join'],
  ['GET', '/sandbox/meetings/:m/participants'],
  ['GET', '/sandbox/meetings/:m/waiting-room'],
  ['DELETE', '/sandbox/meetings/:m/participants/:p'],
  ['POST', '/sandbox/meetings/:m/participants/:p/admit'],
  ['POST', '/sandbox/meetings/:m/participants/:p/leave'],
  ['POST', '/sandbox/meetings/:m/participants/:p/drop'],
  ['GET', '/sandbox/meetings/:m/participants/:p/events'],
  ['POST', '/sandbox/meetings/:m/participants/:p/chat'],
  ['POST', '/sandbox/meetings/:m/participants/:p/rename'],
  ['GET', '/sandbox/meetings/:m/chat'],
  ['POST', '/sandbox/users/:u/signout-all'],
  ['GET', '/sandbox/clock'],
  ['POST', '/sandbox/clock'],
  ['GET', '/sandbox/audit'],
  ['GET', '/sandbox/allowed-origins'],
  ['POST', '/sandbox/allowed-origins'],
  ['GET', '/sandbox/faults'],
  ['POST', '/sandbox/faults'],
  ['DELETE', '/sandbox/faults'],
  ['POST', '/sandbox/faults/meetings/:m/participants/:p/drop'],
  ['POST', '/sandbox/faults/meetings/:m/participants/:p/kick'],
  ['POST', '/sandbox/faults/meetings/:m/drop-all'],
  ['POST', '/sandbox/faults/meetings/:m/end'],
  ['POST', '/sandbox/faults/users/:u/signout-all'],
  ['GET', '/avatars/:a'],
];

const PRINTABLE = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 30,
});
const segment = (real: () => string) =>
  fc.oneof(
    { arbitrary: fc.constant(null).map(real), weight: 3 },
    { arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent), weight: 1 },
    { arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', 'me', '..', '.', '%2F'), weight: 1 },
  );

const anyMethod = fc.oneof(
  {
    arbitrary: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD'),
    weight: 8,
  },
  { arbitrary: fc.constantFrom('FOO', 'PROPFIND', 'PURGE', 'M-SEARCH', 'TRACE'), weight: 1 },
);

const routeTarget = fc
  .record({
    route: fc.constantFrom(...ROUTES),
    swap: fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: anyMethod, weight: 1 },
    ),
    m: segment(() => live.meetingNumber),
    p: segment(() => live.participantId),
    u: segment(() => sandbox.account.userId),
    a: segment(() => `${sandbox.account.userId}.svg`),
  })
  .map(({ route: [method, template], swap, ...params }) => ({
    method: swap ?? method,
    path: template.replace(/:([mpua])/g, (_, name: 'm' | 'p' | 'u' | 'a') => params[name]),
  }));

const randomTarget = fc.record({ method: anyMethod, path: PRINTABLE.map((p) => `/${p}`) });

const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(
      fc.constantFrom(
        'type',
        'ttl',
        'grant_type',
        'account_id',
        'status',
        'page_size',
        'page_number',
        'next_page_token',
        'role_id',
        'x',
      ),
      fc.oneof(
        fc.constantFrom('zak', 'token', 'account_credentials', '60', '-1', '1e9', 'pending', '0'),
        fc.string({ maxLength: 10 }),
      ),
    )
    .map((q) => `?${new URLSearchParams(q).toString()}`),
  PRINTABLE.map((q) => `?${q}`),
);

const FIELDS = [
  'requireAuth',
  'waitingRoom',
  'chatDisabled',
  'allowRename',
  'text',
  'displayName',
  'passcode',
  'signature',
  'zak',
  'userName',
  'advanceSeconds',
  'target',
  'status',
  'count',
  'fraction',
  'latencyMs',
  'retryAfter',
  'origin',
  'action',
  'user_info',
  'grant_type',
  'account_id',
];
const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('oauth', 'user', 'zak', 'join', 'custCreate', 'app://botdeck', 'a@b.example'),
  // Chat texts and names: line breaks, controls, emoji, the 1,024-character edge.
  fc.constantFrom('hello', ' ', 'a\nb', '\u0000', 'tab\there', '😀'.repeat(1024), 'x'.repeat(1025)),
  fc.integer({ min: -10, max: 700 }),
  fc.boolean(),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc
    .dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 5 })
    .map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ''),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 60 }),
);

// Node's client upper-cases methods, so only FOO is one the server's parser does not know.
const UNPARSABLE_METHODS = new Set(['FOO']);

const requests = fc.record({
  target: fc.oneof({ arbitrary: routeTarget, weight: 5 }, { arbitrary: randomTarget, weight: 1 }),
  query,
  origin: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 6 },
    { arbitrary: fc.constant('app://botdeck'), weight: 1 },
    { arbitrary: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1:1'), weight: 1 },
  ),
  rebinding: fc.oneof(
    { arbitrary: fc.constant(false), weight: 9 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
  contentType: fc.constantFrom(
    undefined,
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ),
  auth: fc.constantFrom('none', 'bearer', 'bad-bearer', 'basic', 'bad-basic'),
  body,
});

interface Reply {
  status: number;
  type: string;
  text: string;
}

type FuzzRequest = typeof requests extends fc.Arbitrary<infer R> ? R : never;

function send(r: FuzzRequest): Promise<Reply> {
  const headers: Record<string, string> = {
    Host: r.rebinding ? `evil.example:${port}` : `127.0.0.1:${port}`,
  };
  if (r.origin) headers.Origin = r.origin;
  if (r.contentType) headers['Content-Type'] = r.contentType;
  if (r.auth === 'bearer') headers.Authorization = `Bearer ${live.token}`;
  if (r.auth === 'bad-bearer') headers.Authorization = 'Bearer nope';
  if (r.auth === 'basic') headers.Authorization = basicAuth(sandbox);
  if (r.auth === 'bad-basic') headers.Authorization = 'Basic Og==';
  if (r.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(r.body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: r.target.method,
        path: `${r.target.path}${r.query}`,
        headers,
      },
      (res) => {
        const type = String(res.headers['content-type'] ?? '');
        if (type.startsWith('text/event-stream')) {
          // A presence stream never ends by itself: its opening is the answer.
          res.destroy();
          resolve({ status: res.statusCode ?? 0, type, text: '' });
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type, text }));
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

describe('sandbox HTTP routes under fuzzing', () => {
  it('answer every request below 500, refusing with 4xx JSON errors (10,000 cases)', async () => {
    let cases = 0;
    const statuses = new Map<number, number>();
    await fuzz('sandbox HTTP requests', requests, async (r) => {
      cases += 1;
      const reply = await send(r);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      const { method, path } = r.target;
      const what = `${method} ${path}${r.query} origin=${r.origin} → ${reply.status} ${reply.text.slice(0, 200)}`;
      expect(reply.status, what).toBeGreaterThanOrEqual(200);
      expect(reply.status, what).toBeLessThan(500);
      // Node cannot parse a request with a method it does not know: no route ever runs.
      if (UNPARSABLE_METHODS.has(method)) expect(reply.status, what).toBe(400);
      else if (r.rebinding) expect(reply.status, what).toBe(421);
      else if (r.origin && r.origin !== 'app://botdeck') expect(reply.status, what).toBe(403);
      if (reply.status >= 400 && method !== 'HEAD') {
        expect(reply.type, what).toMatch(/^application\/json/);
        const parsed = JSON.parse(reply.text) as Record<string, unknown>;
        expect(typeof (parsed.message ?? parsed.reason), what).toBe('string');
      }
      if (path === '/sandbox/faults' && reply.status === 201) {
        // A latency fault would slow every later case down; the rule was accepted, that is all.
        await call(sandbox, 'DELETE', '/sandbox/faults');
      }
      if (cases % 500 === 0) await refreshLive();
    });
    console.warn('[fuzz] sandbox statuses', Object.fromEntries(statuses));
    // Past the caller checks and schemas into the handlers, not only refusals.
    const succeeded = [...statuses].filter(([status]) => status < 300);
    expect(succeeded.reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(1_000);
    // Still serving after all of it.
    expect((await call(sandbox, 'GET', '/sandbox/clock')).status).toBe(200);
  }, 180_000);
});
