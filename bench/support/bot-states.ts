/**
 * Every bot's state as the dashboard hears it, read from the frames its WebSocket receives
 * (full views and deltas alike), so a benchmark knows when all bots are in, out or failed even
 * when the virtualised table shows only a few rows.
 */
import type { Page } from 'playwright-core';
import type { BotState } from '../../src/shared/ipc-contract';

export interface BotStates {
  count(state: BotState): number;
  /** Bots ever seen in `state`. */
  everIn(state: BotState): number;
  /** Bytes of bots:changed frames received so far. */
  bytes(): number;
  /** Bot views and changes received so far. */
  updates(): number;
}

interface Frame {
  type?: string;
  channel?: string;
  payload?: {
    bots?: { id: string; state: BotState }[];
    changes?: { id: string; state?: BotState }[];
  };
}

export function watchBotStates(page: Page): BotStates {
  const states = new Map<string, BotState>();
  const ever = new Map<BotState, Set<string>>();
  let bytes = 0;
  let updates = 0;
  const see = (id: string, state: BotState | undefined): void => {
    updates += 1;
    if (state === undefined) return;
    states.set(id, state);
    if (!ever.has(state)) ever.set(state, new Set());
    ever.get(state)?.add(id);
  };
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload);
      const frame = JSON.parse(text) as Frame;
      if (frame.type !== 'event' || frame.channel !== 'bots:changed') return;
      bytes += Buffer.byteLength(text);
      for (const bot of frame.payload?.bots ?? []) see(bot.id, bot.state);
      for (const change of frame.payload?.changes ?? []) see(change.id, change.state);
    }),
  );
  return {
    count: (state) => [...states.values()].filter((value) => value === state).length,
    everIn: (state) => ever.get(state)?.size ?? 0,
    bytes: () => bytes,
    updates: () => updates,
  };
}

/** Resolves when `condition` holds, checking every 50 ms; rejects after `timeoutMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
