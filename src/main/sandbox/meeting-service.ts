/**
 * The meeting model: meetings, participants, and the join decision. It has no HTTP in it; routes
 * and presence streams sit on top. The ZAK is looked at only in `join`
 * (docs/zoom.md, "Observed ZAK semantics": expiry and revocation matter at join time, never to
 * someone already in the meeting).
 */
import { checkSignature, type SdkCredentials } from './join-checks';
import type {
  DepartureReason,
  JoinInput,
  JoinOutcome,
  MeetingChange,
  MeetingSetup,
  ParticipantPlace,
  ParticipantView,
  SandboxMeeting,
} from './meeting-model';
import { randomAlphanumeric, randomMeetingNumber, randomToken } from './random-ids';
import type { SandboxClock } from './sandbox-clock';
import { capReached, type SandboxLimits } from './sandbox-limits';
import type { ZakCheck, ZakProblem } from './token-registry';

export type { DepartureReason, MeetingChange } from './meeting-model';

/** What the service needs from the rest of the sandbox. */
export interface MeetingServiceDeps {
  clock: SandboxClock;
  sdkCredentials: readonly SdkCredentials[];
  checkZak(zak: string | null): ZakCheck;
  /** The avatar URL of a Zoom user (the ZAK owner). */
  avatarOf(userId: string): string | null;
  limits: Pick<
    SandboxLimits,
    | 'liveMeetings'
    | 'endedMeetingsKept'
    | 'participantsPerMeeting'
    | 'participantsTotal'
    | 'verdictsKept'
  >;
}

type DepartureListener = (
  meetingNumber: string,
  participantId: string,
  why: DepartureReason,
) => void;

const ZAK_PROBLEM_WORDS: Record<ZakProblem, string> = {
  missing: 'no ZAK was given',
  unknown: 'the ZAK is not valid',
  expired: 'the ZAK has expired',
  revoked: 'the ZAK was revoked (signed out from all devices)',
  wrong_kind: 'the token is not a ZAK',
};

/** Meetings and who is in them. */
export class MeetingService {
  private readonly meetings = new Map<string, SandboxMeeting>();
  // Kicks and ends are remembered so a client that opens its event stream late still learns
  // why it is out (and does not mistake it for a network drop and rejoin).
  private readonly verdicts = new Map<string, 'kicked' | 'ended'>();
  private readonly listeners: DepartureListener[] = [];
  private readonly changeListeners: ((change: MeetingChange) => void)[] = [];
  // Kept as counts so the caps cost nothing per call.
  private liveCount = 0;
  private endedCount = 0;
  private peopleCount = 0;

  constructor(private readonly deps: MeetingServiceDeps) {}

  /** Creates a meeting; a passcode left out is generated. Throws a 429 when too many are live. */
  create(setup: MeetingSetup): SandboxMeeting {
    const { liveMeetings } = this.deps.limits;
    if (this.liveCount >= liveMeetings) {
      throw capReached('live meetings', liveMeetings, 'end some (DELETE /sandbox/meetings/{n}).');
    }
    let meetingNumber = randomMeetingNumber();
    while (this.meetings.has(meetingNumber)) meetingNumber = randomMeetingNumber();
    const meeting: SandboxMeeting = {
      meetingNumber,
      passcode: setup.passcode ?? randomAlphanumeric(6),
      requireAuth: setup.requireAuth,
      waitingRoom: setup.waitingRoom ?? false,
      chatDisabled: setup.chatDisabled ?? false,
      allowRename: setup.allowRename ?? true,
      ended: false,
      participants: new Map(),
      waiting: new Map(),
    };
    this.meetings.set(meetingNumber, meeting);
    this.liveCount += 1;
    return meeting;
  }

  /** A meeting that exists and has not ended. */
  live(meetingNumber: string): SandboxMeeting | null {
    const meeting = this.meetings.get(meetingNumber);
    return meeting && !meeting.ended ? meeting : null;
  }

  /** Decides a join in the Web SDK's order of checks and, if admitted, adds the participant. */
  join(meetingNumber: string, input: JoinInput): JoinOutcome {
    const meeting = this.live(meetingNumber);
    if (!meeting) {
      return { ok: false, status: 404, errorCode: 3001, message: 'Meeting does not exist.' };
    }
    const { clock, sdkCredentials } = this.deps;
    const bad = checkSignature(input.signature, meetingNumber, sdkCredentials, clock.nowSeconds());
    if (bad) return { ok: false, ...bad };
    if (meeting.passcode !== '' && input.passcode !== meeting.passcode) {
      return { ok: false, status: 403, errorCode: 3004, message: 'Wrong meeting passcode.' };
    }
    const full = this.fullness(meeting);
    if (full) return { ok: false, status: 429, errorCode: 4005, message: full };
    const zak = this.deps.checkZak(input.zak);
    if (meeting.requireAuth && !zak.ok) {
      return {
        ok: false,
        status: 403,
        errorCode: 3100,
        message: `This meeting admits signed-in users only: ${ZAK_PROBLEM_WORDS[zak.problem]}.`,
      };
    }
    // In an open meeting a bad ZAK is not fatal: the participant simply joins as a guest.
    const userId = zak.ok ? zak.userId : null;
    const participant: ParticipantView = {
      participantId: randomToken(9),
      displayName: input.userName,
      avatarUrl: userId ? this.deps.avatarOf(userId) : null,
      userId,
    };
    this.peopleCount += 1;
    if (meeting.waitingRoom) {
      meeting.waiting.set(participant.participantId, participant);
      return { ok: true, participant, waitingRoom: true };
    }
    meeting.participants.set(participant.participantId, participant);
    this.countChanged(meeting);
    return { ok: true, participant, waitingRoom: false };
  }

