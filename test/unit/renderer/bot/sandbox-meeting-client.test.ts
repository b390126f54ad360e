/// <reference types="node" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MeetingJoinError,
  type MeetingClient,
  type MeetingStatus,
} from '../../../../src/renderer/bot/meeting/meeting-client';
import { createSandboxMeetingClient } from '../../../../src/renderer/bot/meeting/sandbox-meeting-client';
import { NodeEventSource } from '../helpers/node-event-source';
import {
  startSandboxMeetingServer,
  type SandboxMeetingServer,
} from '../helpers/sandbox-meeting-server';

const ticket = {
  signature: 'sig-secret',
  meetingNumber: '123456789',
  passcode: 'pw',
  userName: 'Botdeck 1',
  zak: 'zak-secret',
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  NodeEventSource.instances.length = 0;
});

async function setUp(): Promise<{
  server: SandboxMeetingServer;
  client: MeetingClient;
  statuses: MeetingStatus[];
  kinds: () => string[];
}> {
  const server = await startSandboxMeetingServer();
  const client = createSandboxMeetingClient({
    sandboxUrl: `${server.url}/`,
    EventSource: NodeEventSource,
  });
  const statuses: MeetingStatus[] = [];
  client.onStatus((status) => statuses.push(status));
  cleanups.push(() => server.close());
  cleanups.push(() => NodeEventSource.instances.forEach((source) => source.close()));
  return { server, client, statuses, kinds: () => statuses.map((s) => s.status) };
}

const streamOf = (): NodeEventSource | undefined => NodeEventSource.instances[0];

