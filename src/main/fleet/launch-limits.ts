/**
 * Per-launch auto-leave and rejoin limits: the fleet's defaults (which the app takes from the
 * settings' `launchDefaults`) with whatever the launch request overrides. Same names as the
 * settings and `LaunchTimeoutsSchema`, so the three never drift apart in meaning.
 */
import type { LaunchTimeouts } from '../../shared/ipc-contract';
import { DEFAULT_MAX_REJOINS } from './rejoin-policy';

export interface BotLimits {
  /** A join (or rejoin attempt) that has not connected after this long is stopped. */
  joinTimeoutMs: number;
  /** Leave after this long in a waiting room; null = wait forever. */
  waitingRoomTimeoutMs: number | null;
  /** Leave after being alone in the meeting this long; null = stay. */
  aloneTimeoutMs: number | null;
  /** Leave this long after first joining; null = no limit. */
  maxDurationMs: number | null;
  /** Rejoin attempts in a row after a drop or a crash; 0 = never rejoin. */
  reconnectAttempts: number;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: BotLimits = {
  joinTimeoutMs: 60_000,
  waitingRoomTimeoutMs: 15 * MINUTE,
  aloneTimeoutMs: 5 * MINUTE,
  maxDurationMs: null,
  reconnectAttempts: DEFAULT_MAX_REJOINS,
};

/** `base` with each field the launch gave (null included: it turns a timer off) taking over. */
export function resolveLimits(base: BotLimits, overrides: LaunchTimeouts | undefined): BotLimits {
  if (!overrides) return base;
  return {
    joinTimeoutMs: overrides.joinTimeoutMs ?? base.joinTimeoutMs,
    waitingRoomTimeoutMs:
      overrides.waitingRoomTimeoutMs === undefined
        ? base.waitingRoomTimeoutMs
        : overrides.waitingRoomTimeoutMs,
    aloneTimeoutMs:
      overrides.aloneTimeoutMs === undefined ? base.aloneTimeoutMs : overrides.aloneTimeoutMs,
    maxDurationMs:
      overrides.maxDurationMs === undefined ? base.maxDurationMs : overrides.maxDurationMs,
    reconnectAttempts: overrides.reconnectAttempts ?? base.reconnectAttempts,
  };
}
