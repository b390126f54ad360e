/**
 * Pure mapping from the Client View's in-meeting events to what they mean for this bot. No SDK,
 * no DOM: the client feeds it every event with what it knows (did the page ask to leave, has
 * Zoom confirmed the join, what was reported last) and acts on the answer.
 *
 * Payload shapes, from the SDK's index.d.ts and what its shipped code (6.2.0) really sends; the
 * sequences are traced in zoomus-websdk.umd.min.js and ui/zoomus-websdk-main-client.umd.min.js
 * (docs/zoom.md, "Traced in the SDK bundle"):
 * - `onMeetingStatus`: `{meetingStatus: 1 connecting | 2 connected | 3 disconnected |
 *   4 reconnecting}`. The .d.ts says `status`; 6.2.0 sends `meetingStatus`, and once (status
 *   1 from `taskRunMeetingview`) `{detail: {meetingStatus}}`, so all three are read.
 *   A refused join carries its code as `detail.errorCode` (the join handler `Xe` for
 *   WS_CONF_JOIN_RES, `taskGetMeetingInfo`) or at the top level, `errorCode` (the reconnect
 *   dialog of the main client, for 4012–4018), or no code at all (full, locked, 4011 and most
 *   other refusals of WS_CONF_JOIN_RES, which show the SDK's error dialog instead).
 * - The host ending the meeting, or Zoom ending it, is only status 3 (`vt`, the handler of
 *   CONF_END_INDICATION); leave reason 1 comes only from `endMeeting()` or a click on the
 *   "meeting has ended" dialog. A kick is leave reason 6 or 7 (thunk `nZ`) before status 3.
 *   A dropped connection is status 4 (`resetWebclient`), and 2 again once Zoom reconnects.
 * - Status 2 comes when Zoom's meeting server accepts the join (`Xe`), also for a participant
 *   it is about to hold in the waiting room; the join's success callback follows 2 s later
 *   (main client, the reducer of the join answer), and join speed 6 or 7 says whether this
 *   participant is held or not as soon as the roster says so. So status 2 alone is not "in the
 *   meeting" until the join is confirmed.
 * - `onUserLeave`: for this participant `{reason, reasonCode}` (0 other, 1 host ended,
 *   2/3/4 left by itself, 5 moved to another device, 6 removed from the meeting, 7 removed from
 *   the waiting room, 8 declined a disclaimer). Other participants leaving arrive on the same
 *   event as attendee records without `reasonCode`: those are not about this bot. So is our own
 *   `leaveMeeting()`, which sends a reason without a code.
 * - `onJoinSpeed`: `{level}` milestones of this participant's own join (4 waiting for the host,
 *   5 the meeting started, 6 in the waiting room, 7 out of it, 8 joined Zoom's meeting server).
 *   The only waiting-room signal that is always about this participant: `onUserIsInWaitingRoom`
 *   also reports other people to a host, and a bot's Zoom user may host the meeting.
 */
import type { MeetingStatus, MeetingStatusKind } from './meeting-client';

export type ZoomSdkEvent =
  | { kind: 'meeting-status'; payload: unknown }
  | { kind: 'user-leave'; payload: unknown }
  | { kind: 'join-speed'; payload: unknown };

export interface ZoomEventContext {
  /** The page asked to leave: a leave or close now reads as `left`, never as an end. */
  leaveRequested: boolean;
  /** Zoom confirmed the join (its success callback, or join speed 7). */
  joinConfirmed: boolean;
  /** The last status this client reported, or null before any. */
  lastStatus: MeetingStatusKind | null;
}

/**
 * What an event means: a status to report, or, before the join was confirmed, Zoom refusing it
 * (with its code when the event carries one); or nothing for this bot.
 */
export type ZoomEventMeaning =
  | { kind: 'status'; status: MeetingStatus }
  | { kind: 'join-refused'; code: number | null; message: string | null }
  | { kind: 'confirm-join' }
  | null;

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

const MEETING_ENDED = 'The meeting ended (the host or Zoom ended it).';

/** What an event means now for this bot. */
export function mapZoomEvent(event: ZoomSdkEvent, context: ZoomEventContext): ZoomEventMeaning {
  if (isFinalStatus(context.lastStatus)) return null;
  const payload = readRecord(event.payload);
  switch (event.kind) {
    case 'meeting-status':
      return fromMeetingStatus(payload, context);
    case 'user-leave':
      return fromUserLeave(payload, context);
    case 'join-speed':
      return fromJoinSpeed(payload, context);
  }
}

