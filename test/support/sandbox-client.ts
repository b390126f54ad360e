/**
 * The one test client of the embedded sandbox, over its public HTTP routes and typed with the
 * sandbox's own types: tokens, ZAKs, meetings, signed joins, participants, the audit, faults,
 * the clock and the host's actions. The sandbox integration tests, the fleet integration tests,
 * the shell tests and the end-to-end tests (against a sandbox started from its command line)
 * all use it. Presence streams are read by `sandbox-events.ts`.
 */
import { request } from 'node:http';
import type { z } from 'zod';
import type { SandboxAccount } from '../../src/main/sandbox/account-directory';
import type { AuditSnapshot, JoinRecord } from '../../src/main/sandbox/audit-log';
import type { FaultRuleSchema } from '../../src/main/sandbox/fault-injector';
import type { ChatLine, ParticipantView } from '../../src/main/sandbox/meeting-model';
import {
  startSandbox,
  type RunningSandbox,
  type StartSandboxOptions,
} from '../../src/main/sandbox/sandbox-server';
import { signMeetingSdkJwt } from '../../src/main/zoom/sdk-signature';

/** Where a sandbox answers; every call needs only this. */
export interface SandboxEndpoint {
  url: string;
}

/** A sandbox and its demo account's credentials (a running one, or the one a CLI printed). */
export interface SandboxTarget extends SandboxEndpoint {
  account: Pick<
    SandboxAccount,
    'accountId' | 'clientId' | 'clientSecret' | 'sdkKey' | 'sdkSecret' | 'userId'
  >;
}

