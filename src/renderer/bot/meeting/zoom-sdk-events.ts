/**
 * Pure mapping from the Client View's in-meeting events to Botdeck's meeting statuses. No SDK,
 * no DOM: the client feeds it every event with what it knows (did the page ask to leave, what
 * was reported last) and forwards whatever status comes back.
 *
 * Payload shapes, from the SDK's index.d.ts and what its shipped code really sends:
 * - `onMeetingStatus`: `{meetingStatus: 1 connecting | 2 connected | 3 disconnected |
 *   4 reconnecting, detail?: {errorCode}}`. The .d.ts comment says `status`; 6.2.0 sends
 *   `meetingStatus`, so both are read.
 * - `onUserLeave`: for this participant `{reason, reasonCode}` (0 other, 1 host ended,
 *   2/3/4 left by itself, 5 moved to another device, 6 removed from the meeting, 7 removed from
 *   the waiting room, 8 declined a disclaimer). Other participants leaving arrive on the same
 *   event as attendee records without `reasonCode`: those are not about this bot and are ignored.
 * - `onJoinSpeed`: `{level}` milestones of this participant's own join (4 waiting for the host,
 *   5 the meeting started, 6 in the waiting room, 7 out of the waiting room, 8 joined). They are
 *   the only waiting-room signal that is always about this participant: `onUserIsInWaitingRoom`
 *   also reports other people to a host or co-host, and a bot's Zoom user may host the meeting.
 */
import type { MeetingStatus, MeetingStatusKind } from './meeting-client';

export type ZoomSdkEvent =
  | { kind: 'meeting-status'; payload: unknown }
  | { kind: 'user-leave'; payload: unknown }
  | { kind: 'join-speed'; payload: unknown };

export interface ZoomEventContext {
  /** The page asked to leave: a leave or close now reads as `left`, never as a drop. */
  leaveRequested: boolean;
  /** The last status this client reported, or null before any. */
  lastStatus: MeetingStatusKind | null;
}

/** Zoom's join error code for "removed by the host"; leave reasons 6 and 7 report it. */
export const KICKED_CODE = 3009;

export const MEETING_STATUS = { connecting: 1, connected: 2, disconnected: 3, reconnecting: 4 };
export const LEAVE_REASON = {
  other: 0,
  hostEnded: 1,
  leftFromMeeting: 2,
  leftFromWaitingRoom: 3,
  leftWhileWaitingForHost: 4,
  movedToAnotherDevice: 5,
  removedFromMeeting: 6,
  removedFromWaitingRoom: 7,
  declinedDisclaimer: 8,
};
export const JOIN_SPEED = {
  waitingForHost: 4,
  meetingStarted: 5,
  inWaitingRoom: 6,
  outOfWaitingRoom: 7,
  joined: 8,
};

/** After these, nothing more is reported for this join. */
const FINAL: ReadonlySet<MeetingStatusKind> = new Set([
  'disconnected',
  'kicked',
  'ended',
  'left',
  'failed',
]);

export function isFinalStatus(status: MeetingStatusKind | null): boolean {
  return status !== null && FINAL.has(status);
}

/** True once the bot got as far as the meeting (or its waiting room). */
function hasArrived(last: MeetingStatusKind | null): boolean {
  return last === 'in_meeting' || last === 'waiting_room' || last === 'reconnecting';
}

/** The status an event means now, or null when it changes nothing for this bot. */
export function mapZoomEvent(event: ZoomSdkEvent, context: ZoomEventContext): MeetingStatus | null {
  if (isFinalStatus(context.lastStatus)) return null;
  switch (event.kind) {
    case 'meeting-status':
      return fromMeetingStatus(readRecord(event.payload), context);
    case 'user-leave':
      return fromUserLeave(readRecord(event.payload), context);
    case 'join-speed':
      return fromJoinSpeed(readRecord(event.payload), context);
  }
}

