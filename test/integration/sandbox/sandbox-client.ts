/**
 * Small helpers for talking to a sandbox over real HTTP in tests: tokens, ZAKs, meetings,
 * signed joins, and a reader for presence event streams.
 */
import { request } from 'node:http';
import { signMeetingSdkJwt } from '../../../src/main/zoom/sdk-signature';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type { StartSandboxOptions } from '../../../src/main/sandbox/sandbox-server';

export interface Participant {
  participantId: string;
  displayName: string;
  avatarUrl: string | null;
  userId: string | null;
}

export interface JoinBody {
  signature: string;
  zak?: string | null;
  userName: string;
  passcode?: string;
}

/** Starts an audited sandbox on a free port. */
export const start = (options: StartSandboxOptions = {}): Promise<RunningSandbox> =>
  startSandbox({ port: 0, audit: true, ...options });

/** A JSON request; returns status, headers and the parsed body (null when empty). */
export async function call<T = unknown>(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: T }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : null) as T,
  };
}

/** A raw reply: status, headers, and the body parsed as JSON (null when empty). */
export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A request with any method, path and headers at all (fetch will not let a test set Host). */
export function rawCall(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawReply> {
  const { port } = new URL(sandbox.url);
  // Node sends a DELETE's body with neither length nor chunking unless told its length.
  const length: Record<string, string> =
    body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
  const all = { ...length, ...headers };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: all }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text ? (JSON.parse(text) as unknown) : null,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Basic auth header for the demo account's S2S app. */
export const basicAuth = (sandbox: RunningSandbox, secret = sandbox.account.clientSecret): string =>
  `Basic ${Buffer.from(`${sandbox.account.clientId}:${secret}`).toString('base64')}`;

/** A fresh access token for the demo account. */
export async function accessToken(sandbox: RunningSandbox): Promise<string> {
  const { account } = sandbox;
  const response = await fetch(
    `${sandbox.url}/oauth/token?grant_type=account_credentials&account_id=${account.accountId}`,
    { method: 'POST', headers: { Authorization: basicAuth(sandbox) } },
  );
  if (response.status !== 200) throw new Error(`token: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A fresh ZAK for the demo user (or `userId`). */
export async function mintZak(
  sandbox: RunningSandbox,
  token: string,
  options: { userId?: string; ttl?: number } = {},
): Promise<string> {
  const ttl = options.ttl === undefined ? '' : `&ttl=${options.ttl}`;
  const userId = options.userId ?? sandbox.account.userId;
  const { status, body } = await call<{ token: string }>(
    sandbox,
    'GET',
    `/v2/users/${userId}/token?type=zak${ttl}`,
    { token },
  );
  if (status !== 200) throw new Error(`zak: ${status}`);
  return body.token;
}

/** Creates a meeting; `requireAuth` defaults to true. */
export async function createMeeting(
  sandbox: RunningSandbox,
  options: {
    requireAuth?: boolean;
    passcode?: string;
    waitingRoom?: boolean;
    chatDisabled?: boolean;
    allowRename?: boolean;
  } = {},
): Promise<{ meetingNumber: string; passcode: string }> {
  const { status, body } = await call<{ meetingNumber: string; passcode: string }>(
    sandbox,
    'POST',
    '/sandbox/meetings',
    { body: { ...options, requireAuth: options.requireAuth ?? true } },
  );
  if (status !== 201) throw new Error(`create meeting: ${status}`);
  return body;
}

/** The sandbox's current time in epoch ms. */
export async function sandboxNow(sandbox: RunningSandbox): Promise<number> {
  return (await call<{ now: number }>(sandbox, 'GET', '/sandbox/clock')).body.now;
}

/** Moves sandbox time forward. */
export async function advanceClock(sandbox: RunningSandbox, seconds: number): Promise<number> {
  const { status, body } = await call<{ now: number }>(sandbox, 'POST', '/sandbox/clock', {
    body: { advanceSeconds: seconds },
  });
  if (status !== 200) throw new Error(`clock: ${status}`);
  return body.now;
}

/** A join signature signed with the demo account's SDK credentials, at sandbox time. */
export async function sign(
  sandbox: RunningSandbox,
  meetingNumber: string,
  options: { issuedAt?: number; role?: 0 | 1; sdkSecret?: string; lifetimeSeconds?: number } = {},
): Promise<string> {
  return signMeetingSdkJwt({
    sdkKey: sandbox.account.sdkKey,
    sdkSecret: options.sdkSecret ?? sandbox.account.sdkSecret,
    meetingNumber,
    role: options.role ?? 0,
    issuedAt: options.issuedAt ?? Math.floor((await sandboxNow(sandbox)) / 1000),
    lifetimeSeconds: options.lifetimeSeconds,
  });
}

/** `POST /sandbox/meetings/{n}/join`. */
export const join = (sandbox: RunningSandbox, meetingNumber: string, body: JoinBody) =>
  call<Participant & { errorCode?: number; message?: string }>(
    sandbox,
    'POST',
    `/sandbox/meetings/${meetingNumber}/join`,
    { body },
  );

/** Everything needed for one authenticated join of the demo user. */
export async function joinAsDemo(
  sandbox: RunningSandbox,
  meeting: { meetingNumber: string; passcode: string },
  userName: string,
  zak?: string,
): Promise<Participant> {
  const ticket = zak ?? (await mintZak(sandbox, await accessToken(sandbox)));
  const { status, body } = await join(sandbox, meeting.meetingNumber, {
    signature: await sign(sandbox, meeting.meetingNumber),
    zak: ticket,
    userName,
    passcode: meeting.passcode,
  });
  if (status !== 200) throw new Error(`join: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** The participant list of a meeting. */
export async function participants(
  sandbox: RunningSandbox,
  meetingNumber: string,
): Promise<Participant[]> {
  const { status, body } = await call<Participant[]>(
    sandbox,
    'GET',
    `/sandbox/meetings/${meetingNumber}/participants`,
  );
  if (status !== 200) throw new Error(`participants: ${status}`);
  return body;
}

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

/** A presence stream read through fetch's body reader. */
export interface EventStream {
  status: number;
  headers: Headers;
  /** The next event, or null when the stream ended cleanly; rejects when it broke. */
  next(): Promise<ServerSentEvent | null>;
  abort(): void;
}

/** Opens `GET /sandbox/meetings/{n}/participants/{id}/events`. */
export async function openEvents(
  sandbox: RunningSandbox,
  meetingNumber: string,
  participantId: string,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(
    `${sandbox.url}/sandbox/meetings/${meetingNumber}/participants/${participantId}/events`,
    { signal: controller.signal, headers },
  );
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    status: response.status,
    headers: response.headers,
    abort: () => controller.abort(),
    async next() {
      for (;;) {
        const boundary = buffer.indexOf('\n\n');
        if (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const lines = block.split('\n').filter((line) => !line.startsWith(':'));
          if (lines.length === 0) continue;
          const field = (name: string) =>
            lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          const data = field('data');
          return { event: field('event') ?? 'message', data: data ? JSON.parse(data) : null };
        }
        if (!reader) return null;
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
  };
}
