/**
 * Write-behind for a file that mirrors state in memory: many changes, few writes. `soon()`
 * asks for a write within `delayMs`; `now()` asks for one at once and resolves when a write
 * that started after the call is durable. Writes never overlap, and each one writes the state
 * as it is when it starts, so a burst of changes during a write costs one more write, not one
 * per change.
 */

export interface WriteBehind {
  /** A write within `delayMs` (no-op when one is already pending). */
  soon(): void;
  /** A write as soon as the one in flight (if any) is done; resolves once it is durable. */
  now(): Promise<void>;
  /** Writes what is pending, then refuses further `soon()` calls. */
  close(): Promise<void>;
}

export interface WriteBehindOptions {
  /** Writes the current state; must read the state when called, not before. */
  write: () => Promise<void>;
  delayMs: number;
  /** A failed write is reported here; the next change tries again. */
  onError: (error: unknown) => void;
}

export function createWriteBehind(options: WriteBehindOptions): WriteBehind {
  /** The last write queued; the next one waits for it. */
  let tail: Promise<void> = Promise.resolve();
  /** A write queued but not started yet: it will pick up any change made before it starts. */
  let queued: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  function now(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (queued) return queued;
    const run = tail.then(async () => {
      queued = null;
      try {
        await options.write();
      } catch (error) {
        options.onError(error);
      }
    });
    queued = run;
    tail = run;
    return run;
  }

  return {
    soon() {
      if (closed || timer || queued) return;
      timer = setTimeout(() => void now(), options.delayMs);
    },
    now,
    async close() {
      const pending = timer !== null;
      closed = true;
      if (pending) await now();
      await tail;
    },
  };
}
