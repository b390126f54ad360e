/**
 * Event sequences as Client View 6.2.0 really produces them, replayed through the real client.
 * Each was read in the SDK's shipped code (the bundle and function are named with it; the
 * trace is in docs/zoom.md, "Traced in the SDK bundle"). Before this client, the
 * meeting's end read as a drop (and was rejoined), and every refusal without a join callback
 * ran into the join timeout.
 */
import { describe, expect, it } from 'vitest';
import type { ZoomListenedEvent } from '../../../../src/renderer/bot/meeting/zoom-sdk-types';
import {
  DISCLAIMER_WORDS,
  PAGE_FAILURE_WORDS,
  describeJoinError,
} from '../../../../src/shared/zoom-errors';
import type { RecordingZoomMtg } from './recording-zoom-mtg';
import { joinPending, setUp, ticket } from './zoom-client-harness';

type Step =
  | [ZoomListenedEvent, unknown]
  | ['join-success']
  | ['join-error', unknown]
  /** The SDK's dialog for a refused join, as the page reads it: Zoom's code. */
  | ['dialog-code', number];

function play(sdk: RecordingZoomMtg, steps: Step[]): void {
  for (const step of steps) {
    if (step[0] === 'join-success') sdk.settleJoin({ success: true });
    else if (step[0] === 'join-error') sdk.settleJoin({ error: step[1] });
    else if (step[0] === 'dialog-code') {
      sdk.shownView = { name: 'showing its join error', code: step[1], words: null };
    } else sdk.fire(step[0], step[1]);
  }
}

/** The meeting server accepts the join: status 2 and join speed 8 (`Xe`, WS_CONF_JOIN_RES). */
const ACCEPTED: Step[] = [
  ['onJoinSpeed', { tag: 'JOIN_SPEED', level: 8, text: 'user join success' }],
  ['onMeetingStatus', { meetingStatus: 2 }],
];

async function inMeeting() {
  const harness = setUp();
  const { joined } = await joinPending(harness);
  play(harness.sdk, [...ACCEPTED, ['join-success']]);
  await joined;
  return harness;
}

describe('after joining (zoomus-websdk.umd.min.js, `vt`: CONF_END_INDICATION)', () => {
  it('the host ending the meeting is status 3 alone: ended, never a drop to rejoin', async () => {
    const { sdk, kinds, statuses } = await inMeeting();
    play(sdk, [['onMeetingStatus', { meetingStatus: 3 }]]);
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'ended']);
    expect(statuses.at(-1)?.message).toMatch(/meeting ended/);
  });

  it.each([
    [6, 'You are removed by host/co-host from meeting'],
    [7, 'You are removed by host/co-host from waiting room'],
  ])('a kick is leave reason %i (thunk `nZ`) before status 3', async (reasonCode, reason) => {
    const { sdk, kinds, statuses } = await inMeeting();
    play(sdk, [
      ['onUserLeave', { reason, reasonCode }],
      ['onMeetingStatus', { meetingStatus: 3 }],
    ]);
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'kicked']);
    expect(statuses.at(-1)).toEqual({ status: 'kicked', code: 3009, message: reason });
  });

  it('a removal from the waiting room during the join ends it as kicked, without a failure', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending({ sdk, client });
    play(sdk, [
      ...ACCEPTED,
      ['onJoinSpeed', { level: 6, text: 'user in waiting room' }],
      ['onUserLeave', { reasonCode: 7 }],
      ['onMeetingStatus', { meetingStatus: 3 }],
    ]);
    await expect(joined).resolves.toBeUndefined();
    expect(kinds()).toEqual(['connecting', 'waiting_room', 'kicked']);
  });

  it('a dropped connection is status 4 (`resetWebclient`), then 2 when Zoom reconnects', async () => {
    const { sdk, kinds } = await inMeeting();
    play(sdk, [
      ['onMeetingStatus', { meetingStatus: 4 }],
      ['onJoinSpeed', { level: 8 }],
      ['onMeetingStatus', { meetingStatus: 2 }],
    ]);
    expect(kinds()).toEqual(['connecting', 'in_meeting', 'reconnecting', 'in_meeting']);
  });
});

describe('the waiting room (a guess, from `Xe` and the roster’s join speed 6/7)', () => {
  it('status 2 comes before the hold: the bot is never reported in the meeting first', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending({ sdk, client });
    play(sdk, [...ACCEPTED, ['onJoinSpeed', { level: 6 }], ['join-success']]);
    await joined;
    expect(kinds()).toEqual(['connecting', 'waiting_room']);
    play(sdk, [['onJoinSpeed', { level: 7, text: 'user out waiting room' }]]);
    expect(kinds()).toEqual(['connecting', 'waiting_room', 'in_meeting']);
  });

  it('join speed 7 from the roster confirms the join before the success callback', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending({ sdk, client });
    play(sdk, [...ACCEPTED, ['onJoinSpeed', { level: 7 }]]);
    await joined;
    expect(kinds()).toEqual(['connecting', 'in_meeting']);
  });
});

