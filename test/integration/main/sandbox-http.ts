/**
 * Helpers for the main-services integration tests: JSON calls to a running sandbox, its audit,
 * fault injection, and the sandbox demo account shaped as Botdeck's `AccountConfig`.
 */
import type { AccountConfig } from '../../../src/main/accounts/account-config';
import { sandboxAccountConfig } from '../../../src/main/modes/sandbox-account';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';

export interface Participant {
  participantId: string;
  displayName: string;
  avatarUrl: string | null;
  userId: string | null;
}

export interface Audit {
  oauthRequests: number;
  accessTokens: string[];
  zaks: { token: string; userId: string; mintedAt: number; ttl: number }[];
  joins: {
    meetingNumber: string;
    userName: string;
    zak: string | null;
    participantId: string | null;
    errorCode: number | null;
    at: number;
  }[];
}

export async function sandboxCall<T>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export const audit = async (sandbox: RunningSandbox): Promise<Audit> =>
  (await sandboxCall<Audit>(sandbox.url, 'GET', '/sandbox/audit')).body;

export async function createMeeting(
  sandbox: RunningSandbox,
  options: { chatDisabled?: boolean; allowRename?: boolean } = {},
): Promise<{ meetingNumber: string; passcode: string }> {
  const { status, body } = await sandboxCall<{ meetingNumber: string; passcode: string }>(
    sandbox.url,
    'POST',
    '/sandbox/meetings',
    { requireAuth: true, ...options },
  );
  if (status !== 201) throw new Error(`Could not create a sandbox meeting: ${status}`);
  return body;
}

export async function participants(
  sandbox: RunningSandbox,
  meetingNumber: string,
): Promise<Participant[]> {
  return (
    await sandboxCall<Participant[]>(
      sandbox.url,
      'GET',
      `/sandbox/meetings/${meetingNumber}/participants`,
    )
  ).body;
}

export interface FaultRule {
  target: 'oauth' | 'user' | 'zak' | 'join';
  status?: number;
  count?: number;
  fraction?: number;
  latencyMs?: number;
  retryAfter?: string;
}

export async function addFault(sandbox: RunningSandbox, rule: FaultRule): Promise<void> {
  const { status } = await sandboxCall(sandbox.url, 'POST', '/sandbox/faults', rule);
  if (status !== 201) throw new Error(`Could not add a sandbox fault: ${status}`);
}

export async function advanceClock(sandbox: RunningSandbox, seconds: number): Promise<void> {
  await sandboxCall(sandbox.url, 'POST', '/sandbox/clock', { advanceSeconds: seconds });
}

/** The sandbox's demo account as Botdeck holds an account (the same config the hosts build). */
export function sandboxAccount(
  sandbox: RunningSandbox,
  overrides: Partial<AccountConfig> = {},
): AccountConfig {
  return { ...sandboxAccountConfig(sandbox), ...overrides };
}

/** What was said in a meeting's chat, oldest first, as `who: text`. */
export async function chatLog(sandbox: RunningSandbox, meetingNumber: string): Promise<string[]> {
  const { body } = await sandboxCall<{ displayName: string; text: string }[]>(
    sandbox.url,
    'GET',
    `/sandbox/meetings/${meetingNumber}/chat`,
  );
  return body.map((line) => `${line.displayName}: ${line.text}`);
}
