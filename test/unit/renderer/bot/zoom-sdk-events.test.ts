import { attendeeCount } from '../../../../src/renderer/bot/meeting/zoom-head-count';
import { describe, expect, it } from 'vitest';
import {
  MeetingJoinError,
  type MeetingStatus,
} from '../../../../src/renderer/bot/meeting/meeting-client';
import { createZoomMeetingClient } from '../../../../src/renderer/bot/meeting/zoom-meeting-client';
import { mapZoomEvent } from '../../../../src/renderer/bot/meeting/zoom-sdk-events';
import { describeJoinError } from '../../../../src/shared/zoom-errors';
import { createRecordingZoomMtg, type RecordingZoomMtg } from './recording-zoom-mtg';

const ticket = {
  signature: 'header.payload.signature',
  meetingNumber: '85746065432',
  passcode: 'pw-123',
  userName: 'Support 1',
  zak: 'zak-secret-1',
};

function setUp(options: { isolated?: boolean; heardFromZoom?: boolean } = {}) {
  const sdk = createRecordingZoomMtg();
  const watch = { heard: options.heardFromZoom ?? true, stopped: false };
  const client = createZoomMeetingClient({
    loadSdk: () => Promise.resolve(sdk),
    crossOriginIsolated: options.isolated ?? true,
    leaveUrl: '/bot/index.html#left',
    leaveTimeoutMs: 20,
    watchZoomAnswers: () => ({
      heardFromZoom: () => watch.heard,
      stop: () => void (watch.stopped = true),
    }),
  });
  const statuses: MeetingStatus[] = [];
  client.onStatus((status) => statuses.push(status));
  const kinds = (): string[] => statuses.map((status) => status.status);
  return { sdk, client, statuses, kinds, watch };
}

/** Joins with a join that stays pending, as while Zoom is still answering. */
async function joinPending(sdk: RecordingZoomMtg, client: ReturnType<typeof setUp>['client']) {
  sdk.joinAnswer = 'pending';
  const joined = client.join(ticket);
  await expect.poll(() => sdk.methods()).toContain('join');
  // Wrapped: an async function returning the promise itself would wait for it to settle.
  return { joined };
}

describe('the Zoom meeting client: init and join', () => {
  it('inits muted with the camera off, without dialogs, and degrades CORP when not isolated', async () => {
    const { sdk, client } = setUp({ isolated: false });
    await client.join(ticket);

    expect(sdk.calls.find((call) => call.method === 'init')?.args).toEqual({
      leaveUrl: '/bot/index.html#left',
      disableCORP: true,
      isSupportAV: false,
      disableJoinAudio: true,
      disablePreview: true,
      isShowJoiningErrorDialog: false,
      disableInvite: true,
      disableCallOut: true,
      disableRecord: true,
      patchJsMedia: false,
      leaveOnPageUnload: true,
    });
  });

  it('keeps CORP on in a cross-origin isolated page', async () => {
    const { sdk, client } = setUp({ isolated: true });
    await client.join(ticket);
    expect(sdk.lastInit()?.disableCORP).toBe(false);
  });

  it('joins with the ticket: passWord (Client View spelling), the ZAK, the name and the signature', async () => {
    const { sdk, client } = setUp();
    await client.join(ticket);

    expect(sdk.calls.find((call) => call.method === 'join')?.args).toEqual({
      meetingNumber: '85746065432',
      userName: 'Support 1',
      signature: 'header.payload.signature',
      passWord: 'pw-123',
      zak: 'zak-secret-1',
    });
  });

  it('listens to its own events after init and before join', async () => {
    const { sdk, client } = setUp();
    await client.join(ticket);
    expect(sdk.methods()).toEqual([
      'init',
      'inMeetingServiceListener',
      'inMeetingServiceListener',
      'inMeetingServiceListener',
      'inMeetingServiceListener',
      'inMeetingServiceListener',
      'join',
    ]);
    expect(
      sdk.calls.filter((call) => call.method === 'inMeetingServiceListener').map((c) => c.args),
    ).toEqual(['onMeetingStatus', 'onUserLeave', 'onJoinSpeed', 'onUserJoin', 'onUserLeave']);
  });

  it('refuses a second join in the same page with Zoom’s 3000, reporting nothing', async () => {
    const { client, kinds } = setUp();
    await client.join(ticket);
    await expect(client.join(ticket)).rejects.toMatchObject({ code: 3000 });
    expect(kinds()).toEqual(['connecting']);
  });
});

