import { describe, expect, it } from 'vitest';
import type { MeetingStatus } from '../../../../src/renderer/bot/meeting/meeting-client';
import { HEAD_COUNT_SETTLE_MS, paceStatuses } from '../../../../src/renderer/bot/status-pacer';
import { manualTime } from '../../../support/manual-time';

const inMeeting = (count: number): MeetingStatus => ({
  status: 'in_meeting',
  participantCount: count,
});

describe('paced bot statuses', () => {
  it('sends the first in-meeting status at once and a burst of head counts as one, the latest', () => {
    const timers = manualTime();
    const sent: MeetingStatus[] = [];
    const pace = paceStatuses((status) => sent.push(status), timers);
    pace({ status: 'connecting' });
    pace(inMeeting(2));
    expect(sent).toEqual([{ status: 'connecting' }, inMeeting(2)]);
    for (let count = 3; count <= 60; count++) pace(inMeeting(count));
    expect(sent).toHaveLength(2);
    timers.advance(HEAD_COUNT_SETTLE_MS);
    expect(sent).toEqual([{ status: 'connecting' }, inMeeting(2), inMeeting(60)]);
    pace(inMeeting(59));
    timers.advance(HEAD_COUNT_SETTLE_MS);
    expect(sent.at(-1)).toEqual(inMeeting(59));
  });

  it('lets any other status through at once and drops the head count it outdates', () => {
    const timers = manualTime();
    const sent: MeetingStatus[] = [];
    const pace = paceStatuses((status) => sent.push(status), timers);
    pace(inMeeting(2));
    pace(inMeeting(3));
    pace({ status: 'kicked', code: 3009 });
    expect(sent).toEqual([inMeeting(2), { status: 'kicked', code: 3009 }]);
    expect(timers.pending()).toBe(0);
    timers.advance(HEAD_COUNT_SETTLE_MS);
    expect(sent).toHaveLength(2);
  });

  it('treats coming back into the meeting as news, not as a head count', () => {
    const timers = manualTime();
    const sent: MeetingStatus[] = [];
    const pace = paceStatuses((status) => sent.push(status), timers);
    pace(inMeeting(2));
    pace({ status: 'reconnecting' });
    pace(inMeeting(2));
    expect(sent.map((status) => status.status)).toEqual([
      'in_meeting',
      'reconnecting',
      'in_meeting',
    ]);
  });
});