  /** Lets a waiting participant into the meeting; false when it is not waiting there. */
  admit(meetingNumber: string, participantId: string): boolean {
    const meeting = this.live(meetingNumber);
    const participant = meeting?.waiting.get(participantId);
    if (!meeting || !participant) return false;
    meeting.waiting.delete(participantId);
    meeting.participants.set(participantId, participant);
    this.emit({ kind: 'admitted', meetingNumber, participantId });
    this.countChanged(meeting);
    return true;
  }

  /** The participants waiting to be admitted, in join order, or null when no live meeting. */
  waitingRoom(meetingNumber: string): ParticipantView[] | null {
    const meeting = this.live(meetingNumber);
    return meeting ? [...meeting.waiting.values()] : null;
  }

  /** Where that participant is in that live meeting, or null when it is not there. */
  place(meetingNumber: string, participantId: string): ParticipantPlace | null {
    const meeting = this.live(meetingNumber);
    const admitted = meeting?.participants.get(participantId);
    if (admitted) return { participant: admitted, waiting: false };
    const waiting = meeting?.waiting.get(participantId);
    return waiting ? { participant: waiting, waiting: true } : null;
  }

  /** The participants of a live meeting in join order, or null when there is none. */
  participants(meetingNumber: string): ParticipantView[] | null {
    const meeting = this.live(meetingNumber);
    return meeting ? [...meeting.participants.values()] : null;
  }

  /** The first `limit` participants of a live meeting in join order (none when not live). */
  firstParticipants(meetingNumber: string, limit: number): ParticipantView[] {
    const first: ParticipantView[] = [];
    const meeting = this.live(meetingNumber);
    if (!meeting) return first;
    for (const participant of meeting.participants.values()) {
      if (first.length >= limit) break;
      first.push(participant);
    }
    return first;
  }

  /** Whether that participant was kicked or was in a meeting that ended. */
  verdict(participantId: string): 'kicked' | 'ended' | null {
    return this.verdicts.get(participantId) ?? null;
  }

  /** Takes a participant out of a meeting or its waiting room; false when it was in neither. */
  remove(meetingNumber: string, participantId: string, why: DepartureReason): boolean {
    const meeting = this.live(meetingNumber);
    if (!meeting) return false;
    const wasIn = meeting.participants.delete(participantId);
    if (!wasIn && !meeting.waiting.delete(participantId)) return false;
    this.peopleCount -= 1;
    this.depart(meetingNumber, participantId, why);
    if (wasIn) this.countChanged(meeting);
    return true;
  }

  /** Ends a live meeting: everyone goes, later joins get 3001. False when not live. */
  end(meetingNumber: string): boolean {
    const meeting = this.live(meetingNumber);
    if (!meeting) return false;
    // Ended first, so nobody hears a shrinking head count on the way out.
    meeting.ended = true;
    this.liveCount -= 1;
    const everyone = [...meeting.participants.keys(), ...meeting.waiting.keys()];
    this.peopleCount -= everyone.length;
    meeting.participants.clear();
    meeting.waiting.clear();
    for (const participantId of everyone) this.depart(meetingNumber, participantId, 'ended');
    this.endedCount += 1;
    this.forgetOldEnded();
    return true;
  }

  /** Calls `listener` whenever a participant leaves, for whatever reason. */
  onDeparture(listener: DepartureListener): void {
    this.listeners.push(listener);
  }

  /** Calls `listener` on admissions and on every change of a meeting's head count. */
  onChange(listener: (change: MeetingChange) => void): void {
    this.changeListeners.push(listener);
  }

  /** Why one more joiner does not fit, or null when it does. */
  private fullness(meeting: SandboxMeeting): string | null {
    const { participantsPerMeeting, participantsTotal } = this.deps.limits;
    if (meeting.participants.size + meeting.waiting.size >= participantsPerMeeting) {
      return `The meeting is full: the sandbox admits at most ${participantsPerMeeting.toLocaleString('en-US')} people per meeting, waiting room included.`;
    }
    if (this.peopleCount >= participantsTotal) {
      return `The sandbox is full: at most ${participantsTotal.toLocaleString('en-US')} people in all its meetings together.`;
    }
    return null;
  }

  /** Past the cap, the oldest ended meetings are forgotten (a late join then reads 3001 too). */
  private forgetOldEnded(): void {
    for (const [number, meeting] of this.meetings) {
      if (this.endedCount <= this.deps.limits.endedMeetingsKept) return;
      if (!meeting.ended) continue;
      this.meetings.delete(number);
      this.endedCount -= 1;
    }
  }

  private depart(meetingNumber: string, participantId: string, why: DepartureReason): void {
    if (why === 'kicked' || why === 'ended') {
      this.verdicts.set(participantId, why);
      // Oldest first: Map keeps insertion order.
      if (this.verdicts.size > this.deps.limits.verdictsKept) {
        const oldest = this.verdicts.keys().next();
        if (!oldest.done) this.verdicts.delete(oldest.value);
      }
    }
    for (const listener of this.listeners) listener(meetingNumber, participantId, why);
  }

  private countChanged(meeting: SandboxMeeting): void {
    const { meetingNumber } = meeting;
    this.emit({ kind: 'count', meetingNumber, count: meeting.participants.size });
  }

  private emit(change: MeetingChange): void {
    for (const listener of this.changeListeners) listener(change);
  }
}
