/**
 * Turns what the fleet tells the dashboard (batched bot views) into history entries: a join
 * when a bot gets into the meeting (again: a rejoin), a leave when it reaches `left`, a failure
 * when it reaches `failed`. Built field by field from `BotView`, which holds no secret, so no
 * entry can carry one. Launch and "stopped by app restart" entries are made where those happen.
 */
import { isEnded, type BotState, type BotView, type HistoryEntry } from '../../shared/ipc-contract';
import type { RosterBot, StoppedRosterBot } from './roster-schema';

export interface HistoryTracker {
  /** Entries for the changes in one batch of views, at `at`. */
  entriesFor(views: readonly BotView[], at: number): HistoryEntry[];
}

/** Remembers each live bot's last state, so only changes make entries. */
export function createHistoryTracker(): HistoryTracker {
  const last = new Map<string, { state: BotState; joined: boolean }>();

  return {
    entriesFor(views, at) {
      const entries: HistoryEntry[] = [];
      for (const view of views) {
        const before = last.get(view.id);
        if (before?.state === view.state) continue;
        const bot = {
          at,
          botId: view.id,
          name: view.name,
          meetingNumber: view.meetingNumber,
          accountId: view.accountId,
        };
        const joined = before?.joined ?? false;
        if (view.state === 'in_meeting') {
          entries.push({ kind: 'join', ...bot, rejoin: joined });
        } else if (view.state === 'left') {
          entries.push({ kind: 'leave', ...bot, reason: clip(view.note) });
        } else if (view.state === 'failed') {
          entries.push({
            kind: 'failure',
            ...bot,
            failureKind: view.failure?.kind ?? 'app',
            code: view.failure?.code ?? null,
            message: clip(view.failure?.message) ?? 'The bot failed.',
          });
        }
        if (isEnded(view.state)) last.delete(view.id);
        else
          last.set(view.id, { state: view.state, joined: joined || view.state === 'in_meeting' });
      }
      return entries;
    },
  };
}

/** The log keeps reasons to 500 characters: a line per event, not a dump. */
function clip(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

/** The entry for bots the fleet accepted in one launch. */
export function launchEntry(
  bots: readonly RosterBot[],
  at: number,
  relaunch: boolean,
): HistoryEntry | null {
  const first = bots[0];
  if (!first) return null;
  return {
    kind: 'launch',
    at,
    launchId: first.launchId,
    meetingNumber: first.meetingNumber,
    accountId: first.accountId,
    botIds: bots.map((bot) => bot.id),
    names: bots.map((bot) => bot.name),
    relaunch,
  };
}

/** One entry per bot an app restart stopped. */
export function stoppedEntries(bots: readonly StoppedRosterBot[]): HistoryEntry[] {
  return bots.map((bot) => ({
    kind: 'stopped',
    at: bot.stoppedAt,
    botId: bot.id,
    name: bot.name,
    meetingNumber: bot.meetingNumber,
    accountId: bot.accountId,
  }));
}