describe('the Zoom meeting client: statuses from SDK events', () => {
  it('connecting → in the meeting → reconnecting → in the meeting → disconnected', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.fire('onMeetingStatus', { meetingStatus: 1 });
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.fire('onMeetingStatus', { meetingStatus: 4 });
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.fire('onMeetingStatus', { meetingStatus: 3 });
    expect(kinds()).toEqual([
      'connecting',
      'in_meeting',
      'reconnecting',
      'in_meeting',
      'disconnected',
    ]);
  });

  it('waiting room: parked until admitted, even though the SDK says connected meanwhile', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.fire('onJoinSpeed', { tag: 'JOIN_SPEED', level: 6, text: 'user in waiting room' });
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.fire('onJoinSpeed', { level: 8 });
    expect(kinds()).toEqual(['connecting', 'waiting_room']);
    sdk.fire('onJoinSpeed', { level: 7, text: 'user exits waiting room' });
    expect(kinds()).toEqual(['connecting', 'waiting_room', 'in_meeting']);
  });

  it('waiting for the host to start reads as the waiting room, then joins when it starts', async () => {
    const { sdk, client, statuses, kinds } = setUp();
    await client.join(ticket);
    sdk.fire('onJoinSpeed', { level: 4 });
    sdk.fire('onJoinSpeed', { level: 5 });
    sdk.fire('onJoinSpeed', { level: 8 });
    expect(kinds()).toEqual(['connecting', 'waiting_room', 'connecting', 'in_meeting']);
    expect(statuses[1]?.message).toMatch(/host to start/);
  });

  it.each([
    [6, 'Removed by the host.'],
    [7, 'Removed from the waiting room by the host.'],
  ])('leave reason %i is kicked with Zoom’s 3009, and nothing after it counts', async (reason) => {
    const { sdk, client, statuses, kinds } = setUp();
    await client.join(ticket);
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.fire('onUserLeave', { reasonCode: reason });
    sdk.fire('onMeetingStatus', { meetingStatus: 3 });
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'kicked']);
    expect(statuses[2]?.code).toBe(3009);
  });

  it('keeps the SDK’s own words for a removal', async () => {
    const { sdk, client, statuses } = setUp();
    await client.join(ticket);
    sdk.fire('onUserLeave', {
      reason: 'You are removed by host/co-host from meeting',
      reasonCode: 6,
    });
    expect(statuses.at(-1)).toEqual({
      status: 'kicked',
      code: 3009,
      message: 'You are removed by host/co-host from meeting',
    });
  });

  it('leave reason 1 is the meeting ended by the host', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.fire('onUserLeave', { reason: 'endMeeting', reasonCode: 1 });
    sdk.fire('onMeetingStatus', { meetingStatus: 3 });
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'ended']);
  });

  it('ignores other participants leaving (attendee records without a reason code)', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.fire('onUserLeave', { userId: 16778240, displayName: 'Someone else' });
    expect(kinds()).toEqual(['connecting', 'in_meeting']);
  });
});

describe('the Zoom meeting client: head count for “alone in the meeting”', () => {
  it('reports how many are in the meeting on entering, and again as people come and go', async () => {
    const { sdk, client, statuses } = setUp();
    await client.join(ticket);
    sdk.attendees = ['Support 1', 'Host'];
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.attendees = ['Support 1', 'Host', 'Guest'];
    sdk.fire('onUserJoin', { userId: 3, displayName: 'Guest' });
    sdk.attendees = ['Support 1'];
    sdk.fire('onUserLeave', { userId: 2, displayName: 'Host' });
    sdk.fire('onUserLeave', { userId: 3, displayName: 'Guest' });
    expect(
      statuses.filter((s) => s.status === 'in_meeting').map((s) => s.participantCount),
    ).toEqual([undefined, 2, 3, 1]);
  });

  it('an answer it cannot read is no count at all (so never “alone”)', () => {
    expect(attendeeCount({ attendees: [1, 2] })).toBeNull();
    expect(attendeeCount({ result: { attendeesList: [] } })).toBeNull();
    expect(attendeeCount({ result: { attendeesList: [{}, {}] } })).toBe(2);
  });
});

