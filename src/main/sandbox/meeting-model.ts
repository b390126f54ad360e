/**
 * The shapes of the sandbox's meeting model: meetings, participants, joins and the changes
 * presence streams pass on, apart from the service so that file holds only the decisions.
 */
import type { JoinError } from './join-checks';

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
  /** Joiners wait in the waiting room until the host admits them. */
  waitingRoom: boolean;
  /** The host turned chat off: every message is refused, as Zoom's SDK refuses it. */
  chatDisabled: boolean;
  /** Participants may rename themselves (Zoom's "Allow participants to rename themselves"). */
  allowRename: boolean;
  ended: boolean;
  /** Admitted participants: the people "in the meeting". */
  participants: Map<string, ParticipantView>;
  /** Joiners the host has not admitted yet. */
  waiting: Map<string, ParticipantView>;
}

/** How a meeting is set up when it is created; everything but `requireAuth` may be left out. */
export interface MeetingSetup {
  requireAuth: boolean;
  /** Undefined generates one. */
  passcode?: string;
  waitingRoom?: boolean;
  chatDisabled?: boolean;
  allowRename?: boolean;
}

/** One line of a meeting's chat, as `GET /sandbox/meetings/{n}/chat` lists it. */
export interface ChatLine {
  participantId: string;
  /** The sender's name when it wrote the line (a later rename does not rewrite history). */
  displayName: string;
  text: string;
  /** ISO 8601, from the sandbox clock. */
  at: string;
}

/** Where a participant is: in the meeting proper, or in its waiting room. */
export interface ParticipantPlace {
  participant: ParticipantView;
  waiting: boolean;
}

/** What a join carries (the body of `POST /sandbox/meetings/{n}/join`). */
export interface JoinInput {
  signature: string;
  zak: string | null;
  /** Already trimmed and length-checked. */
  userName: string;
  passcode: string;
}

/** The join decision. `waitingRoom` says the joiner waits to be admitted. */
export type JoinOutcome =
  { ok: true; participant: ParticipantView; waitingRoom: boolean } | ({ ok: false } & JoinError);

/** Meeting changes presence streams pass on: an admission, or a new head count. */
export type MeetingChange =
  | { kind: 'admitted'; meetingNumber: string; participantId: string }
  | { kind: 'count'; meetingNumber: string; count: number };
