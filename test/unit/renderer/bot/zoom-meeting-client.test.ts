import { describe, expect, it } from 'vitest';
import { attendeeCount } from '../../../../src/renderer/bot/meeting/zoom-head-count';
import { joinPending, setUp, ticket } from './zoom-client-harness';

describe('the Zoom meeting client: init and join', () => {
  it('inits muted with the camera off, without dialogs or redirects, and degrades CORP when not isolated', async () => {
    const { sdk, client } = setUp({ isolated: false });
    await client.join(ticket);

    expect(sdk.calls.find((call) => call.method === 'init')?.args).toEqual({
      leaveUrl: '/bot/index.html#left',
      leaveRedirect: false,
      webEndpoint: 'zoom.us',
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

  it('joins a ZoomGov meeting against ZoomGov’s web domain', async () => {
    const { sdk, client } = setUp({ zoomDomain: 'zoomgov.com' });
    await client.join(ticket);
    expect(sdk.lastInit()?.webEndpoint).toBe('www.zoomgov.com');
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
    expect(sdk.methods().slice(0, 7)).toEqual([
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

  it('is in the meeting once Zoom confirms the join, and not before', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending({ sdk, client });
    sdk.fire('onMeetingStatus', { meetingStatus: 2 });
    sdk.fire('onJoinSpeed', { level: 8 });
    expect(kinds()).toEqual(['connecting']);
    sdk.settleJoin({ success: true });
    await joined;
    expect(kinds()).toEqual(['connecting', 'in_meeting']);
  });

  it('refuses a second join in the same page with Zoom’s 3000, reporting nothing', async () => {
    const { client, kinds } = setUp();
    await client.join(ticket);
    await expect(client.join(ticket)).rejects.toMatchObject({ code: 3000 });
    expect(kinds()).toEqual(['connecting', 'in_meeting']);
  });
});

describe('the Zoom meeting client: leaving', () => {
  it('leaves through the SDK and reports left once, however the SDK echoes it', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.leaveAnswer = 'pending';
    const leaving = client.leave();
    // What leaveMeeting() itself emits (zoomus-websdk.umd.min.js, `leaveMeeting`).
    sdk.fire('onUserLeave', { reason: 'You are leave meeting by leaveMeeting(api)' });
    sdk.fire('onMeetingStatus', { meetingStatus: 3 });
    await leaving;
    await client.leave();
    expect(sdk.methods()).toContain('leaveMeeting');
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'left']);
  });

  it('reports left after a bounded wait when the SDK never answers the leave', async () => {
    const { sdk, client, kinds } = setUp();
    await client.join(ticket);
    sdk.leaveAnswer = 'pending';
    await client.leave();
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'left']);
  });

  it('leaving during the join stops it: the join settles and nothing else is reported', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending({ sdk, client });
    sdk.leaveAnswer = { error: { errorCode: 1, errorMessage: 'not in meeting' } };
    await client.leave();
    await expect(joined).resolves.toBeUndefined();
    sdk.settleJoin({ error: { errorCode: 1 } });
    expect(kinds()).toEqual(['connecting', 'left']);
    expect(sdk.watchingViews()).toBe(false);
  });

  it('leaving while init still runs settles the join without joining', async () => {
    const { sdk, client, kinds } = setUp();
    sdk.initAnswer = 'pending';
    const joined = client.join(ticket);
    await expect.poll(() => sdk.methods()).toContain('init');
    await client.leave();
    await expect(joined).resolves.toBeUndefined();
    expect(sdk.methods()).not.toContain('join');
    expect(kinds()).toEqual(['connecting', 'left']);
  });
});

describe('the Zoom meeting client: head count for “alone in the meeting”', () => {
  it('reports how many are in the meeting on entering, and again as people come and go', async () => {
    const { sdk, client, statuses } = setUp();
    sdk.attendees = ['Support 1', 'Host'];
    await client.join(ticket);
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