describe('the Zoom meeting client: join failures carry Zoom’s code', () => {
  it.each([3706, 3100, 3712, 3705, 3008, 4011, 3001, 3004])(
    'join error %i: reported as failed with that code and rejected with it',
    async (code) => {
      const { sdk, client, statuses, kinds } = setUp();
      sdk.joinAnswer = {
        error: { method: 'join', status: false, errorCode: code, errorMessage: 'sdk words' },
      };

      const joined = client.join(ticket);
      await expect(joined).rejects.toBeInstanceOf(MeetingJoinError);
      await expect(joined).rejects.toMatchObject({ code });
      expect(kinds()).toEqual(['connecting', 'failed']);
      expect(statuses[1]).toMatchObject({ status: 'failed', code, message: 'sdk words' });
      // Main words it from the code alone, e.g. 3706 as a wrong meeting number.
      expect(describeJoinError(code, 'sdk words')).not.toContain('sdk words');
    },
  );

  it('3706 reaches the operator as a wrong meeting number, 3100 as sign-in required', () => {
    expect(describeJoinError(3706)).toMatch(/different meeting number/);
    expect(describeJoinError(3100)).toMatch(/Sign-in required/);
  });

  it('a code in the meeting-status event ends the join with that code, once', async () => {
    const { sdk, client, statuses, kinds } = setUp();
    const { joined } = await joinPending(sdk, client);
    sdk.fire('onMeetingStatus', { meetingStatus: 3, detail: { errorCode: 3706 } });
    sdk.settleJoin({ error: { errorCode: 3706, errorMessage: 'Signature is invalid.' } });
    await expect(joined).rejects.toMatchObject({ code: 3706 });
    expect(kinds()).toEqual(['connecting', 'failed']);
    expect(statuses[1]?.code).toBe(3706);
  });

  it('a close without a code while joining waits for the join’s own answer', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending(sdk, client);
    sdk.fire('onMeetingStatus', { meetingStatus: 3 });
    expect(kinds()).toEqual(['connecting']);
    sdk.settleJoin({ error: { errorCode: 3008, errorMessage: 'Meeting not started.' } });
    await expect(joined).rejects.toMatchObject({ code: 3008 });
  });

  it('generic code 1 with no answer from any Zoom server reads as “could not reach Zoom”', async () => {
    const { sdk, client, statuses, watch } = setUp({ heardFromZoom: false });
    sdk.joinAnswer = { error: { errorCode: 1, errorMessage: 'Fail to join the meeting.' } };

    await expect(client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(statuses[1]).toMatchObject({ status: 'failed', code: null });
    expect(statuses[1]?.message).toMatch(/^Could not reach Zoom/);
    expect(describeJoinError(null, statuses[1]?.message)).toContain('Could not reach Zoom');
    expect(watch.stopped).toBe(true);
  });

  it('generic code 1 after Zoom did answer stays code 1', async () => {
    const { sdk, client, statuses } = setUp({ heardFromZoom: true });
    sdk.joinAnswer = { error: { errorCode: 1, errorMessage: 'Fail to join the meeting.' } };
    await expect(client.join(ticket)).rejects.toMatchObject({ code: 1 });
    expect(statuses[1]).toMatchObject({ status: 'failed', code: 1 });
  });

  it('an init error fails with its code and never joins', async () => {
    const { sdk, client, kinds } = setUp();
    sdk.initAnswer = { error: { errorCode: 3635, errorMessage: 'wasm download failed' } };
    await expect(client.join(ticket)).rejects.toMatchObject({ code: 3635 });
    expect(kinds()).toEqual(['connecting', 'failed']);
    expect(sdk.methods()).not.toContain('join');
  });

  it('an SDK that cannot load fails without a code, in words that say so', async () => {
    const statuses: MeetingStatus[] = [];
    const client = createZoomMeetingClient({
      loadSdk: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
      crossOriginIsolated: true,
      leaveUrl: '/bot/index.html#left',
    });
    client.onStatus((status) => statuses.push(status));
    await expect(client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(statuses[1]?.message).toMatch(/could not load Zoom's Meeting SDK/);
  });
});

describe('the Zoom meeting client: leaving', () => {
  it('leaves through the SDK and reports left once, however the SDK echoes it', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.leaveAnswer = 'pending';
    const leaving = client.leave();
    sdk.fire('onUserLeave', { reason: 'leaveMeeting', reasonCode: 2 });
    sdk.fire('onMeetingStatus', { meetingStatus: 3 });
    await leaving;
    await client.leave();
    expect(sdk.methods()).toContain('leaveMeeting');
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'left']);
  });

  it('a drop while leaving is the leave, not a disconnect', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.leaveAnswer = 'pending';
    const leaving = client.leave();
    sdk.fire('onMeetingStatus', { meetingStatus: 3 });
    await leaving;
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'left']);
  });

  it('reports left after a bounded wait when the SDK never answers the leave', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.leaveAnswer = 'pending';
    await client.leave();
    expect(kinds()).toEqual(['connecting', 'left']);
  });

  it('leaving during the join stops it: the join settles and nothing else is reported', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending(sdk, client);
    sdk.leaveAnswer = { error: { errorCode: 1, errorMessage: 'not in meeting' } };
    await client.leave();
    await expect(joined).resolves.toBeUndefined();
    sdk.settleJoin({ error: { errorCode: 1 } });
    expect(kinds()).toEqual(['connecting', 'left']);
  });

  it('a removal from the waiting room during the join settles the join without a failure', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending(sdk, client);
    sdk.fire('onJoinSpeed', { level: 6 });
    sdk.fire('onUserLeave', { reasonCode: 7 });
    await expect(joined).resolves.toBeUndefined();
    expect(kinds()).toEqual(['connecting', 'waiting_room', 'kicked']);
  });
});

