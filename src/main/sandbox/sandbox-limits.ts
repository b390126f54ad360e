/**
 * Caps on what one sandbox keeps. It runs inside Botdeck's main process, so a runaway script
 * (or a test loop gone wrong) must not be able to grow it without bound. The defaults are far
 * above what Botdeck's own use needs: a 1,000-bot load test in one meeting with its rejoins,
 * and the benchmarks' 1,000 concurrent and 600 sustained mints plus 600 latency samples. Chat
 * lines are capped too: each may hold 1,024 characters, so 20,000 of them stay under 100 MB.
 */
import { RequestError } from './http-kit';

export interface SandboxLimits {
  /** Meetings not yet ended. */
  liveMeetings: number;
  /** Ended meetings remembered (so late joins get 3001); the oldest are forgotten first. */
  endedMeetingsKept: number;
  /** People in one meeting, its waiting room included (Zoom's largest meetings hold 1,000). */
  participantsPerMeeting: number;
  /** People in all live meetings together. */
  participantsTotal: number;
  /** Kick/end verdicts remembered for streams opened late; the oldest are forgotten first. */
  verdictsKept: number;
  /** ZAKs (and deprecated user tokens) not yet expired or revoked. */
  liveUserTokens: number;
  /** OAuth access tokens not yet expired (each lives an hour). */
  liveAccessTokens: number;
  /** Active fault rules. */
  faultRules: number;
  /** Users of the demo account (`POST /v2/users`). */
  users: number;
  /** Origins scripts registered (`POST /sandbox/allowed-origins`); one more forgets the oldest. */
  allowedOrigins: number;
  /** Join attempts the audit keeps (when enabled); the oldest are dropped first. */
  auditJoins: number;
  /** Chat lines one meeting keeps; past it the oldest are forgotten (as a long chat scrolls). */
  chatLinesPerMeeting: number;
  /** Chat lines in all live meetings together; past it a message is refused until some end. */
  chatLinesTotal: number;
}

export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = {
  liveMeetings: 1_000,
  endedMeetingsKept: 10_000,
  participantsPerMeeting: 2_000,
  participantsTotal: 20_000,
  verdictsKept: 100_000,
  liveUserTokens: 100_000,
  liveAccessTokens: 10_000,
  faultRules: 100,
  users: 1_000,
  allowedOrigins: 16,
  auditJoins: 100_000,
  chatLinesPerMeeting: 1_000,
  chatLinesTotal: 20_000,
};

/** The defaults with `overrides` on top; every value must be a positive integer. */
export function resolveLimits(overrides: Partial<SandboxLimits> = {}): SandboxLimits {
  const limits = { ...DEFAULT_SANDBOX_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`Sandbox limit ${name} must be a positive integer`);
    }
  }
  return limits;
}

/** The 429 a full sandbox answers with, naming the cap and how to get room again. */
export function capReached(what: string, limit: number, remedy: string): RequestError {
  return new RequestError(
    429,
    `The sandbox holds at most ${limit.toLocaleString('en-US')} ${what}; ${remedy}`,
  );
}
