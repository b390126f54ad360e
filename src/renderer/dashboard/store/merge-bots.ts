/**
 * How bot views arrive in the dashboard's Map. The store gets a new Map whenever bots change,
 * so that selectors see a new reference (zustand compares by identity); the Map's insertion
 * order is the table's order, which is creation order.
 */
import type { BotView, BotsChangedEvent } from '../../../shared/ipc-contract';

const byCreation = (a: BotView, b: BotView): number => a.createdAt - b.createdAt;

/** A fresh Map from a snapshot, oldest bot first. */
export function botsFromSnapshot(bots: readonly BotView[]): Map<string, BotView> {
  return new Map([...bots].sort(byCreation).map((bot) => [bot.id, bot]));
}

/**
 * Applies one `bots:changed` event to `bots`, changing that Map: cleared bots go, full views
 * replace known bots in place (Map.set keeps their position) and new bots are appended oldest
 * first; changes are laid over the bot they name. A change for a bot this dashboard never saw
 * is skipped: the sender only sends one after the bot's full view, which the snapshot or an
 * earlier event gave.
 */
export function applyBotsChanged(bots: Map<string, BotView>, event: BotsChangedEvent): void {
  for (const id of event.removed ?? []) bots.delete(id);
  const added: BotView[] = [];
  for (const bot of event.bots) {
    if (bots.has(bot.id)) bots.set(bot.id, bot);
    else added.push(bot);
  }
  for (const bot of added.sort(byCreation)) bots.set(bot.id, bot);
  for (const change of event.changes ?? []) {
    const known = bots.get(change.id);
    if (known) bots.set(change.id, { ...known, ...change });
  }
}

/** Whether the event carries anything at all. */
export const changesSomething = (event: BotsChangedEvent): boolean =>
  event.bots.length > 0 || (event.changes?.length ?? 0) > 0 || (event.removed?.length ?? 0) > 0;
