import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import {
  accessToken,
  call,
  createMeeting,
  joinAsDemo,
  mintZak,
  participants,
  start,
  joinWithZak,
} from '../../support/sandbox-client';
import { openEvents } from '../../support/sandbox-events';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

const faults = (meetingNumber: string) => `/sandbox/faults/meetings/${meetingNumber}`;

describe('fault routes under /sandbox/faults', () => {
  it('lists the endpoint faults still active, then clears them', async () => {
    await call(sandbox, 'POST', '/sandbox/faults', {
      body: { target: 'zak', status: 503, count: 2 },
    });
    await call(sandbox, 'POST', '/sandbox/faults', { body: { target: 'join', latencyMs: 10 } });
    const listed = await call<{ target: string; remaining: number }[]>(
      sandbox,
      'GET',
      '/sandbox/faults',
    );
    expect(listed.body).toEqual([
      expect.objectContaining({ target: 'zak', status: 503, remaining: 2 }),
      expect.objectContaining({ target: 'join', latencyMs: 10, remaining: 1 }),
    ]);
    expect((await call(sandbox, 'DELETE', '/sandbox/faults')).status).toBe(204);
    expect((await call(sandbox, 'GET', '/sandbox/faults')).body).toEqual([]);
  });

  it('drops a participant: its stream breaks without an event and it is out', async () => {
    const meeting = await createMeeting(sandbox);
    const bot = await joinAsDemo(sandbox, meeting, 'Dropped');
    const events = await openEvents(sandbox, meeting.meetingNumber, bot.participantId);
    expect((await events.next())?.event).toBe('joined');
    expect((await events.next())?.event).toBe('participants');
    const drop = `${faults(meeting.meetingNumber)}/participants/${bot.participantId}/drop`;
    expect((await call(sandbox, 'POST', drop)).status).toBe(204);
    await expect(events.next()).rejects.toThrow();
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
    expect((await call(sandbox, 'POST', drop)).status).toBe(404);
  });

  it('drops everyone at once', async () => {
    const meeting = await createMeeting(sandbox);
    await joinAsDemo(sandbox, meeting, 'One');
    await joinAsDemo(sandbox, meeting, 'Two');
    const result = await call(sandbox, 'POST', `${faults(meeting.meetingNumber)}/drop-all`);
    expect(result).toMatchObject({ status: 200, body: { dropped: 2 } });
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
  });

  it('kicks a participant with 3009 and ends a meeting for everyone', async () => {
    const meeting = await createMeeting(sandbox);
    const kicked = await joinAsDemo(sandbox, meeting, 'Kicked');
    const stays = await joinAsDemo(sandbox, meeting, 'Stays');
    const kickedEvents = await openEvents(sandbox, meeting.meetingNumber, kicked.participantId);
    await kickedEvents.next();
    await kickedEvents.next();
    const kick = `${faults(meeting.meetingNumber)}/participants/${kicked.participantId}/kick`;
    expect((await call(sandbox, 'POST', kick)).status).toBe(204);
    expect(await kickedEvents.next()).toEqual({
      event: 'kicked',
      data: { reason: 'kicked by host', code: 3009 },
    });

    const staysEvents = await openEvents(sandbox, meeting.meetingNumber, stays.participantId);
    await staysEvents.next();
    await staysEvents.next();
    expect((await call(sandbox, 'POST', `${faults(meeting.meetingNumber)}/end`)).status).toBe(204);
    expect((await staysEvents.next())?.event).toBe('ended');
    expect((await call(sandbox, 'POST', `${faults(meeting.meetingNumber)}/end`)).status).toBe(404);
  });

  it('signs a user out of all devices: older ZAKs fail at join with 3100, newer ones work', async () => {
    const meeting = await createMeeting(sandbox);
    const token = await accessToken(sandbox);
    const before = await mintZak(sandbox, token);
    const signout = `/sandbox/faults/users/${sandbox.account.userId}/signout-all`;
    const revoked = await call<{ revokedZaks: number }>(sandbox, 'POST', signout);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedZaks).toBeGreaterThanOrEqual(1);
    const refused = await joinWithZak(sandbox, meeting, 'Old ZAK', before);
    expect(refused.status).toBe(403);
    expect(refused.body.errorCode).toBe(3100);
    await expect(joinAsDemo(sandbox, meeting, 'New ZAK')).resolves.toMatchObject({
      displayName: 'New ZAK',
    });
    expect((await call(sandbox, 'POST', '/sandbox/faults/users/nobody/signout-all')).status).toBe(
      404,
    );
  });
});
