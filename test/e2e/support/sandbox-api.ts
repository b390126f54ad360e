/** What a test asks the sandbox directly, over plain HTTP, to check what Botdeck did. */

export interface SandboxLine {
  url: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
  sdkKey: string;
  sdkSecret: string;
  userId: string;
}

export interface Participant {
  participantId: string;
  displayName: string;
  avatarUrl: string | null;
  userId: string | null;
}

export interface Audit {
  accessTokens: string[];
  zaks: { token: string; userId: string }[];
  joins: { meetingNumber: string; userName: string; zak: string; participantId: string | null }[];
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok)
    throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export function sandboxApi(sandbox: SandboxLine) {
  const post = (path: string, body: unknown) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    createMeeting: async (passcode?: string) =>
      json<{ meetingNumber: string; passcode: string }>(
        await post('/sandbox/meetings', { requireAuth: true, passcode }),
      ),
    participants: async (meetingNumber: string) =>
      json<Participant[]>(
        await fetch(`${sandbox.url}/sandbox/meetings/${meetingNumber}/participants`),
      ),
    audit: async () => json<Audit>(await fetch(`${sandbox.url}/sandbox/audit`)),
    /** Slows every ZAK the sandbox mints by `latencyMs`; null takes the slowdown away. */
    setZakLatency: async (latencyMs: number | null): Promise<void> => {
      const response =
        latencyMs === null
          ? await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' })
          : await post('/sandbox/faults', { target: 'zak', latencyMs, fraction: 1 });
      if (!response.ok) throw new Error(`/sandbox/faults answered ${response.status}`);
    },
    /** The demo user's profile picture, read through Zoom's REST API like any client would. */
    demoAvatarUrl: async () => {
      const basic = Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64');
      const token = await json<{ access_token: string }>(
        await fetch(
          `${sandbox.url}/oauth/token?grant_type=account_credentials&account_id=${sandbox.accountId}`,
          { method: 'POST', headers: { Authorization: `Basic ${basic}` } },
        ),
      );
      const user = await json<{ pic_url: string }>(
        await fetch(`${sandbox.url}/v2/users/${sandbox.userId}`, {
          headers: { Authorization: `Bearer ${token.access_token}` },
        }),
      );
      return user.pic_url;
    },
  };
}