describe('refusals: each family ends the join at once with Zoom’s code', () => {
  const refusals: [string, Step[], number][] = [
    // `taskGetMeetingInfo` for a refusing first answer: the error callback, then status 3.
    [
      'no such meeting (3001, mapped to 3610)',
      [
        ['join-error', { errorCode: 3610, errorMessage: 'Meeting not existed.' }],
        ['onMeetingStatus', { meetingStatus: 3 }],
      ],
      3610,
    ],
    [
      'wrong passcode',
      [
        ['join-error', { errorCode: 3004, errorMessage: 'Wrong meeting passcode' }],
        ['onMeetingStatus', { meetingStatus: 3 }],
      ],
      3004,
    ],
    // `Xe`, WS_CONF_JOIN_RES: full (res 9) and locked (res 12) send status 3 twice, no code, and
    // open the "Meeting is full" / "Meeting is locked" dialog (seen in Chromium).
    [
      'meeting full',
      [
        ['onMeetingStatus', { meetingStatus: 3 }],
        ['dialog-code', 4005],
        ['onMeetingStatus', { meetingStatus: 3 }],
      ],
      4005,
    ],
    [
      'meeting locked',
      [
        ['onMeetingStatus', { meetingStatus: 3 }],
        ['dialog-code', 4006],
        ['onMeetingStatus', { meetingStatus: 3 }],
      ],
      4006,
    ],
    [
      'app not published (res 6601)',
      [
        ['dialog-code', 4011],
        ['onMeetingStatus', { meetingStatus: 3 }],
      ],
      4011,
    ],
    // The main client's reconnect dialog adds a second status 3 with the code at the top level.
    ...[4012, 4013, 4014, 4015, 4016, 4017, 4018].map((code): [string, Step[], number] => [
      `ZAK/OBF refusal ${code}`,
      [
        ['onMeetingStatus', { meetingStatus: 3 }],
        ['onMeetingStatus', { meetingStatus: 3, errorCode: code, errorMessage: 'zak or obf' }],
      ],
      code,
    ]),
    [
      'participant already there (4008, detail)',
      [
        [
          'onMeetingStatus',
          { meetingStatus: 3, detail: { errorCode: 4008, errorMessage: 'exists' } },
        ],
      ],
      4008,
    ],
  ];

  it.each(refusals)('%s', async (_name, steps, code) => {
    const { sdk, client, kinds, statuses } = setUp();
    const { joined } = await joinPending({ sdk, client });
    play(sdk, steps);
    await expect(joined).rejects.toMatchObject({ code });
    expect(kinds()).toEqual(['connecting', 'failed']);
    expect(statuses[1]?.code).toBe(code);
    expect(describeJoinError(code)).not.toMatch(/could not be joined/);
  });

  it.each([3051, 3052, 3082, 3099, 3110, 3113, 3129, 3135, 6024])(
    'first answer %i opens an SDK view and calls nothing: the answer itself fails the join',
    async (code) => {
      const { sdk, client, kinds, statuses } = setUp();
      const { joined } = await joinPending({ sdk, client });
      sdk.answerJoin({ httpStatus: 200, accepted: false, errorCode: code });
      await expect(joined).rejects.toMatchObject({ code });
      expect(kinds()).toEqual(['connecting', 'failed']);
      expect(statuses[1]?.code).toBe(code);
    },
  );

  it('a close with no code anywhere fails with words that say so', async () => {
    const { sdk, client, statuses } = setUp();
    const { joined } = await joinPending({ sdk, client });
    play(sdk, [['onMeetingStatus', { meetingStatus: 3 }]]);
    await expect(joined).rejects.toMatchObject({ code: null });
    expect(statuses[1]?.message).toMatch(/without giving a reason/);
  });

  it('“the meeting has not started” waits as in the waiting room', async () => {
    const { sdk, client, kinds } = setUp();
    await joinPending({ sdk, client });
    sdk.answerJoin({ httpStatus: 200, accepted: false, errorCode: 3008 });
    expect(kinds()).toEqual(['connecting', 'waiting_room']);
  });
});

describe('views that wait for a person', () => {
  it('a disclaimer is reported in words, never accepted on the operator’s behalf', async () => {
    const { sdk, client, statuses } = setUp();
    const { joined } = await joinPending({ sdk, client });
    sdk.stallIn({ name: 'waiting on a disclaimer', code: null, words: DISCLAIMER_WORDS });
    await expect(joined).rejects.toMatchObject({ code: null });
    expect(statuses[1]).toEqual({ status: 'failed', code: null, message: DISCLAIMER_WORDS });
    expect(sdk.methods()).toEqual(expect.not.arrayContaining(['leaveMeeting']));
  });

  it('a refusal dialog that comes with no event at all (already joined elsewhere, res 103044)', async () => {
    const { sdk, client, statuses } = setUp();
    const { joined } = await joinPending({ sdk, client });
    const said =
      'Unable to join this meeting You’ve already joined this meeting on another device. OK';
    sdk.stallIn({ name: 'showing a dialog', code: null, words: PAGE_FAILURE_WORDS.zoomSays(said) });
    await expect(joined).rejects.toMatchObject({ code: null });
    expect(statuses[1]?.message).toMatch(/already joined this meeting on another device/);
  });

  it('a declined disclaimer (leave reason 8) fails the join', async () => {
    const { sdk, client, kinds } = setUp();
    const { joined } = await joinPending({ sdk, client });
    play(sdk, [['onUserLeave', { reason: 'leaveFromDisclaimer', reasonCode: 8 }]]);
    await expect(joined).rejects.toMatchObject({ code: null });
    expect(kinds()).toEqual(['connecting', 'failed']);
  });
});

it('the ticket’s secrets reach the SDK’s join and no status', async () => {
  const { sdk, client, statuses } = setUp();
  const { joined } = await joinPending({ sdk, client });
  play(sdk, [['join-error', { errorCode: 3712, errorMessage: 'Invalid signature.' }]]);
  await expect(joined).rejects.toMatchObject({ code: 3712 });
  expect(JSON.stringify(statuses)).not.toContain(ticket.zak);
  expect(JSON.stringify(statuses)).not.toContain(ticket.signature);
});
