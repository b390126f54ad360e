/**
 * The arithmetic and the judgement behind rejoining, kept pure: how long to wait before attempt
 * n, which failures are worth another attempt with a fresh ZAK, and when a bot counts as having
 * settled back in (so that one drop an hour never exhausts the attempts, yet a crash loop does).
 */
import type { BotFailure } from '../../shared/ipc-contract';

export interface BackoffPolicy {
  /** Wait before the first attempt; doubles each attempt (2 s, 4 s, 8 s, …). */
  baseDelayMs: number;
  /** The wait never grows beyond this. */
  maxDelayMs: number;
  /** ± this fraction of random spread, so bots that dropped together do not return together. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  jitter: 0.2,
};

/** Rejoin attempts in a row before a bot fails (the launch's default `reconnectAttempts`). */
export const DEFAULT_MAX_REJOINS = 5;

/**
 * A bot that stays in the meeting this long after a rejoin has recovered: its next drop starts
 * counting attempts from 1 again. Shorter stays keep counting, which is what stops a loop of
 * "join, crash, join, crash" after the bounded attempts.
 */
export const SETTLED_AFTER_MS = 60_000;

/** Milliseconds to wait before rejoin attempt `attempt` (1-based); `random` returns [0, 1). */
export function rejoinDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const spread = 1 + policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(step * spread));
}

/**
 * Join codes a fresh attempt cannot fix: the meeting is gone, the passcode or signature is
 * wrong, registration or a barrier blocks the account, the app or the SDK is not allowed.
 * Everything else (no code, generic failures, rate limits, "participant exists", a full
 * meeting, sign-in required) is retried while a rejoin has attempts left.
 */
const FINAL_JOIN_CODES: ReadonlySet<number> = new Set([
  3000, 3001, 3004, 3009, 3082, 3099, 3135, 3610, 3704, 3705, 3706, 3707, 3708, 3709, 3710, 3711,
  3712, 3713, 4004, 4006, 4007, 4011, 4012, 10000,
]);

/**
 * Whether a failure during a rejoin is worth another attempt. Sign-in required (3100 and kin) is
 * retried here but not at the first join: this bot's account already got into this meeting, so a
 * refusal now means its ZAKs were revoked ("sign out of all devices") after the mint, and a ZAK
 * minted after the revocation works again (docs/zoom.md, "Observed ZAK semantics"). Zoom REST
 * failures while minting (rate limits, outages) are retried too: they are about the moment, not the
 * meeting.
 */
export function isWorthAnotherAttempt(failure: BotFailure): boolean {
  if (failure.kind !== 'join') return true;
  return failure.code === null || !FINAL_JOIN_CODES.has(failure.code);
}

/** The failure a bot ends with when its attempts ran out: the last reason, and that it gave up. */
export function gaveUp(cause: BotFailure, attempts: number): BotFailure {
  if (attempts === 0) return cause;
  const plural = attempts === 1 ? 'attempt' : 'attempts';
  return {
    ...cause,
    message: `${cause.message} Botdeck gave up after ${attempts} rejoin ${plural}.`,
  };
}
