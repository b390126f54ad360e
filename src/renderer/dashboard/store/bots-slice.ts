/**
 * Bots slice: every bot's view, in creation order, and the operator's leave actions.
 */
import type { BotsChangedEvent, BotView, Result } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { mergeBotViews } from './merge-bots';
import { reportUnexpected } from './unexpected-error';

export interface BotsSlice {
  /** Replaced (never mutated) on every change. */
  bots: Map<string, BotView>;
  /** Why the last leave request failed; cleared by the next one that succeeds. */
  leaveError: string | null;
  applyBotsChanged(event: BotsChangedEvent): void;
  leaveBot(botId: string): Promise<void>;
  leaveAll(): Promise<void>;
}

export const createBotsSlice: SliceCreator<BotsSlice> =
  ({ api }) =>
  (set, get) => {
    const settle = async (request: () => Promise<Result<unknown>>, what: string): Promise<void> => {
      try {
        const result = await request();
        set({ leaveError: result.ok ? null : result.error.message });
      } catch (error) {
        set({ leaveError: reportUnexpected(what, error) });
      }
    };

    return {
      bots: new Map(),
      leaveError: null,

      applyBotsChanged(event) {
        set({ bots: mergeBotViews(get().bots, event.bots) });
      },

      leaveBot: (botId) => settle(() => api.leaveBot({ botId }), 'leaving a bot failed'),
      leaveAll: () => settle(() => api.leaveAll(), 'leaving all bots failed'),
    };
  };
