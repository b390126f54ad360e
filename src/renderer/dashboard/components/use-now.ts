/**
 * One shared clock for every "time in meeting" cell: a single interval runs while anything
 * subscribes, instead of one timer per row. Read through useSyncExternalStore so render stays
 * pure (no Date.now() during render).
 */
import { useSyncExternalStore } from 'react';

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  now = Date.now();
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // The value may be stale from the last time the clock ran; React re-reads it after subscribing.
  now = Date.now();
  timer ??= setInterval(tick, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const subscribeNever = (): (() => void) => () => undefined;
const getNow = (): number => now;

/** The current time, ticking once a second while `active`; frozen otherwise. */
export function useNow(active: boolean): number {
  return useSyncExternalStore(active ? subscribe : subscribeNever, getNow);
}
