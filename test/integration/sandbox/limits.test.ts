/**
 * The sandbox's caps: each one, set small, answers a clear 429 in its route family's shape when
 * hit and makes room again the way its message says; the defaults hold a 1,000-bot meeting.
 */
import { describe, expect, it } from 'vitest';
import type { RunningSandbox, StartSandboxOptions } from '../../../src/main/sandbox/sandbox-server';
import {
  accessToken,
  advanceClock,
  basicAuth,
  call,
  createMeeting,
  join,
  joinAsDemo,
  mintZak,
  sign,
  start,
  joinWithZak,
} from '../../support/sandbox-client';

async function withSandbox(
  limits: StartSandboxOptions['limits'],
  body: (sandbox: RunningSandbox) => Promise<void>,
  options: StartSandboxOptions = {},
): Promise<void> {
  const sandbox = await start({ limits, ...options });
  try {
    await body(sandbox);
  } finally {
    await sandbox.close();
  }
}

const tokenRequest = (sandbox: RunningSandbox) =>
  fetch(
    `${sandbox.url}/oauth/token?grant_type=account_credentials&account_id=${sandbox.account.accountId}`,
    { method: 'POST', headers: { Authorization: basicAuth(sandbox) } },
  );

describe('sandbox caps', () => {
  it('live meetings: a 429 past the cap, room again once one ends', async () => {
    await withSandbox({ liveMeetings: 2 }, async (sandbox) => {
      const first = await createMeeting(sandbox);
      await createMeeting(sandbox);
      const refused = await call(sandbox, 'POST', '/sandbox/meetings', { body: {} });
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({
        errorCode: 200,
        message: expect.stringMatching(/at most 2 live meetings; end some/),
      });
      expect(
        (await call(sandbox, 'DELETE', `/sandbox/meetings/${first.meetingNumber}`)).status,
      ).toBe(204);
      await createMeeting(sandbox);
    });
  });

  it('people per meeting: the next joiner hears the meeting is full (4005)', async () => {
    await withSandbox({ participantsPerMeeting: 2 }, async (sandbox) => {
      const meeting = await createMeeting(sandbox, { waitingRoom: true });
      const zak = await mintZak(sandbox, await accessToken(sandbox));
      await joinAsDemo(sandbox, meeting, 'Bot 1', zak);
      const second = await joinAsDemo(sandbox, meeting, 'Bot 2', zak);
      const body = {
        signature: await sign(sandbox, meeting.meetingNumber),
        zak,
        userName: 'Bot 3',
        passcode: meeting.passcode,
      };
      const full = await join(sandbox, meeting.meetingNumber, body);
      expect(full.status).toBe(429);
      expect(full.body).toMatchObject({ errorCode: 4005, message: expect.stringMatching(/full/) });
      const path = `/sandbox/meetings/${meeting.meetingNumber}/participants/${second.participantId}/leave`;
      expect((await call(sandbox, 'POST', path)).status).toBe(204);
      expect((await join(sandbox, meeting.meetingNumber, body)).status).toBe(200);
    });
  });

  it('people in all meetings together, freed when a meeting ends', async () => {
    await withSandbox({ participantsTotal: 2 }, async (sandbox) => {
      const zak = await mintZak(sandbox, await accessToken(sandbox));
      const a = await createMeeting(sandbox);
      const b = await createMeeting(sandbox);
      await joinAsDemo(sandbox, a, 'Bot 1', zak);
      await joinAsDemo(sandbox, a, 'Bot 2', zak);
      const refused = await joinWithZak(sandbox, b, 'Bot 3', zak);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({
        errorCode: 4005,
        message: expect.stringMatching(/sandbox is full/),
      });
      await call(sandbox, 'DELETE', `/sandbox/meetings/${a.meetingNumber}`);
      await joinAsDemo(sandbox, b, 'Bot 3', zak);
    });
  });

  it('live ZAKs: a Zoom-shaped 429, room again once they expire', async () => {
    await withSandbox({ liveUserTokens: 2 }, async (sandbox) => {
      const token = await accessToken(sandbox);
      await mintZak(sandbox, token, { ttl: 60 });
      await mintZak(sandbox, token, { ttl: 60 });
      const refused = await call(sandbox, 'GET', `/v2/users/me/token?type=zak&ttl=60`, { token });
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({
        code: 429,
        message: expect.stringMatching(/at most 2 live ZAKs/),
      });
      await advanceClock(sandbox, 61);
      await mintZak(sandbox, await accessToken(sandbox), { ttl: 60 });
    });
  });

  it('live access tokens: an OAuth-shaped 429, room again an hour later', async () => {
    await withSandbox({ liveAccessTokens: 1 }, async (sandbox) => {
      expect((await tokenRequest(sandbox)).status).toBe(200);
      const refused = await tokenRequest(sandbox);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({
        error: 'invalid_request',
        reason: expect.stringMatching(/at most 1 live access tokens/),
      });
      await advanceClock(sandbox, 3600);
      expect((await tokenRequest(sandbox)).status).toBe(200);
    });
  });

  it('fault rules and users; allowed origins forget the oldest', async () => {
    await withSandbox({ faultRules: 1, users: 1, allowedOrigins: 1 }, async (sandbox) => {
      const rule = { target: 'zak', status: 500, count: 5 };
      expect((await call(sandbox, 'POST', '/sandbox/faults', { body: rule })).status).toBe(201);
      const faults = await call(sandbox, 'POST', '/sandbox/faults', { body: rule });
      expect(faults.status).toBe(429);
      expect(faults.body).toMatchObject({
        message: expect.stringMatching(/DELETE \/sandbox\/faults/),
      });
      await call(sandbox, 'DELETE', '/sandbox/faults');

      const user = await call(sandbox, 'POST', '/v2/users', {
        token: await accessToken(sandbox),
        body: { action: 'custCreate', user_info: { email: 'x@botdeck.example', type: 1 } },
      });
      expect(user.status).toBe(429);
      expect(user.body).toMatchObject({ code: 429 });

      const origin = await call(sandbox, 'POST', '/sandbox/allowed-origins', {
        body: { origin: 'http://127.0.0.1:4000' },
      });
      const again = await call(sandbox, 'POST', '/sandbox/allowed-origins', {
        body: { origin: 'http://127.0.0.1:4001' },
      });
      // The host's own origin stays; of those registered, only the newest.
      expect(origin.body).toEqual({ allowedOrigins: ['app://botdeck', 'http://127.0.0.1:4000'] });
      expect(again.body).toEqual({ allowedOrigins: ['app://botdeck', 'http://127.0.0.1:4001'] });
    });
  });

  it('the audit keeps the newest join attempts only', async () => {
    await withSandbox({ auditJoins: 2 }, async (sandbox) => {
      const meeting = await createMeeting(sandbox);
      const zak = await mintZak(sandbox, await accessToken(sandbox));
      for (const name of ['Bot 1', 'Bot 2', 'Bot 3']) await joinAsDemo(sandbox, meeting, name, zak);
      const audit = await call<{ joins: { userName: string }[] }>(sandbox, 'GET', '/sandbox/audit');
      expect(audit.body.joins.map((j) => j.userName)).toEqual(['Bot 2', 'Bot 3']);
    });
  });

  it('chat: a meeting keeps its newest lines; all meetings a 429 until one ends', async () => {
    await withSandbox({ chatLinesPerMeeting: 2, chatLinesTotal: 3 }, async (sandbox) => {
      const zak = await mintZak(sandbox, await accessToken(sandbox));
      const [a, b] = [await createMeeting(sandbox), await createMeeting(sandbox)];
      const say = async (meeting: typeof a, participantId: string, text: string) =>
        (
          await call(
            sandbox,
            'POST',
            `/sandbox/meetings/${meeting.meetingNumber}/participants/${participantId}/chat`,
            { body: { text } },
          )
        ).status;
      const inA = await joinAsDemo(sandbox, a, 'Bot A', zak);
      const inB = await joinAsDemo(sandbox, b, 'Bot B', zak);
      for (const text of ['1', '2', '3']) expect(await say(a, inA.participantId, text)).toBe(201);
      const log = await call<{ text: string }[]>(
        sandbox,
        'GET',
        `/sandbox/meetings/${a.meetingNumber}/chat`,
      );
      expect(log.body.map((line) => line.text)).toEqual(['2', '3']);
      expect(await say(b, inB.participantId, 'b1')).toBe(201);
      const full = await call(
        sandbox,
        'POST',
        `/sandbox/meetings/${b.meetingNumber}/participants/${inB.participantId}/chat`,
        { body: { text: 'b2' } },
      );
      expect(full.status).toBe(429);
      expect(full.body).toEqual({
        errorCode: 200,
        message: expect.stringMatching(/at most 3 chat lines; end some meetings/),
      });
      await call(sandbox, 'DELETE', `/sandbox/meetings/${a.meetingNumber}`);
      expect(await say(b, inB.participantId, 'b2')).toBe(201);
    });
  });

  it('refuses a cap that is not a positive whole number', async () => {
    await expect(start({ limits: { liveMeetings: 0 } })).rejects.toThrow(/positive integer/);
  });

  it('holds a 1,000-bot meeting with the defaults', async () => {
    await withSandbox(
      undefined,
      async (sandbox) => {
        const meeting = await createMeeting(sandbox);
        const token = await accessToken(sandbox);
        const signature = await sign(sandbox, meeting.meetingNumber);
        const statuses: number[] = [];
        for (let batch = 0; batch < 10; batch += 1) {
          const joins = Array.from({ length: 100 }, async (_, i) => {
            const zak = await mintZak(sandbox, token);
            const reply = await join(sandbox, meeting.meetingNumber, {
              signature,
              zak,
              userName: `Bot ${batch * 100 + i + 1}`,
              passcode: meeting.passcode,
            });
            return reply.status;
          });
          statuses.push(...(await Promise.all(joins)));
        }
        expect(statuses.filter((status) => status !== 200)).toEqual([]);
      },
      { lightLimitPerSecond: 100_000 },
    );
  });
});
