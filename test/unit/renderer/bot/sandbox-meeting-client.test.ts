/// <reference types="node" />
/**
 * The bot page's sandbox meeting client against the real embedded sandbox (started on a free
 * port per test): what it reports is what the sandbox says, with real tickets, real refusals,
 * and the host's real actions (admit, kick, end, a dropped connection). One case feeds the
 * client a malformed stream by hand, which the sandbox never sends.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../src/main/sandbox/sandbox-server';
import {
  MeetingJoinError,
  type MeetingClient,
  type MeetingScene,
  type MeetingStatus,
} from '../../../../src/renderer/bot/meeting/meeting-client';
import {
  createSandboxMeetingClient,
  type EventSourceLike,
} from '../../../../src/renderer/bot/meeting/sandbox-meeting-client';
import {
  accessToken,
  admitAll,
  createMeeting,
  demoAvatarUrl,
  fault,
  joinAsDemo,
  mintZak,
  participants,
  sign,
  type CreatedMeeting,
} from '../../../support/sandbox-client';
import { NodeEventSource } from '../helpers/node-event-source';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  NodeEventSource.instances.length = 0;
});

interface Setup {
  sandbox: RunningSandbox;
  meeting: CreatedMeeting;
  client: MeetingClient;
  statuses: MeetingStatus[];
  kinds: () => string[];
  /** A ticket for this meeting as main would hand it: fresh ZAK, role-0 signature. */
  ticket: (overrides?: { passcode?: string }) => Promise<{
    signature: string;
    meetingNumber: string;
    passcode: string;
    userName: string;
    zak: string;
  }>;
}

async function setUp(options: { waitingRoom?: boolean } = {}): Promise<Setup> {
  const sandbox = await startSandbox({ port: 0, audit: true });
  cleanups.push(() => sandbox.close());
  const meeting = await createMeeting(sandbox, { waitingRoom: options.waitingRoom });
  const client = createSandboxMeetingClient({
    sandboxUrl: `${sandbox.url}/`,
    EventSource: NodeEventSource,
  });
  const statuses: MeetingStatus[] = [];
  client.onStatus((status) => statuses.push(status));
  cleanups.push(() => NodeEventSource.instances.forEach((source) => source.close()));
  return {
    sandbox,
    meeting,
    client,
    statuses,
    kinds: () => statuses.map((s) => s.status),
    ticket: async (overrides = {}) => ({
      signature: await sign(sandbox, meeting.meetingNumber),
      meetingNumber: meeting.meetingNumber,
      passcode: overrides.passcode ?? meeting.passcode,
      userName: 'Botdeck 1',
      zak: await mintZak(sandbox, await accessToken(sandbox)),
    }),
  };
}

const streamOf = (): NodeEventSource | undefined => NodeEventSource.instances[0];

/**
 * Joins and waits until the client says it is in the meeting and the sandbox's first head
 * count (itself alone) came through; returns its participant id.
 */
async function joined(setup: Setup): Promise<string> {
  await setup.client.join(await setup.ticket());
  await vi.waitFor(() =>
    expect(setup.statuses.at(-1)).toMatchObject({ status: 'in_meeting', participantCount: 1 }),
  );
  const id = setup.statuses.find((status) => status.status === 'in_meeting')?.participantId;
  if (!id) throw new Error('No participant id');
  return id;
}