export type Participant = ParticipantView;
export type Audit = AuditSnapshot;
export type JoinAttempt = JoinRecord;
export type FaultRule = z.input<typeof FaultRuleSchema>;
export interface CreatedMeeting {
  meetingNumber: string;
  passcode: string;
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
  sandbox: SandboxEndpoint,
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
  sandbox: SandboxEndpoint,
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
export const basicAuth = (sandbox: SandboxTarget, secret = sandbox.account.clientSecret): string =>
  `Basic ${Buffer.from(`${sandbox.account.clientId}:${secret}`).toString('base64')}`;

/** A fresh access token for the demo account. */
export async function accessToken(sandbox: SandboxTarget): Promise<string> {
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
  sandbox: SandboxTarget,
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
  sandbox: SandboxEndpoint,
  options: {
    requireAuth?: boolean;
    passcode?: string;
    waitingRoom?: boolean;
    chatDisabled?: boolean;
    allowRename?: boolean;
  } = {},
): Promise<CreatedMeeting> {
  const { status, body } = await call<CreatedMeeting>(sandbox, 'POST', '/sandbox/meetings', {
    body: { ...options, requireAuth: options.requireAuth ?? true },
  });
  if (status !== 201) throw new Error(`create meeting: ${status}`);
  return body;
}

/** The sandbox's current time in epoch ms. */
export async function sandboxNow(sandbox: SandboxEndpoint): Promise<number> {
  return (await call<{ now: number }>(sandbox, 'GET', '/sandbox/clock')).body.now;
}

/** Moves sandbox time forward. */
export async function advanceClock(sandbox: SandboxEndpoint, seconds: number): Promise<number> {
  const { status, body } = await call<{ now: number }>(sandbox, 'POST', '/sandbox/clock', {
    body: { advanceSeconds: seconds },
  });
  if (status !== 200) throw new Error(`clock: ${status}`);
  return body.now;
}

/** A join signature signed with the demo account's SDK credentials, at sandbox time. */
export async function sign(
  sandbox: SandboxTarget,
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
export const join = (sandbox: SandboxEndpoint, meetingNumber: string, body: JoinBody) =>
  call<Participant & { errorCode?: number; message?: string }>(
    sandbox,
    'POST',
    `/sandbox/meetings/${meetingNumber}/join`,
    { body },
  );

/** One signed join of the demo user with `zak`, as a bot page sends it; the reply as it came. */
export async function joinWithZak(
  sandbox: SandboxTarget,
  meeting: { meetingNumber: string; passcode: string },
  userName: string,
  zak: string,
) {
  return join(sandbox, meeting.meetingNumber, {
    signature: await sign(sandbox, meeting.meetingNumber),
    zak,
    userName,
    passcode: meeting.passcode,
  });
}

/** Everything needed for one authenticated join of the demo user. */
export async function joinAsDemo(
  sandbox: SandboxTarget,
  meeting: { meetingNumber: string; passcode: string },
  userName: string,
  zak?: string,
): Promise<Participant> {
  const ticket = zak ?? (await mintZak(sandbox, await accessToken(sandbox)));
  const { status, body } = await joinWithZak(sandbox, meeting, userName, ticket);
  if (status !== 200) throw new Error(`join: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** The participant list of a meeting. */
export async function participants(
  sandbox: SandboxEndpoint,
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

/** What was said in a meeting's chat, oldest first. */
export async function chatLog(
  sandbox: SandboxEndpoint,
  meetingNumber: string,
): Promise<ChatLine[]> {
  const { status, body } = await call<ChatLine[]>(
    sandbox,
    'GET',
    `/sandbox/meetings/${meetingNumber}/chat`,
  );
  if (status !== 200) throw new Error(`chat: ${status}`);
  return body;
}

/** Everything the sandbox audited: tokens, ZAKs and join attempts (an audited sandbox only). */
export async function audit(sandbox: SandboxEndpoint): Promise<Audit> {
  const { status, body } = await call<Audit>(sandbox, 'GET', '/sandbox/audit');
  if (status !== 200) throw new Error(`audit: ${status}`);
  return body;
}

/** Join attempts the sandbox saw for one name in one meeting, in order. */
export async function joinsOf(
  sandbox: SandboxEndpoint,
  meetingNumber: string,
  name: string,
): Promise<JoinAttempt[]> {
  return (await audit(sandbox)).joins.filter(
    (attempt) => attempt.meetingNumber === meetingNumber && attempt.userName === name,
  );
}

/** Adds a fault rule (`POST /sandbox/faults`). */
export async function addFault(sandbox: SandboxEndpoint, rule: FaultRule): Promise<void> {
  const { status } = await call(sandbox, 'POST', '/sandbox/faults', { body: rule });
  if (status !== 201) throw new Error(`fault: ${status}`);
}

/**
 * A fault or host action under `/sandbox/faults` (cut or kick a participant, end a meeting,
 * "sign out of all devices"); throws unless the sandbox accepted it.
 */
export async function fault(sandbox: SandboxEndpoint, path: string, body?: unknown): Promise<void> {
  const { status } = await call(sandbox, 'POST', `/sandbox/faults${path}`, { body });
  if (status >= 300) throw new Error(`fault ${path}: ${status}`);
}

/** The participant id of the one participant with this name (throws if not exactly one). */
export async function participantIdOf(
  sandbox: SandboxEndpoint,
  meetingNumber: string,
  name: string,
): Promise<string> {
  const matches = (await participants(sandbox, meetingNumber)).filter(
    (person) => person.displayName === name,
  );
  const [only] = matches;
  if (!only || matches.length !== 1)
    throw new Error(`${matches.length} participants named ${name}`);
  return only.participantId;
}

/** Lets everyone waiting in; returns how many there were. */
export async function admitAll(sandbox: SandboxEndpoint, meetingNumber: string): Promise<number> {
  const base = `/sandbox/meetings/${meetingNumber}`;
  const waiting = await call<Participant[]>(sandbox, 'GET', `${base}/waiting-room`);
  for (const { participantId } of waiting.body) {
    const { status } = await call(sandbox, 'POST', `${base}/participants/${participantId}/admit`);
    if (status !== 204) throw new Error(`admit: ${status}`);
  }
  return waiting.body.length;
}

/** The demo user's profile picture, read through Zoom's REST API like any client would. */
export async function demoAvatarUrl(sandbox: SandboxTarget): Promise<string> {
  const token = await accessToken(sandbox);
  const { status, body } = await call<{ pic_url: string }>(
    sandbox,
    'GET',
    `/v2/users/${sandbox.account.userId}`,
    { token },
  );
  if (status !== 200) throw new Error(`user: ${status}`);
  return body.pic_url;
}

/** The client bound to one sandbox, for fixtures that hand their tests a single object. */
export function sandboxClient(sandbox: SandboxTarget) {
  const participantPath = async (meetingNumber: string, name: string): Promise<string> =>
    `/meetings/${meetingNumber}/participants/${await participantIdOf(sandbox, meetingNumber, name)}`;
  return {
    createMeeting: (options?: Parameters<typeof createMeeting>[1]) =>
      createMeeting(sandbox, options),
    participants: (meetingNumber: string) => participants(sandbox, meetingNumber),
    chatLog: (meetingNumber: string) => chatLog(sandbox, meetingNumber),
    /** Ends the meeting, as its host would: everyone in it goes. */
    end: (meetingNumber: string) => fault(sandbox, `/meetings/${meetingNumber}/end`),
    audit: () => audit(sandbox),
    joinsOf: (meetingNumber: string, name: string) => joinsOf(sandbox, meetingNumber, name),
    admitAll: (meetingNumber: string) => admitAll(sandbox, meetingNumber),
    demoAvatarUrl: () => demoAvatarUrl(sandbox),
    addFault: (rule: FaultRule) => addFault(sandbox, rule),
    /** Cuts the named participant's connection, as a network would. */
    drop: async (meetingNumber: string, name: string) =>
      fault(sandbox, `${await participantPath(meetingNumber, name)}/drop`),
    /** Removes the named participant, as the host would. */
    kick: async (meetingNumber: string, name: string) =>
      fault(sandbox, `${await participantPath(meetingNumber, name)}/kick`),
  };
}
export type SandboxClient = ReturnType<typeof sandboxClient>;
