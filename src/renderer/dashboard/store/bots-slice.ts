/**
 * Bots slice: every bot's view, in creation order, the rows the operator selected, and what
 * the table asks of main: leave (one bot, the selection, a meeting, all) and clear finished.
 */
import {
  isLive,
  type BotsChangedEvent,
  type BotView,
  type Result,
} from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { mergeBotViews } from './merge-bots';
import { reportUnexpected } from './unexpected-error';

export interface BotsSlice {
  /** Replaced (never mutated) on every change. */
  bots: Map<string, BotView>;
  /** Rows the operator ticked; replaced on every change, and pruned of bots cleared away. */
  selectedBotIds: ReadonlySet<string>;
  /** Why the last table action (leave, clear, show window) failed; cleared by the next. */
  tableError: string | null;
  applyBotsChanged(event: BotsChangedEvent): void;
  setSelected(botIds: readonly string[], selected: boolean): void;
  clearSelection(): void;
  leaveBot(botId: string): Promise<void>;
  /** Asks the selected live bots to leave; the selection is kept, to watch them go. */
  leaveSelected(): Promise<void>;
  leaveMeeting(meetingNumber: string): Promise<void>;
  leaveAll(): Promise<void>;
  /** Takes left and failed bots off the table (the history keeps them). */
  clearFinished(): Promise<void>;
  /** Desktop app: shows the bot's own window. */
  showBotWindow(botId: string): Promise<void>;
}

/** The selected bots that are still live: what "Leave selected" (or "Send chat") acts on. */
export function selectedLiveBotIds(state: Pick<BotsSlice, 'bots' | 'selectedBotIds'>): string[] {
  const ids: string[] = [];
  for (const id of state.selectedBotIds) {
    const bot = state.bots.get(id);
    if (bot && isLive(bot.state)) ids.push(id);
  }
  return ids;
}

export const createBotsSlice: SliceCreator<BotsSlice> =
  ({ api }) =>
  (set, get) => {
    const settle = async (request: () => Promise<Result<unknown>>, what: string): Promise<void> => {
      try {
        const result = await request();
        set({ tableError: result.ok ? null : result.error.message });
      } catch (error) {
        set({ tableError: reportUnexpected(what, error) });
      }
    };

    return {
      bots: new Map(),
      selectedBotIds: new Set(),
      tableError: null,

      applyBotsChanged(event) {
        const removed = event.removed ?? [];
        let selected = get().selectedBotIds;
        if (removed.some((id) => selected.has(id))) {
          const kept = new Set(selected);
          for (const id of removed) kept.delete(id);
          selected = kept;
        }
        set({ bots: mergeBotViews(get().bots, event.bots, removed), selectedBotIds: selected });
      },

      setSelected(botIds, selected) {
        const { bots } = get();
        const next = new Set(get().selectedBotIds);
        for (const id of botIds) {
          if (selected && bots.has(id)) next.add(id);
          else next.delete(id);
        }
        set({ selectedBotIds: next });
      },

      clearSelection: () => set({ selectedBotIds: new Set() }),

      leaveBot: (botId) => settle(() => api.leaveBot({ botId }), 'leaving a bot failed'),

      async leaveSelected() {
        const botIds = selectedLiveBotIds(get());
        if (botIds.length === 0) return;
        await settle(() => api.leaveBots({ botIds }), 'leaving the selected bots failed');
      },

      leaveMeeting: (meetingNumber) =>
        settle(() => api.leaveMeeting({ meetingNumber }), 'leaving a meeting failed'),

      leaveAll: () => settle(() => api.leaveAll(), 'leaving all bots failed'),

      clearFinished: () => settle(() => api.clearFinished(), 'clearing finished bots failed'),

      showBotWindow: (botId) =>
        settle(() => api.showBotWindow({ botId }), 'showing a bot window failed'),
    };
  };