function fromMeetingStatus(
  payload: Record<string, unknown>,
  context: ZoomEventContext,
): ZoomEventMeaning {
  const status =
    readNumber(payload.meetingStatus) ??
    readNumber(payload.status) ??
    readNumber(readRecord(payload.detail).meetingStatus);
  const { lastStatus, joinConfirmed } = context;
  switch (status) {
    case MEETING_STATUS.connecting:
      return joinConfirmed ? null : report('connecting');
    case MEETING_STATUS.connected:
      // Before the confirmation this may still become the waiting room; in it, only
      // admission (join speed 7) counts.
      return !joinConfirmed || lastStatus === 'waiting_room' ? null : report('in_meeting');
    case MEETING_STATUS.reconnecting:
      return joinConfirmed ? report('reconnecting') : null;
    case MEETING_STATUS.disconnected:
      return fromDisconnected(payload, context);
    default:
      return null;
  }
}

function fromDisconnected(
  payload: Record<string, unknown>,
  context: ZoomEventContext,
): ZoomEventMeaning {
  if (context.leaveRequested) return report('left');
  const code = readNumber(readRecord(payload.detail).errorCode) ?? readNumber(payload.errorCode);
  const said = readText(payload.errorMessage) ?? readText(readRecord(payload.detail).errorMessage);
  if (!context.joinConfirmed) return { kind: 'join-refused', code, message: said };
  if (code === KICKED_CODE) {
    return { kind: 'status', status: { status: 'kicked', code, message: 'Removed by the host.' } };
  }
  // Neither our leave nor a kick (that came first, as leave reason 6 or 7): the meeting is over.
  return { kind: 'status', status: { status: 'ended', code, message: MEETING_ENDED } };
}

function fromUserLeave(
  payload: Record<string, unknown>,
  context: ZoomEventContext,
): ZoomEventMeaning {
  const reason = readNumber(payload.reasonCode);
  if (reason === null) return null; // another participant, or our own leaveMeeting()
  const said = readText(payload.reason);
  const status = (meeting: MeetingStatus): ZoomEventMeaning => ({
    kind: 'status',
    status: meeting,
  });
  switch (reason) {
    case LEAVE_REASON.removedFromMeeting:
      return status({
        status: 'kicked',
        code: KICKED_CODE,
        message: said ?? 'Removed by the host.',
      });
    case LEAVE_REASON.removedFromWaitingRoom:
      return status({
        status: 'kicked',
        code: KICKED_CODE,
        message: said ?? 'Removed from the waiting room by the host.',
      });
    case LEAVE_REASON.hostEnded:
      return status({ status: 'ended', code: null, message: said ?? MEETING_ENDED });
    case LEAVE_REASON.declinedDisclaimer:
      return status({
        status: 'failed',
        code: null,
        message: 'The disclaimer of this meeting was declined, so Zoom did not let the bot in.',
      });
    case LEAVE_REASON.movedToAnotherDevice:
      // Not a drop to recover from: rejoining would move the session back and forth.
      return status({
        status: 'left',
        code: null,
        message: 'Zoom moved this session to another device.',
      });
    default:
      // Left through the SDK's own controls (2–4, or 0 from its leave thunk): nobody asked
      // Botdeck, so somebody used the bot window; that is a leave, not a drop to undo.
      return context.leaveRequested
        ? report('left')
        : status({
            status: 'left',
            code: null,
            message: 'The bot left through Zoom’s own controls.',
          });
  }
}

function fromJoinSpeed(
  payload: Record<string, unknown>,
  context: ZoomEventContext,
): ZoomEventMeaning {
  switch (readNumber(payload.level)) {
    case JOIN_SPEED.waitingForHost:
      return {
        kind: 'status',
        status: {
          status: 'waiting_room',
          code: null,
          message: 'Waiting for the host to start the meeting.',
        },
      };
    case JOIN_SPEED.meetingStarted:
      return report('connecting');
    case JOIN_SPEED.inWaitingRoom:
      return report('waiting_room');
    case JOIN_SPEED.outOfWaitingRoom:
      // Not held (or admitted): Zoom's roster says this participant is in the meeting. A
      // removal instead comes as leave reason 7, which is final and wins.
      return context.joinConfirmed ? report('in_meeting') : { kind: 'confirm-join' };
    default:
      // 8, "joined Zoom's meeting server", comes with status 2 and means no more than it.
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
  const said = readText(record.errorMessage);
  return { status: 'failed', code, message: said ?? fallback };
}

const report = (status: MeetingStatusKind): ZoomEventMeaning => ({
  kind: 'status',
  status: { status },
});

function readRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function readText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function readNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}
