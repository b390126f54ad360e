/**
 * The timer port of the fleet. Rejoin backoffs, auto-leave timers and join timeouts all go
 * through it, so tests drive minutes of fleet time with a fake clock instead of waiting.
 */

/** An opaque handle from `setTimeout`. */
export type TimerHandle = unknown;

export interface FleetTimers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const realTimers: FleetTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