describe('mapZoomEvent (pure)', () => {
  const fresh = { leaveRequested: false, lastStatus: null };
  const inMeeting = { leaveRequested: false, lastStatus: 'in_meeting' as const };

  it('reads the documented `status` key as well as the shipped `meetingStatus`', () => {
    expect(mapZoomEvent({ kind: 'meeting-status', payload: { status: 4 } }, inMeeting)).toEqual({
      status: 'reconnecting',
    });
  });

  it('ignores what it cannot read', () => {
    for (const payload of [null, 'x', 42, {}, { meetingStatus: 9 }, { level: 'soon' }]) {
      expect(mapZoomEvent({ kind: 'meeting-status', payload }, inMeeting)).toBeNull();
      expect(mapZoomEvent({ kind: 'user-leave', payload }, inMeeting)).toBeNull();
      expect(mapZoomEvent({ kind: 'join-speed', payload }, inMeeting)).toBeNull();
    }
  });

  it('a self-leave reason is left; an unknown one is a drop unless the page asked to leave', () => {
    expect(mapZoomEvent({ kind: 'user-leave', payload: { reasonCode: 2 } }, inMeeting)).toEqual({
      status: 'left',
    });
    expect(
      mapZoomEvent({ kind: 'user-leave', payload: { reasonCode: 0 } }, inMeeting)?.status,
    ).toBe('disconnected');
    expect(
      mapZoomEvent(
        { kind: 'user-leave', payload: { reasonCode: 0 } },
        { ...inMeeting, leaveRequested: true },
      ),
    ).toEqual({ status: 'left' });
  });

  it('a disclaimer the bot cannot accept fails the join; a move to another device is a leave', () => {
    expect(mapZoomEvent({ kind: 'user-leave', payload: { reasonCode: 8 } }, fresh)?.status).toBe(
      'failed',
    );
    expect(
      mapZoomEvent({ kind: 'user-leave', payload: { reasonCode: 5 } }, inMeeting)?.status,
    ).toBe('left');
  });

  it('connecting again after arriving is not news', () => {
    expect(
      mapZoomEvent({ kind: 'meeting-status', payload: { meetingStatus: 1 } }, inMeeting),
    ).toBeNull();
  });

  it('nothing follows a final status', () => {
    const kicked = { leaveRequested: false, lastStatus: 'kicked' as const };
    expect(
      mapZoomEvent({ kind: 'meeting-status', payload: { meetingStatus: 2 } }, kicked),
    ).toBeNull();
  });
});
