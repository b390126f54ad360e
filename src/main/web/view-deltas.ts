/**
 * What the web host sends its dashboards when bots change: a bot's full view the first time,
 * and after that only the fields that changed. At a thousand bots and 200 changes a second the
 * dashboard's socket carried whole views (about 350 bytes each) for what is mostly "this bot is
 * now in the meeting"; a change is now its id and the new values, about 80 bytes.
 *
 * Deltas are against what this host last broadcast, the same for every socket: a dashboard that
 * connects later loads the snapshot (at least as new as that), and replays on top of it the
 * events that arrive before the snapshot (app-slice.ts), so every field converges to the newest.
 */
import type { BotView, BotViewChange, BotsChangedEvent } from '../../shared/ipc-contract';

const same = (a: unknown, b: unknown): boolean =>
  a === b ||
  (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** The fields of `after` that differ from `before`, with its id; null when nothing changed. */
export function viewChange(before: BotView, after: BotView): BotViewChange | null {
  const change: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(after) as (keyof BotView)[]) {
    if (key === 'id' || same(before[key], after[key])) continue;
    change[key] = after[key];
    changed = true;
  }
  return changed ? ({ ...change, id: after.id } as BotViewChange) : null;
}

/**
 * Turns the fleet's events (full views) into events of new views and changes, remembering what
 * it sent; ids of removed bots pass through.
 */
export function createViewDeltas(): (event: BotsChangedEvent) => BotsChangedEvent | null {
  const sent = new Map<string, BotView>();
  return (event) => {
    const bots: BotView[] = [];
    const changes: BotViewChange[] = [];
    const removed = event.removed ?? [];
    for (const id of removed) sent.delete(id);
    for (const view of event.bots) {
      const before = sent.get(view.id);
      sent.set(view.id, view);
      if (!before) {
        bots.push(view);
        continue;
      }
      const change = viewChange(before, view);
      if (change) changes.push(change);
    }
    if (bots.length === 0 && changes.length === 0 && removed.length === 0) return null;
    return {
      bots,
      ...(changes.length > 0 ? { changes } : {}),
      ...(removed.length > 0 ? { removed } : {}),
    };
  };
}
