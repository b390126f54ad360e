import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHERS_NAMED } from '../../../src/main/sandbox/presence-streams';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { call, createMeeting, joinAsDemo, participants, start } from '../../support/sandbox-client';
import { openEvents, type EventStream } from '../../support/sandbox-events';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

const base = (meetingNumber: string) => `/sandbox/meetings/${meetingNumber}`;
const waitingRoom = async (meetingNumber: string) =>
  (await call<{ participantId: string }[]>(sandbox, 'GET', `${base(meetingNumber)}/waiting-room`))
    .body;

describe('waiting room', () => {
  it('holds joiners until the host admits them, then they hear admitted and the head count', async () => {
    const meeting = await createMeeting(sandbox, { waitingRoom: true });
    const bot = await joinAsDemo(sandbox, meeting, 'Waiting Bot');
    expect(bot).toMatchObject({ displayName: 'Waiting Bot', waitingRoom: true });
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
    expect((await waitingRoom(meeting.meetingNumber)).map((p) => p.participantId)).toEqual([
      bot.participantId,
    ]);
    const info = await call(sandbox, 'GET', base(meeting.meetingNumber));
    expect(info.body).toMatchObject({ waitingRoom: true, participantCount: 0, waitingCount: 1 });

    const events = await openEvents(sandbox, meeting.meetingNumber, bot.participantId);
    try {
      expect(await events.next()).toMatchObject({ event: 'waiting', data: { waitingRoom: true } });
      const admit = `${base(meeting.meetingNumber)}/participants/${bot.participantId}/admit`;
      expect((await call(sandbox, 'POST', admit)).status).toBe(204);
      expect(await events.next()).toMatchObject({
        event: 'admitted',
        data: { participantId: bot.participantId },
      });
      expect(await events.next()).toEqual({
        event: 'participants',
        data: { count: 1, others: [] },
      });
      expect((await call(sandbox, 'POST', admit)).status).toBe(404);
      expect(await waitingRoom(meeting.meetingNumber)).toEqual([]);
      expect((await participants(sandbox, meeting.meetingNumber)).length).toBe(1);
    } finally {
      events.abort();
    }
  });

  it('a host can remove a joiner from the waiting room; its stream says so', async () => {
    const meeting = await createMeeting(sandbox, { waitingRoom: true });
    const bot = await joinAsDemo(sandbox, meeting, 'Turned Away');
    const events = await openEvents(sandbox, meeting.meetingNumber, bot.participantId);
    expect((await events.next())?.event).toBe('waiting');
    const path = `${base(meeting.meetingNumber)}/participants/${bot.participantId}`;
    expect((await call(sandbox, 'DELETE', path)).status).toBe(204);
    expect(await events.next()).toEqual({
      event: 'kicked',
      data: { reason: 'removed from the waiting room by host', code: 3009 },
    });
    expect(await events.next()).toBeNull();
    expect(await waitingRoom(meeting.meetingNumber)).toEqual([]);
  });
});

describe('head counts on presence streams', () => {
  it('tells every admitted participant the number in the meeting, and who else, whenever it changes', async () => {
    const meeting = await createMeeting(sandbox);
    const first = await joinAsDemo(sandbox, meeting, 'First');
    const firstEvents = await openEvents(sandbox, meeting.meetingNumber, first.participantId);
    const streams: EventStream[] = [firstEvents];
    const named = (...names: string[]) =>
      names.map((displayName) => ({ displayName, avatarUrl: first.avatarUrl }));
    try {
      expect((await firstEvents.next())?.event).toBe('joined');
      expect(await firstEvents.next()).toEqual({
        event: 'participants',
        data: { count: 1, others: [] },
      });

      const second = await joinAsDemo(sandbox, meeting, 'Second');
      expect(await firstEvents.next()).toEqual({
        event: 'participants',
        data: { count: 2, others: named('Second') },
      });
      const secondEvents = await openEvents(sandbox, meeting.meetingNumber, second.participantId);
      streams.push(secondEvents);
      expect((await secondEvents.next())?.event).toBe('joined');
      expect(await secondEvents.next()).toEqual({
        event: 'participants',
        data: { count: 2, others: named('First') },
      });

      const leave = `${base(meeting.meetingNumber)}/participants/${second.participantId}/leave`;
      expect((await call(sandbox, 'POST', leave)).status).toBe(204);
      expect(await firstEvents.next()).toEqual({
        event: 'participants',
        data: { count: 1, others: [] },
      });
    } finally {
      for (const stream of streams) stream.abort();
    }
  });

  it(`names at most ${OTHERS_NAMED} others, the first to join, however many there are`, async () => {
    const meeting = await createMeeting(sandbox);
    const names = Array.from({ length: OTHERS_NAMED + 3 }, (_, n) => `Guest ${n + 1}`);
    for (const name of names) await joinAsDemo(sandbox, meeting, name);
    const last = await joinAsDemo(sandbox, meeting, 'Last');
    const events = await openEvents(sandbox, meeting.meetingNumber, last.participantId);
    try {
      expect((await events.next())?.event).toBe('joined');
      const heard = await events.next();
      expect(heard?.data).toMatchObject({ count: names.length + 1 });
      const others = (heard?.data as { others: { displayName: string }[] }).others;
      expect(others.map((other) => other.displayName)).toEqual(names.slice(0, OTHERS_NAMED));
    } finally {
      events.abort();
    }
  });
});
