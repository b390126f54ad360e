import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import {
  call,
  createMeeting,
  joinAsDemo,
  participants,
  start,
  type Participant,
} from '../../support/sandbox-client';
import { openEvents } from '../../support/sandbox-events';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

async function joinedBot(name = 'Presence Bot') {
  const meeting = await createMeeting(sandbox);
  const participant = await joinAsDemo(sandbox, meeting, name);
  const base = `/sandbox/meetings/${meeting.meetingNumber}`;
  return {
    meeting,
    participant,
    base,
    participantPath: `${base}/participants/${participant.participantId}`,
  };
}

const ids = (list: Participant[]) => list.map((p) => p.participantId);

/** Reads what every admitted participant hears first: `joined`, then the head count. */
async function readGreeting(events: { next(): Promise<{ event: string } | null> }) {
  expect((await events.next())?.event).toBe('joined');
  expect((await events.next())?.event).toBe('participants');
}

describe('presence event streams', () => {
  it('sends joined at once, with SSE headers and CORS for the bot page’s origin', async () => {
    const { meeting, participant } = await joinedBot();
    const events = await openEvents(sandbox, meeting.meetingNumber, participant.participantId, {
      Origin: 'app://botdeck',
    });
    try {
      expect(events.status).toBe(200);
      expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(events.headers.get('access-control-allow-origin')).toBe('app://botdeck');
      expect(events.headers.get('vary')).toBe('Origin');
      expect(events.headers.get('cache-control')).toMatch(/no-cache/);
      expect(await events.next()).toEqual({ event: 'joined', data: participant });
      expect(await events.next()).toEqual({
        event: 'participants',
        data: { count: 1, others: [] },
      });
    } finally {
      events.abort();
    }
  });

  it('tells a kicked participant why, then ends the stream', async () => {
    const { meeting, participant, participantPath } = await joinedBot();
    const events = await openEvents(sandbox, meeting.meetingNumber, participant.participantId);
    await readGreeting(events);
    expect((await call(sandbox, 'DELETE', participantPath)).status).toBe(204);
    expect(await events.next()).toEqual({
      event: 'kicked',
      data: { reason: 'kicked by host', code: 3009 },
    });
    expect(await events.next()).toBeNull();
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
  });

  it('tells every participant when the meeting ends', async () => {
    const { meeting, participant, base } = await joinedBot();
    const events = await openEvents(sandbox, meeting.meetingNumber, participant.participantId);
    await readGreeting(events);
    expect((await call(sandbox, 'DELETE', base)).status).toBe(204);
    expect(await events.next()).toEqual({ event: 'ended', data: { reason: 'ended by host' } });
    expect(await events.next()).toBeNull();
  });

  it('ends the stream with a left event when the participant leaves over HTTP', async () => {
    const { meeting, participant, participantPath } = await joinedBot();
    const events = await openEvents(sandbox, meeting.meetingNumber, participant.participantId);
    await readGreeting(events);
    expect((await call(sandbox, 'POST', `${participantPath}/leave`)).status).toBe(204);
    expect((await events.next())?.event).toBe('left');
    expect(await events.next()).toBeNull();
  });

  it('removes the participant when the client closes its stream', async () => {
    const { meeting, participant } = await joinedBot();
    const other = await joinAsDemo(sandbox, meeting, 'Without a stream');
    const events = await openEvents(sandbox, meeting.meetingNumber, participant.participantId);
    await readGreeting(events);
    expect(ids(await participants(sandbox, meeting.meetingNumber))).toContain(
      participant.participantId,
    );
    events.abort();
    await vi.waitFor(async () => {
      expect(ids(await participants(sandbox, meeting.meetingNumber))).toEqual([
        other.participantId,
      ]);
    });
  });

  it('cuts the stream without an event on drop, and removes the participant', async () => {
    const { meeting, participant, participantPath } = await joinedBot();
    const events = await openEvents(sandbox, meeting.meetingNumber, participant.participantId);
    await readGreeting(events);
    expect((await call(sandbox, 'POST', `${participantPath}/drop`)).status).toBe(204);
    await expect(events.next()).rejects.toThrow();
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
  });

  it('allows one stream per participant', async () => {
    const { meeting, participant } = await joinedBot();
    const first = await openEvents(sandbox, meeting.meetingNumber, participant.participantId);
    try {
      await first.next();
      const second = await openEvents(sandbox, meeting.meetingNumber, participant.participantId);
      expect(second.status).toBe(409);
      second.abort();
    } finally {
      first.abort();
    }
  });

  it('answers 404 for a participant that is not in the meeting', async () => {
    const { meeting } = await joinedBot();
    const events = await openEvents(sandbox, meeting.meetingNumber, 'nobody');
    expect(events.status).toBe(404);
    events.abort();
  });

  it('still tells a participant kicked before it opened its stream that it was kicked', async () => {
    const { meeting, participant, participantPath } = await joinedBot();
    await call(sandbox, 'DELETE', participantPath);
    const events = await openEvents(sandbox, meeting.meetingNumber, participant.participantId);
    expect(events.status).toBe(200);
    expect((await events.next())?.event).toBe('kicked');
    expect(await events.next()).toBeNull();
  });

  it('closes open streams when the sandbox closes', async () => {
    const own = await start();
    const meeting = await createMeeting(own);
    const participant = await joinAsDemo(own, meeting, 'Closing');
    const events = await openEvents(own, meeting.meetingNumber, participant.participantId);
    await readGreeting(events);
    await own.close();
    await expect(events.next()).rejects.toThrow();
  });
});