function fromMeetingStatus(
  payload: Record<string, unknown>,
  context: ZoomEventContext,
): MeetingStatus | null {
  const status = readNumber(payload.meetingStatus) ?? readNumber(payload.status);
  const { lastStatus } = context;
  switch (status) {
    case MEETING_STATUS.connecting:
      return hasArrived(lastStatus) ? null : status_('connecting');
    case MEETING_STATUS.connected:
      // Connected also happens while parked in the waiting room: only admission counts.
      return lastStatus === 'waiting_room' ? null : status_('in_meeting');
    case MEETING_STATUS.reconnecting:
      return status_('reconnecting');
    case MEETING_STATUS.disconnected: {
      if (context.leaveRequested) return status_('left');
      const code = readNumber(readRecord(payload.detail).errorCode);
      if (code !== null && lastStatus !== 'in_meeting') {
        return { status: 'failed', code, message: 'Zoom refused the join.' };
      }
      if (hasArrived(lastStatus)) {
        return { status: 'disconnected', code, message: 'Zoom closed the meeting connection.' };
      }
      // Closed while joining, without a code: the join's error callback, which follows with
      // Zoom's code, tells what happened.
      return null;
    }
    default:
      return null;
  }
}

function fromUserLeave(
  payload: Record<string, unknown>,
  context: ZoomEventContext,
): MeetingStatus | null {
  const reason = readNumber(payload.reasonCode);
  if (reason === null) return null; // another participant left
  const said = typeof payload.reason === 'string' && payload.reason !== '' ? payload.reason : null;
  switch (reason) {
    case LEAVE_REASON.removedFromMeeting:
      return { status: 'kicked', code: KICKED_CODE, message: said ?? 'Removed by the host.' };
    case LEAVE_REASON.removedFromWaitingRoom:
      return {
        status: 'kicked',
        code: KICKED_CODE,
        message: said ?? 'Removed from the waiting room by the host.',
      };
    case LEAVE_REASON.hostEnded:
      return { status: 'ended', code: null, message: said ?? 'The host ended the meeting.' };
    case LEAVE_REASON.declinedDisclaimer:
      return {
        status: 'failed',
        code: null,
        message: 'The meeting asks every participant to accept a disclaimer, which a bot cannot.',
      };
    case LEAVE_REASON.movedToAnotherDevice:
      // Not a drop to recover from: rejoining would move the session back and forth.
      return { status: 'left', code: null, message: 'Zoom moved this session to another device.' };
    case LEAVE_REASON.leftFromMeeting:
    case LEAVE_REASON.leftFromWaitingRoom:
    case LEAVE_REASON.leftWhileWaitingForHost:
      return status_('left');
    default:
      return context.leaveRequested
        ? status_('left')
        : { status: 'disconnected', code: null, message: said ?? 'Zoom ended this session.' };
  }
}

function fromJoinSpeed(
  payload: Record<string, unknown>,
  context: ZoomEventContext,
): MeetingStatus | null {
  const level = readNumber(payload.level);
  switch (level) {
    case JOIN_SPEED.waitingForHost:
      return {
        status: 'waiting_room',
        code: null,
        message: 'Waiting for the host to start the meeting.',
      };
    case JOIN_SPEED.meetingStarted:
      return status_('connecting');
    case JOIN_SPEED.inWaitingRoom:
      return status_('waiting_room');
    case JOIN_SPEED.outOfWaitingRoom:
      // Admitted. A removal instead comes as onUserLeave 7, which is final and wins.
      return status_('in_meeting');
    case JOIN_SPEED.joined:
      return context.lastStatus === 'waiting_room' ? null : status_('in_meeting');
    default:
      return null;
  }
}

/**
 * The `failed` status for an `init` or `join` error callback: `{errorCode, errorMessage}` (the
 * Client View's result object). The code goes to main untouched; main words it for the operator.
 */
export function failureFromSdkResult(result: unknown, fallback: string): MeetingStatus {
  const record = readRecord(result);
  const code = readNumber(record.errorCode);
  const said = typeof record.errorMessage === 'string' ? record.errorMessage.trim() : '';
  if (code === null && said === '') return { status: 'failed', code: null, message: fallback };
  return { status: 'failed', code, message: said === '' ? fallback : said };
}

const status_ = (status: MeetingStatusKind): MeetingStatus => ({ status });

function readRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function readNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}
