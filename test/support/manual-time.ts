/**
 * A clock and timers that move only when a test says so, for the pieces that take their timers
 * as a dependency (count settler, dashboard feed, status pacer): tests then wait on nothing.
 */
export interface ManualTime {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: unknown): void;
  /** Moves time forward, running each due timer at its own time (timers it sets included). */
  advance(ms: number): void;
  /** How many timers are set and not yet run or cleared. */
  pending(): number;
}

export function manualTime(): ManualTime {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout(run, ms) {
      timers.push({ at: now + ms, run, id: nextId });
      return nextId++;
    },
    clearTimeout(id) {
      timers = timers.filter((timer) => timer.id !== id);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((timer) => timer !== next);
        now = next.at;
        next.run();
      }
      now = until;
    },
    pending: () => timers.length,
  };
}
