/**
 * What a bot page needs from a meeting, whoever provides it: Zoom's Meeting SDK (Client View
 * or Component View) or Botdeck's sandbox. The statuses are the contract's BotReportedStatus,
 * so the page forwards them to main unchanged.
 */
import type { BotReportedStatus } from '../../../shared/ipc-contract';
import type { CommandOutcome } from './command-outcome';

export interface MeetingJoinParams {
  /** Meeting SDK signature for (meeting, role 0), made in main. */
  signature: string;
  meetingNumber: string;
  passcode: string;
  userName: string;
  /** Joins as the account's Zoom user, so the bot carries its name and avatar. */
  zak: string;
}

export type MeetingStatusKind = BotReportedStatus;

export interface MeetingStatus {
  status: MeetingStatusKind;
  /** Zoom's error or leave code (e.g. 3009 removed by the host), when one was given. */
  code?: number | null;
  /** The SDK's own words; main maps them to operator words. Never holds a secret. */
  message?: string | null;
  participantId?: string | null;
  /**
   * Everyone in the meeting, this bot included (1 = alone), sent with `in_meeting` whenever the
   * number changes; main leaves a bot that stays alone too long. Omitted when unknown.
   */
  participantCount?: number | null;
}

/**
 * A join that did not happen: Zoom's join error code (docs/zoom.md, "Join error codes") and its
 * message.
 */
export class MeetingJoinError extends Error {
  override readonly name = 'MeetingJoinError';
  constructor(
    readonly code: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** Zoom's "another meeting is in progress in this page", the nearest code for a second join. */
const ALREADY_JOINED_CODE = 3000;

/**
 * The refusals every client makes before joining: a page joins once, and never after leaving.
 * A client rejects its join with the refusal and reports no status, so the meeting already
 * joined (or left) is undisturbed.
 */
export function repeatJoinRefusal(state: {
  joinStarted: boolean;
  left: boolean;
}): MeetingJoinError | null {
  if (state.joinStarted) {
    return new MeetingJoinError(ALREADY_JOINED_CODE, 'This bot page has already joined a meeting.');
  }
  return state.left ? new MeetingJoinError(null, 'This bot has already left.') : null;
}

/** Someone in the meeting as the page may draw them: a name and a picture, nothing more. */
export interface MeetingPerson {
  displayName: string;
  /** An http(s) URL of their avatar, or null. */
  avatarUrl: string | null;
}

/**
 * What the meeting looks like from this bot, for the page to draw (Peek shows it): the bot as
 * the meeting shows it, a few of the others and the head count. Never sent to main.
 */
export interface MeetingScene {
  self: MeetingPerson | null;
  /** The first few others in join order. */
  others: MeetingPerson[];
  /** Everyone, this bot included; null while unknown. */
  count: number | null;
}

export interface MeetingClient {
  /**
   * Joins once. Resolves when the meeting accepted the join (the bot may still wait in the
   * waiting room: statuses tell the rest). Rejects with a MeetingJoinError after reporting
   * `failed` through onStatus, so listeners alone see every outcome.
   */
  join(params: MeetingJoinParams): Promise<void>;
  /** Leaves (or stops joining) and reports `left`. Safe to call more than once. */
  leave(): Promise<void>;
  /** Says `text` to everyone in the meeting; never rejects (a refusal is an outcome). */
  sendChat(text: string): Promise<CommandOutcome>;
  /** Renames this participant where the meeting allows it; never rejects. */
  rename(name: string): Promise<CommandOutcome>;
  /** Returns an unsubscribe function. */
  onStatus(listener: (status: MeetingStatus) => void): () => void;
  /**
   * The meeting as the page may draw it, whenever it changes; absent where the meeting draws
   * itself (Zoom's Meeting SDK shows its own UI). Returns an unsubscribe function.
   */
  onScene?(listener: (scene: MeetingScene) => void): () => void;
}

/** A small listener set for implementations. */
export function createStatusEmitter(): {
  emit(status: MeetingStatus): void;
  onStatus: MeetingClient['onStatus'];
} {
  const listeners = new Set<(status: MeetingStatus) => void>();
  return {
    emit(status) {
      for (const listener of [...listeners]) listener(status);
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
