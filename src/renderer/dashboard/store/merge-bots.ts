/**
 * How bot views arrive in the dashboard's Map. A new Map is built on every change so that
 * selectors see a new reference (zustand compares by identity); the Map's insertion order is
 * the table's order, which is creation order.
 */
import type { BotView } from '../../../shared/ipc-contract';

const byCreation = (a: BotView, b: BotView): number => a.createdAt - b.createdAt;

/** A fresh Map from a snapshot, oldest bot first. */
export function botsFromSnapshot(bots: readonly BotView[]): Map<string, BotView> {
  return new Map([...bots].sort(byCreation).map((bot) => [bot.id, bot]));
}

/**
 * Applies one `bots:changed` batch: cleared bots go, known bots are replaced in place (Map.set
 * keeps their position), new bots are appended oldest first. Returns the same Map when the
 * batch is empty.
 */
export function mergeBotViews(
  current: Map<string, BotView>,
  changed: readonly BotView[],
  removed: readonly string[] = [],
): Map<string, BotView> {
  if (changed.length === 0 && removed.length === 0) return current;
  const next = new Map(current);
  for (const id of removed) next.delete(id);
  const added: BotView[] = [];
  for (const bot of changed) {
    if (next.has(bot.id)) next.set(bot.id, bot);
    else added.push(bot);
  }
  for (const bot of added.sort(byCreation)) next.set(bot.id, bot);
  return next;
}