describe('the sandbox meeting client', () => {
  it('joins with the ticket and reports connecting, then in the meeting with its participant id', async () => {
    const { server, client, statuses, kinds } = await setUp();
    await client.join(ticket);

    expect(server.joins).toEqual([
      {
        meetingNumber: '123456789',
        body: { signature: 'sig-secret', zak: 'zak-secret', userName: 'Botdeck 1', passcode: 'pw' },
      },
    ]);
    await vi.waitFor(() => expect(kinds()).toEqual(['connecting', 'in_meeting']));
    expect(statuses[1]?.participantId).toBe('p-1');
    expect(server.streamConnections).toEqual(['p-1']);
  });

  it('a refused join reports failed with the sandbox’s Zoom code and rejects with it', async () => {
    const { server, client, statuses, kinds } = await setUp();
    server.joinAnswer = {
      status: 403,
      body: { errorCode: 3004, message: 'Wrong meeting passcode.' },
    };

    const joined = client.join(ticket);
    await expect(joined).rejects.toBeInstanceOf(MeetingJoinError);
    await expect(joined).rejects.toMatchObject({ code: 3004, message: 'Wrong meeting passcode.' });
    expect(kinds()).toEqual(['connecting', 'failed']);
    expect(statuses[1]).toMatchObject({ code: 3004, message: 'Wrong meeting passcode.' });
    expect(NodeEventSource.instances).toHaveLength(0);
  });

  it('an unreachable sandbox reports failed without a code', async () => {
    const { server, client, statuses } = await setUp();
    await server.close();
    await expect(client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(statuses.at(-1)).toMatchObject({ status: 'failed', code: null });
  });

  it('a kick reports kicked with code 3009 and the reason, and the stream stays closed', async () => {
    const { server, client, statuses, kinds } = await setUp();
    await client.join(ticket);
    await vi.waitFor(() => expect(kinds()).toContain('in_meeting'));

    server.sendEvent('kicked', { reason: 'Removed by the host', code: 3009 });
    await vi.waitFor(() => expect(kinds()).toEqual(['connecting', 'in_meeting', 'kicked']));
    expect(statuses[2]).toMatchObject({
      code: 3009,
      message: 'Removed by the host',
      participantId: 'p-1',
    });
    expect(streamOf()?.readyState).toBe(NodeEventSource.CLOSED);

    // The host closing the stream after the kick is not news.
    server.dropStreams();
    await client.leave();
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'kicked', 'left']);
    expect(server.leaves).toEqual([]);
  });

  it('waits in the waiting room, goes in when admitted, and passes head counts on', async () => {
    const { server, client, statuses, kinds } = await setUp();
    await client.join(ticket);
    await vi.waitFor(() => expect(kinds()).toContain('in_meeting'));

    server.sendEvent('waiting', { participantId: 'p-1', waitingRoom: true });
    await vi.waitFor(() => expect(kinds().at(-1)).toBe('waiting_room'));
    server.sendEvent('admitted', { participantId: 'p-1' });
    server.sendEvent('participants', { count: 1 });
    server.sendEvent('participants', { count: 'many' });
    server.sendEvent('participants', { count: 4 });
    await vi.waitFor(() => expect(statuses.at(-1)?.participantCount).toBe(4));
    expect(statuses.slice(-3)).toEqual([
      { status: 'in_meeting', participantId: 'p-1' },
      { status: 'in_meeting', participantId: 'p-1', participantCount: 1 },
      { status: 'in_meeting', participantId: 'p-1', participantCount: 4 },
    ]);
  });

  it('the end of the meeting reports ended', async () => {
    const { server, client, kinds } = await setUp();
    await client.join(ticket);
    await vi.waitFor(() => expect(kinds()).toContain('in_meeting'));

    server.sendEvent('ended', { reason: 'The host ended the meeting' });
    await vi.waitFor(() => expect(kinds()).toEqual(['connecting', 'in_meeting', 'ended']));
    expect(streamOf()?.readyState).toBe(NodeEventSource.CLOSED);
  });

  it('a dropped stream reports disconnected once and does not reconnect by itself', async () => {
    const { server, client, kinds } = await setUp();
    await client.join(ticket);
    await vi.waitFor(() => expect(kinds()).toContain('in_meeting'));

    server.dropStreams();
    await vi.waitFor(() => expect(kinds()).toEqual(['connecting', 'in_meeting', 'disconnected']));
    // Closed, not CONNECTING: a browser EventSource left alone would be reconnecting now.
    expect(streamOf()?.readyState).toBe(NodeEventSource.CLOSED);
    expect(server.streamConnections).toEqual(['p-1']);
  });

  it('leave tells the sandbox, closes the stream and reports left (and only once)', async () => {
    const { server, client, kinds } = await setUp();
    await client.join(ticket);
    await vi.waitFor(() => expect(kinds()).toContain('in_meeting'));

    await Promise.all([client.leave(), client.leave()]);
    expect(server.leaves).toEqual(['p-1']);
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'left']);
    expect(streamOf()?.readyState).toBe(NodeEventSource.CLOSED);
  });

  it('leave during the join waits for it and then removes the participant', async () => {
    const { server, client, kinds } = await setUp();
    const joined = client.join(ticket);
    const left = client.leave();
    await joined;
    await left;
    expect(server.leaves).toEqual(['p-1']);
    expect(server.streamConnections).toEqual([]);
    expect(kinds()).toEqual(['connecting', 'left']);
  });

  it('refuses a second join without disturbing the first', async () => {
    const { client, kinds } = await setUp();
    await client.join(ticket);
    await vi.waitFor(() => expect(kinds()).toContain('in_meeting'));
    await expect(client.join(ticket)).rejects.toMatchObject({ code: 3000 });
    expect(kinds()).toEqual(['connecting', 'in_meeting']);
  });

  it('chats and renames as its participant, and sorts the sandbox’s refusals', async () => {
    const { server, client, kinds } = await setUp();
    expect(await client.sendChat('Too early')).toMatchObject({
      ok: false,
      refusal: 'not_in_meeting',
    });
    await client.join(ticket);
    await vi.waitFor(() => expect(kinds()).toContain('in_meeting'));
    expect(await client.sendChat('Hello')).toEqual({ ok: true });
    server.actionAnswer = { status: 200, body: { participantId: 'p-1', displayName: 'New' } };
    expect(await client.rename('New')).toEqual({ ok: true });
    expect(server.actions).toEqual([
      { action: 'chat', participantId: 'p-1', body: { text: 'Hello' } },
      { action: 'rename', participantId: 'p-1', body: { displayName: 'New' } },
    ]);

    server.actionAnswer = {
      status: 403,
      body: { errorCode: 1, message: "Can't send chat because Restrict chat" },
    };
    expect(await client.sendChat('Anyone?')).toEqual({
      ok: false,
      refusal: 'chat_disabled',
      code: 1,
      message: "Can't send chat because Restrict chat",
    });
    server.actionAnswer = {
      status: 403,
      body: { errorCode: 1, message: 'The host does not allow participants to rename themselves.' },
    };
    expect(await client.rename('Other')).toMatchObject({
      ok: false,
      refusal: 'rename_not_allowed',
    });
  });
});
