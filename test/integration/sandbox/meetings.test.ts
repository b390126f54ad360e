import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import {
  accessToken,
  advanceClock,
  call,
  createMeeting,
  join,
  joinAsDemo,
  mintZak,
  participants,
  sandboxNow,
  sign,
  start,
  joinWithZak,
} from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await start();
});
// Some tests move sandbox time by an hour or more, which expires access tokens.
beforeEach(async () => {
  token = await accessToken(sandbox);
});
afterAll(() => sandbox.close());

/** An HS256 JWT with arbitrary claims, for signatures the product's signer refuses to make. */
function craftJwt(claims: Record<string, unknown>, secret: string): string {
  const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('meetings', () => {
  it('creates meetings with 11-digit numbers and a given or generated passcode', async () => {
    const generated = await createMeeting(sandbox);
    expect(generated.meetingNumber).toMatch(/^[1-9]\d{10}$/);
    expect(generated.passcode).toMatch(/^[A-Za-z0-9]{6}$/);
    const given = await createMeeting(sandbox, { passcode: 'abc123' });
    expect(given.passcode).toBe('abc123');
    expect(given.meetingNumber).not.toBe(generated.meetingNumber);
  });

  it('joins with the given name and the ZAK owner avatar, lists, leaves, kicks and ends', async () => {
    const meeting = await createMeeting(sandbox);
    const first = await joinAsDemo(sandbox, meeting, '  Note Taker 1  ');
    const second = await joinAsDemo(sandbox, meeting, 'Note Taker 2');
    const third = await joinAsDemo(sandbox, meeting, 'Note Taker 3');
    const profile = await call<{ pic_url: string }>(sandbox, 'GET', '/v2/users/me', { token });
    expect(first).toEqual({
      participantId: expect.any(String),
      displayName: 'Note Taker 1',
      avatarUrl: profile.body.pic_url,
      userId: sandbox.account.userId,
    });
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([first, second, third]);

    const base = `/sandbox/meetings/${meeting.meetingNumber}/participants`;
    expect((await call(sandbox, 'POST', `${base}/${first.participantId}/leave`)).status).toBe(204);
    expect((await call(sandbox, 'DELETE', `${base}/${second.participantId}`)).status).toBe(204);
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([third]);
    expect((await call(sandbox, 'DELETE', `${base}/${second.participantId}`)).status).toBe(404);
    expect((await call(sandbox, 'POST', `${base}/nobody/leave`)).status).toBe(404);

    expect(
      (await call(sandbox, 'DELETE', `/sandbox/meetings/${meeting.meetingNumber}`)).status,
    ).toBe(204);
    const list = await call(sandbox, 'GET', base);
    expect(list.status).toBe(404);
    expect(list.body).toMatchObject({ errorCode: 3001 });
  });

  it('admits guests to meetings that do not require sign-in', async () => {
    const meeting = await createMeeting(sandbox, { requireAuth: false });
    const { status, body } = await join(sandbox, meeting.meetingNumber, {
      signature: await sign(sandbox, meeting.meetingNumber),
      userName: 'Guest',
      passcode: meeting.passcode,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ displayName: 'Guest', avatarUrl: null, userId: null });
  });

  it('validates the display name: trimmed, 1 to 64 characters', async () => {
    const meeting = await createMeeting(sandbox);
    const zak = await mintZak(sandbox, token);
    for (const userName of ['   ', 'x'.repeat(65)]) {
      const { status, body } = await joinWithZak(sandbox, meeting, userName, zak);
      expect(status).toBe(400);
      expect(body.errorCode).toBe(200);
      expect(body.message).toMatch(/userName/);
    }
    expect((await joinAsDemo(sandbox, meeting, 'y'.repeat(64), zak)).displayName).toHaveLength(64);
  });
});

describe('join error codes, in the Web SDK order', () => {
  const attempt = async (
    meeting: { meetingNumber: string; passcode: string },
    overrides: { signature?: string; zak?: string | null; passcode?: string } = {},
  ) => {
    const { status, body } = await join(sandbox, meeting.meetingNumber, {
      signature: overrides.signature ?? (await sign(sandbox, meeting.meetingNumber)),
      zak: overrides.zak === undefined ? await mintZak(sandbox, token) : overrides.zak,
      userName: 'Probe',
      passcode: overrides.passcode ?? meeting.passcode,
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(typeof body.message).toBe('string');
    return body.errorCode;
  };

  it('3001 for an unknown or ended meeting', async () => {
    expect(await attempt({ meetingNumber: '81234567890', passcode: '' })).toBe(3001);
    const meeting = await createMeeting(sandbox);
    await call(sandbox, 'DELETE', `/sandbox/meetings/${meeting.meetingNumber}`);
    expect(await attempt(meeting)).toBe(3001);
  });

  it('3712 for a malformed signature, a bad HMAC or an unknown SDK key', async () => {
    const meeting = await createMeeting(sandbox);
    const now = Math.floor((await sandboxNow(sandbox)) / 1000);
    const claims = {
      appKey: sandbox.account.sdkKey,
      sdkKey: sandbox.account.sdkKey,
      mn: meeting.meetingNumber,
      role: 0,
      iat: now - 30,
      exp: now + 3600,
      tokenExp: now + 3600,
    };
    expect(await attempt(meeting, { signature: 'garbage' })).toBe(3712);
    expect(await attempt(meeting, { signature: '' })).toBe(3712);
    expect(
      await attempt(meeting, {
        signature: await sign(sandbox, meeting.meetingNumber, { sdkSecret: 'wrong' }),
      }),
    ).toBe(3712);
    expect(
      await attempt(meeting, {
        signature: craftJwt({ ...claims, appKey: 'other', sdkKey: 'other' }, 'x'),
      }),
    ).toBe(3712);
  });

  it('3705 for an expired signature, before the meeting-number check', async () => {
    const meeting = await createMeeting(sandbox);
    const now = Math.floor((await sandboxNow(sandbox)) / 1000);
    const old = await sign(sandbox, '99999999999', { issuedAt: now - 4000, lifetimeSeconds: 1800 });
    expect(await attempt(meeting, { signature: old })).toBe(3705);
  });

  it('3706 when the signature is for another meeting', async () => {
    const meeting = await createMeeting(sandbox);
    expect(await attempt(meeting, { signature: await sign(sandbox, '99999999999') })).toBe(3706);
  });

  it('3708 for a role other than 0 or 1', async () => {
    const meeting = await createMeeting(sandbox);
    const now = Math.floor((await sandboxNow(sandbox)) / 1000);
    const signature = craftJwt(
      {
        appKey: sandbox.account.sdkKey,
        sdkKey: sandbox.account.sdkKey,
        mn: meeting.meetingNumber,
        role: 2,
        iat: now - 30,
        exp: now + 3600,
        tokenExp: now + 3600,
      },
      sandbox.account.sdkSecret,
    );
    expect(await attempt(meeting, { signature })).toBe(3708);
  });

  it('3004 for a wrong passcode, checked before sign-in', async () => {
    const meeting = await createMeeting(sandbox);
    expect(await attempt(meeting, { passcode: 'wrong', zak: null })).toBe(3004);
  });

  it('3100 when the ZAK is missing, unknown or not a ZAK', async () => {
    const meeting = await createMeeting(sandbox);
    expect(await attempt(meeting, { zak: null })).toBe(3100);
    expect(await attempt(meeting, { zak: '' })).toBe(3100);
    expect(await attempt(meeting, { zak: 'made-up' })).toBe(3100);
    const deprecated = await call<{ token: string }>(
      sandbox,
      'GET',
      '/v2/users/me/token?type=token',
      { token },
    );
    expect(deprecated.status).toBe(200);
    expect(await attempt(meeting, { zak: deprecated.body.token })).toBe(3100);
  });

  it('3100 when the ZAK has expired', async () => {
    const meeting = await createMeeting(sandbox);
    const zak = await mintZak(sandbox, token, { ttl: 60 });
    await advanceClock(sandbox, 61);
    expect(await attempt(meeting, { zak })).toBe(3100);
  });

  it('3100 when the user signed out from all devices, but later ZAKs work', async () => {
    const meeting = await createMeeting(sandbox);
    const before = [await mintZak(sandbox, token), await mintZak(sandbox, token)];
    const signout = await call(
      sandbox,
      'POST',
      `/sandbox/users/${sandbox.account.userId}/signout-all`,
    );
    expect(signout.status).toBe(204);
    for (const zak of before) expect(await attempt(meeting, { zak })).toBe(3100);
    const after = await mintZak(sandbox, token);
    expect((await joinAsDemo(sandbox, meeting, 'Back', after)).userId).toBe(sandbox.account.userId);
  });

  it('records every attempt in the audit', async () => {
    const meeting = await createMeeting(sandbox);
    await attempt(meeting, { zak: null });
    const ok = await joinAsDemo(sandbox, meeting, 'Audited');
    const audit = await call<{
      joins: {
        meetingNumber: string;
        participantId: string | null;
        errorCode: number | null;
        userName: string;
        zak: string | null;
        at: number;
      }[];
    }>(sandbox, 'GET', '/sandbox/audit');
    const mine = audit.body.joins.filter((j) => j.meetingNumber === meeting.meetingNumber);
    expect(mine).toEqual([
      expect.objectContaining({
        userName: 'Probe',
        zak: null,
        participantId: null,
        errorCode: 3100,
      }),
      expect.objectContaining({
        userName: 'Audited',
        participantId: ok.participantId,
        errorCode: null,
      }),
    ]);
    expect(typeof mine[1]?.zak).toBe('string');
  });
});

describe('observed ZAK semantics (docs/zoom.md)', () => {
  it('keeps a participant whose ZAK expires after joining', async () => {
    const meeting = await createMeeting(sandbox);
    const zak = await mintZak(sandbox, token, { ttl: 30 });
    const joined = await joinAsDemo(sandbox, meeting, 'Stays', zak);
    await advanceClock(sandbox, 3600);
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([joined]);
  });

  it('accepts several ZAKs of one user at once', async () => {
    const meeting = await createMeeting(sandbox);
    const zaks = [
      await mintZak(sandbox, token),
      await mintZak(sandbox, token),
      await mintZak(sandbox, token),
    ];
    for (const [i, zak] of zaks.reverse().entries()) {
      await joinAsDemo(sandbox, meeting, `Bot ${i}`, zak);
    }
    expect(await participants(sandbox, meeting.meetingNumber)).toHaveLength(3);
  });

  it('lets one ZAK join two meetings, and the same meeting again', async () => {
    const [a, b] = [await createMeeting(sandbox), await createMeeting(sandbox)];
    const zak = await mintZak(sandbox, token);
    await joinAsDemo(sandbox, a, 'In A', zak);
    await joinAsDemo(sandbox, b, 'In B', zak);
    await joinAsDemo(sandbox, a, 'In A again', zak);
    expect((await participants(sandbox, a.meetingNumber)).map((p) => p.displayName)).toEqual([
      'In A',
      'In A again',
    ]);
    expect((await participants(sandbox, b.meetingNumber)).map((p) => p.displayName)).toEqual([
      'In B',
    ]);
  });
});
