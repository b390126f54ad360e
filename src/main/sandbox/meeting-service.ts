/**
 * The meeting model: meetings, participants, and the join decision. It has no HTTP in it;
 * routes and presence streams sit on top. The ZAK is looked at only in `join` (zoom.md §1:
 * expiry and revocation matter at join time, never to someone already in the meeting).
 */
import { checkSignature, type JoinError, type SdkCredentials } from './join-checks';
import { randomAlphanumeric, randomMeetingNumber, randomToken } from './random-ids';
import type { SandboxClock } from './sandbox-clock';
import type { ZakCheck, ZakProblem } from './token-registry';

/** A participant as every client of the meeting service sees it. */
export interface ParticipantView {
  participantId: string;
  displayName: string;
  /** The ZAK owner's Zoom profile picture; null for guests. */
  avatarUrl: string | null;
  /** The ZAK owner's Zoom user id; null for guests. */
  userId: string | null;
}

/** Why a participant left the meeting. */
export type DepartureReason = 'left' | 'kicked' | 'ended' | 'dropped' | 'disconnected';

/** A meeting as stored. */
export interface SandboxMeeting {
  meetingNumber: string;
  passcode: string;
  requireAuth: boolean;
  ended: boolean;
  participants: Map<string, ParticipantView>;
}

/** What a join carries (the body of `POST /sandbox/meetings/{n}/join`). */
export interface JoinInput {
  signature: string;
  zak: string | null;
  /** Already trimmed and length-checked. */
  userName: string;
  passcode: string;
}

/** The join decision. */
export type JoinOutcome = { ok: true; participant: ParticipantView } | ({ ok: false } & JoinError);

/** What the service needs from the rest of the sandbox. */
export interface MeetingServiceDeps {
  clock: SandboxClock;
  sdkCredentials: readonly SdkCredentials[];
  checkZak(zak: string | null): ZakCheck;
  /** The avatar URL of a Zoom user (the ZAK owner). */
  avatarOf(userId: string): string | null;
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

  constructor(private readonly deps: MeetingServiceDeps) {}

  /** Creates a meeting; `passcode` undefined generates one. */
  create(requireAuth: boolean, passcode: string | undefined): SandboxMeeting {
    let meetingNumber = randomMeetingNumber();
    while (this.meetings.has(meetingNumber)) meetingNumber = randomMeetingNumber();
    const meeting: SandboxMeeting = {
      meetingNumber,
      passcode: passcode ?? randomAlphanumeric(6),
      requireAuth,
      ended: false,
      participants: new Map(),
    };
    this.meetings.set(meetingNumber, meeting);
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
    meeting.participants.set(participant.participantId, participant);
    return { ok: true, participant };
  }

  /** The participants of a live meeting in join order, or null when there is none. */
  participants(meetingNumber: string): ParticipantView[] | null {
    const meeting = this.live(meetingNumber);
    return meeting ? [...meeting.participants.values()] : null;
  }

  /** The participant, if it is in that live meeting. */
  participant(meetingNumber: string, participantId: string): ParticipantView | null {
    return this.live(meetingNumber)?.participants.get(participantId) ?? null;
  }

  /** Whether that participant was kicked or was in a meeting that ended. */
  verdict(participantId: string): 'kicked' | 'ended' | null {
    return this.verdicts.get(participantId) ?? null;
  }

  /** Takes a participant out of a meeting; false when it was not in it. */
  remove(meetingNumber: string, participantId: string, why: DepartureReason): boolean {
    const meeting = this.live(meetingNumber);
    if (!meeting?.participants.delete(participantId)) return false;
    if (why === 'kicked' || why === 'ended') this.verdicts.set(participantId, why);
    for (const listener of this.listeners) listener(meetingNumber, participantId, why);
    return true;
  }

  /** Ends a live meeting: everyone goes, later joins get 3001. False when not live. */
  end(meetingNumber: string): boolean {
    const meeting = this.live(meetingNumber);
    if (!meeting) return false;
    for (const participantId of [...meeting.participants.keys()]) {
      this.remove(meetingNumber, participantId, 'ended');
    }
    meeting.ended = true;
    return true;
  }

  /** Calls `listener` whenever a participant leaves, for whatever reason. */
  onDeparture(listener: DepartureListener): void {
    this.listeners.push(listener);
  }
}
