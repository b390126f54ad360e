import { describe, expect, it } from 'vitest';
import {
  failureFromSdkResult,
  mapZoomEvent,
  type ZoomEventContext,
} from '../../../../src/renderer/bot/meeting/zoom-sdk-events';

const joining: ZoomEventContext = {
  leaveRequested: false,
  joinConfirmed: false,
  lastStatus: 'connecting',
};
const inMeeting: ZoomEventContext = {
  leaveRequested: false,
  joinConfirmed: true,
  lastStatus: 'in_meeting',
};
const status = (
  kind: 'meeting-status' | 'user-leave' | 'join-speed',
  payload: unknown,
  context = inMeeting,
) => mapZoomEvent({ kind, payload }, context);

describe('mapZoomEvent (pure)', () => {
  it('reads the documented `status` key as well as the shipped `meetingStatus`', () => {
    expect(status('meeting-status', { status: 4 })).toEqual({
      kind: 'status',
      status: { status: 'reconnecting' },
    });
  });

  it('reads the status nested under `detail`, as `taskRunMeetingview` sends status 1', () => {
    expect(status('meeting-status', { detail: { meetingStatus: 1 } }, joining)).toEqual({
      kind: 'status',
      status: { status: 'connecting' },
    });
  });

  it('ignores what it cannot read', () => {
    for (const payload of [null, 'x', 42, {}, { meetingStatus: 9 }, { level: 'soon' }]) {
      expect(status('meeting-status', payload)).toBeNull();
      expect(status('user-leave', payload)).toBeNull();
      expect(status('join-speed', payload)).toBeNull();
    }
  });

  it('status 3 before the join is confirmed is a refusal, with the code wherever the SDK put it', () => {
    expect(status('meeting-status', { meetingStatus: 3 }, joining)).toEqual({
      kind: 'join-refused',
      code: null,
      message: null,
    });
    expect(
      status('meeting-status', { meetingStatus: 3, detail: { errorCode: 3706 } }, joining),
    ).toMatchObject({ kind: 'join-refused', code: 3706 });
    expect(
      status(
        'meeting-status',
        { meetingStatus: 3, errorCode: 4015, errorMessage: 'mismatch' },
        joining,
      ),
    ).toEqual({ kind: 'join-refused', code: 4015, message: 'mismatch' });
  });

  it('status 3 after joining is the end of the meeting, or the leave the page asked for', () => {
    expect(status('meeting-status', { meetingStatus: 3 })).toMatchObject({
      status: { status: 'ended' },
    });
    expect(
      status('meeting-status', { meetingStatus: 3 }, { ...inMeeting, lastStatus: 'reconnecting' }),
    ).toMatchObject({ status: { status: 'ended' } });
    expect(
      status('meeting-status', { meetingStatus: 3 }, { ...inMeeting, leaveRequested: true }),
    ).toEqual({ kind: 'status', status: { status: 'left' } });
  });

  it('status 2 and 4 count only once the join is confirmed', () => {
    expect(status('meeting-status', { meetingStatus: 2 }, joining)).toBeNull();
    expect(status('meeting-status', { meetingStatus: 4 }, joining)).toBeNull();
    expect(status('meeting-status', { meetingStatus: 2 })).toMatchObject({
      status: { status: 'in_meeting' },
    });
  });

  it('join speed 7 confirms a join still waiting, and admits a bot from the waiting room', () => {
    expect(status('join-speed', { level: 7 }, joining)).toEqual({ kind: 'confirm-join' });
    expect(
      status('join-speed', { level: 7 }, { ...inMeeting, lastStatus: 'waiting_room' }),
    ).toMatchObject({ status: { status: 'in_meeting' } });
  });

  it('leave reasons: self-leaves are left, an unknown one too; never a drop to rejoin', () => {
    expect(status('user-leave', { reasonCode: 2 })).toMatchObject({ status: { status: 'left' } });
    expect(status('user-leave', { reasonCode: 0 })).toMatchObject({ status: { status: 'left' } });
    expect(status('user-leave', { reasonCode: 1 })).toMatchObject({ status: { status: 'ended' } });
    expect(status('user-leave', { reasonCode: 5 })).toMatchObject({ status: { status: 'left' } });
    expect(status('user-leave', { reasonCode: 8 }, joining)).toMatchObject({
      status: { status: 'failed' },
    });
  });

  it('a leave without a reason code is someone else, or our own leaveMeeting()', () => {
    expect(status('user-leave', { userId: 16778240, displayName: 'Someone else' })).toBeNull();
    expect(
      status('user-leave', { reason: 'You are leave meeting by leaveMeeting(api)' }),
    ).toBeNull();
  });

  it('nothing follows a final status', () => {
    const kicked: ZoomEventContext = { ...inMeeting, lastStatus: 'kicked' };
    expect(status('meeting-status', { meetingStatus: 2 }, kicked)).toBeNull();
  });
});

describe('failureFromSdkResult', () => {
  it('keeps Zoom’s code and words, or falls back to ours', () => {
    expect(
      failureFromSdkResult({ errorCode: 3004, errorMessage: ' Wrong passcode ' }, 'x'),
    ).toEqual({
      status: 'failed',
      code: 3004,
      message: 'Wrong passcode',
    });
    expect(failureFromSdkResult({ errorCode: '', errorMessage: '' }, 'fallback')).toEqual({
      status: 'failed',
      code: null,
      message: 'fallback',
    });
  });
});
