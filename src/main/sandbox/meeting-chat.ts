/**
 * The sandbox's meeting chat: who said what in which live meeting, oldest first, so a test can
 * check that a bot really spoke (and under which name); and renaming oneself. Kept apart from
 * the meeting model, which it only asks who is where. Bounded twice: each meeting keeps its newest lines, and all live
 * meetings together hold a fixed number; the lines of meetings that ended are dropped first
 * when room is needed (nobody can read them any more: the chat of an ended meeting is a 404).
 */
import { HttpError } from './http-kit';
import type { ChatLine } from './meeting-model';
import type { MeetingService } from './meeting-service';
import type { SandboxClock } from './sandbox-clock';
import { capReached, type SandboxLimits } from './sandbox-limits';

/** Zoom's Web SDK refuses `sendChat` in a meeting whose host restricted chat with these words. */
export const CHAT_RESTRICTED_MESSAGE = "Can't send chat because Restrict chat";

/** The Web SDK's generic failure code, which its `sendChat` refusals carry. */
const SDK_FAIL_CODE = 1;
/** The Web SDK's "not in a meeting" code (`MEETING_NOT_START`). */
const NOT_IN_MEETING_CODE = 3008;

export class MeetingChat {
  private readonly logs = new Map<string, ChatLine[]>();
  private total = 0;

  constructor(
    private readonly meetings: MeetingService,
    private readonly clock: SandboxClock,
    private readonly limits: Pick<SandboxLimits, 'chatLinesPerMeeting' | 'chatLinesTotal'>,
  ) {}

  /**
   * Posts `text` (already validated) from a participant to everyone in its meeting. Throws the
   * refusal in the meeting service's shape: no meeting, not a participant, waiting to be
   * admitted, chat turned off by the host, or the sandbox's chat full.
   */
  post(meetingNumber: string, participantId: string, text: string): ChatLine {
    const meeting = this.meetings.live(meetingNumber);
    if (!meeting) {
      throw new HttpError(404, { errorCode: 3001, message: 'Meeting does not exist.' });
    }
    const place = this.meetings.place(meetingNumber, participantId);
    if (!place) {
      throw new HttpError(404, { errorCode: 200, message: 'No such participant in this meeting.' });
    }
    if (place.waiting) {
      throw new HttpError(403, {
        errorCode: NOT_IN_MEETING_CODE,
        message: 'Participants in the waiting room cannot chat with the meeting.',
      });
    }
    if (meeting.chatDisabled) {
      throw new HttpError(403, { errorCode: SDK_FAIL_CODE, message: CHAT_RESTRICTED_MESSAGE });
    }
    this.makeRoom();
    const line: ChatLine = {
      participantId,
      displayName: place.participant.displayName,
      text,
      at: new Date(this.clock.now()).toISOString(),
    };
    const log = this.logs.get(meetingNumber) ?? [];
    log.push(line);
    this.total += 1;
    if (log.length > this.limits.chatLinesPerMeeting) {
      log.shift();
      this.total -= 1;
    }
    this.logs.set(meetingNumber, log);
    return line;
  }

  /** The chat of a live meeting, oldest first; null when there is no such live meeting. */
  list(meetingNumber: string): ChatLine[] | null {
    if (!this.meetings.live(meetingNumber)) return null;
    return [...(this.logs.get(meetingNumber) ?? [])];
  }

  /** Frees the lines of ended meetings when full; throws a 429 if live meetings fill it. */
  private makeRoom(): void {
    const { chatLinesTotal } = this.limits;
    if (this.total < chatLinesTotal) return;
    for (const [meetingNumber, log] of this.logs) {
      if (this.meetings.live(meetingNumber)) continue;
      this.logs.delete(meetingNumber);
      this.total -= log.length;
    }
    if (this.total >= chatLinesTotal) {
      throw capReached(
        'chat lines',
        chatLinesTotal,
        'end some meetings (DELETE /sandbox/meetings/{n}).',
      );
    }
  }
}

/**
 * Gives a participant (in the meeting or its waiting room) a new display name; false when it is
 * in neither. Whether the meeting allows it is the caller's decision.
 */
export function renameParticipant(
  meetings: MeetingService,
  meetingNumber: string,
  participantId: string,
  displayName: string,
): boolean {
  const meeting = meetings.live(meetingNumber);
  if (!meeting) return false;
  for (const place of [meeting.participants, meeting.waiting]) {
    const participant = place.get(participantId);
    if (participant) {
      place.set(participantId, { ...participant, displayName });
      return true;
    }
  }
  return false;
}