describe('the sandbox meeting client, against the sandbox', () => {
  it('joins with the ticket and reports connecting, then in the meeting with its participant id', async () => {
    const setup = await setUp();
    const id = await joined(setup);

    expect(setup.kinds()).toEqual(['connecting', 'in_meeting', 'in_meeting']);
    const people = await participants(setup.sandbox, setup.meeting.meetingNumber);
    expect(people).toEqual([
      expect.objectContaining({ participantId: id, displayName: 'Botdeck 1' }),
    ]);
  });

  it('a refused join reports failed with the sandbox’s Zoom code and rejects with it', async () => {
    const setup = await setUp();
    const joining = setup.client.join(await setup.ticket({ passcode: 'wrong' }));
    await expect(joining).rejects.toBeInstanceOf(MeetingJoinError);
    expect(setup.kinds()).toEqual(['connecting', 'failed']);
    // The sandbox's own answer for a wrong passcode: Zoom's 3004.
    expect(setup.statuses[1]).toMatchObject({ code: 3004, message: expect.any(String) });
    await expect(joining).rejects.toMatchObject({ code: 3004 });
    expect(NodeEventSource.instances).toHaveLength(0);
  });

  it('an unreachable sandbox reports failed without a code', async () => {
    const setup = await setUp();
    const ticket = await setup.ticket();
    await setup.sandbox.close();
    await expect(setup.client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(setup.statuses.at(-1)).toMatchObject({ status: 'failed', code: null });
  });

  it('a kick reports kicked with code 3009 and the sandbox’s reason, and the stream stays closed', async () => {
    const setup = await setUp();
    const id = await joined(setup);

    await fault(setup.sandbox, `/meetings/${setup.meeting.meetingNumber}/participants/${id}/kick`);
    await vi.waitFor(() => expect(setup.kinds().at(-1)).toBe('kicked'));
    expect(setup.statuses.at(-1)).toMatchObject({
      code: 3009,
      message: expect.any(String),
      participantId: id,
    });
    expect(streamOf()?.readyState).toBe(NodeEventSource.CLOSED);
    // Leaving after a kick says so without asking the sandbox again.
    await setup.client.leave();
    expect(setup.kinds().slice(-2)).toEqual(['kicked', 'left']);
  });

  it('waits in the waiting room, goes in when admitted, and passes head counts on', async () => {
    const setup = await setUp({ waitingRoom: true });
    await setup.client.join(await setup.ticket());
    await vi.waitFor(() => expect(setup.kinds()).toEqual(['connecting', 'waiting_room']));

    expect(await admitAll(setup.sandbox, setup.meeting.meetingNumber)).toBe(1);
    await vi.waitFor(() =>
      expect(setup.statuses.at(-1)).toMatchObject({ status: 'in_meeting', participantCount: 1 }),
    );
    expect(setup.kinds()).toEqual(['connecting', 'waiting_room', 'in_meeting', 'in_meeting']);
  });

  it('draws the meeting: itself from the join answer, the others and the count from the stream', async () => {
    const setup = await setUp();
    const scenes: MeetingScene[] = [];
    setup.client.onScene?.((scene) => scenes.push(scene));
    await joined(setup);
    const avatar = await demoAvatarUrl(setup.sandbox);
    await joinAsDemo(setup.sandbox, setup.meeting, 'Ada');
    await vi.waitFor(() => expect(scenes.at(-1)?.count).toBe(2));
    expect(scenes.at(-1)).toEqual({
      self: { displayName: 'Botdeck 1', avatarUrl: avatar },
      others: [{ displayName: 'Ada', avatarUrl: avatar }],
      count: 2,
    });
  });

  it('the end of the meeting reports ended', async () => {
    const setup = await setUp();
    await joined(setup);

    await fault(setup.sandbox, `/meetings/${setup.meeting.meetingNumber}/end`);
    await vi.waitFor(() => expect(setup.kinds().at(-1)).toBe('ended'));
    expect(streamOf()?.readyState).toBe(NodeEventSource.CLOSED);
  });

  it('a dropped connection reports disconnected once and does not reconnect by itself', async () => {
    const setup = await setUp();
    const id = await joined(setup);

    await fault(setup.sandbox, `/meetings/${setup.meeting.meetingNumber}/participants/${id}/drop`);
    await vi.waitFor(() => expect(setup.kinds().at(-1)).toBe('disconnected'));
    expect(setup.kinds().filter((kind) => kind === 'disconnected')).toHaveLength(1);
    // Closed, not CONNECTING: a browser EventSource left alone would be reconnecting now.
    expect(streamOf()?.readyState).toBe(NodeEventSource.CLOSED);
    expect(NodeEventSource.instances).toHaveLength(1);
  });

  it('leave tells the sandbox, closes the stream and reports left (and only once)', async () => {
    const setup = await setUp();
    await joined(setup);

    await Promise.all([setup.client.leave(), setup.client.leave()]);
    expect(await participants(setup.sandbox, setup.meeting.meetingNumber)).toEqual([]);
    expect(setup.kinds().filter((kind) => kind === 'left')).toHaveLength(1);
    expect(setup.kinds().at(-1)).toBe('left');
    expect(streamOf()?.readyState).toBe(NodeEventSource.CLOSED);
  });

  it('leave during the join waits for it and then removes the participant', async () => {
    const setup = await setUp();
    const joining = setup.client.join(await setup.ticket());
    const left = setup.client.leave();
    await joining;
    await left;
    expect(await participants(setup.sandbox, setup.meeting.meetingNumber)).toEqual([]);
    expect(NodeEventSource.instances).toHaveLength(0);
    expect(setup.kinds()).toEqual(['connecting', 'left']);
  });

  it('refuses a second join without disturbing the first', async () => {
    const setup = await setUp();
    await joined(setup);
    const before = setup.kinds();
    await expect(setup.client.join(await setup.ticket())).rejects.toMatchObject({ code: 3000 });
    expect(setup.kinds()).toEqual(before);
    expect(await participants(setup.sandbox, setup.meeting.meetingNumber)).toHaveLength(1);
  });
});

describe('the sandbox meeting client, on a malformed stream', () => {
  /** A client joined on a stream the test writes by hand; `send` delivers one event. */
  async function scripted(joinAnswer: Record<string, unknown>) {
    const listeners = new Map<string, (event: { type: string; data?: unknown }) => void>();
    class ScriptedSource implements EventSourceLike {
      addEventListener(type: string, listener: (event: { type: string; data?: unknown }) => void) {
        listeners.set(type, listener);
      }
      close(): void {}
    }
    const client = createSandboxMeetingClient({
      sandboxUrl: 'http://127.0.0.1:9',
      EventSource: ScriptedSource,
      fetch: () => Promise.resolve(Response.json({ participantId: 'p-1', ...joinAnswer })),
    });
    const statuses: MeetingStatus[] = [];
    const scenes: MeetingScene[] = [];
    client.onStatus((status) => statuses.push(status));
    client.onScene?.((scene) => scenes.push(scene));
    await client.join({
      signature: 's',
      meetingNumber: '1',
      passcode: '',
      userName: 'B',
      zak: 'z',
    });
    const send = (data: unknown) =>
      listeners.get('participants')?.({ type: 'participants', data: JSON.stringify(data) });
    return { statuses, scenes, send };
  }

  it('ignores a head count that is not a number, and keeps the good ones', async () => {
    const { statuses, send } = await scripted({});
    send({ count: 2 });
    send({ count: 'many' });
    send({ count: 4 });
    expect(statuses.map((status) => status.participantCount)).toEqual([undefined, 2, 4]);
  });

  it('draws no picture that is not an http(s) URL, and no one without a name', async () => {
    const { scenes, send } = await scripted({ displayName: 'B', avatarUrl: 'data:image/svg' });
    const ada = { displayName: 'Ada', avatarUrl: 'https://zoom.us/p/ada.png' };
    send({ count: 4, others: [ada, { displayName: 'Grace', avatarUrl: 'javascript:x' }, {}] });
    expect(scenes.at(-1)).toEqual({
      self: { displayName: 'B', avatarUrl: null },
      others: [ada, { displayName: 'Grace', avatarUrl: null }],
      count: 4,
    });
  });
});
