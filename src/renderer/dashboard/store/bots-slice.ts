/**
 * Bots slice: every bot's view, in creation order, and the operator's leave actions.
 *
 * Events are laid over a draft as they arrive and the store changes at most once per frame:
 * with a thousand bots changing 200 times a second, each change its own store update (a new
 * Map, a table render) would be work the screen never shows.
 */
import type { BotsChangedEvent, BotView, Result } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { applyBotsChanged } from './merge-bots';
import { reportUnexpected } from './unexpected-error';

/** Runs `commit` before the next frame is drawn; at once where there are no frames (tests). */
export type FrameScheduler = (commit: () => void) => void;

const nextFrame: FrameScheduler = (commit) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => commit());
  else commit();
};

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
  ({ api, scheduleFrame = nextFrame }) =>
  (set, get) => {
    /** Bots with the events of this frame laid over them; null when none is waiting. */
    let draft: Map<string, BotView> | null = null;
    const commit = (): void => {
      const bots = draft;
      draft = null;
      if (bots) set({ bots });
    };

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
        if (event.bots.length === 0 && (event.changes?.length ?? 0) === 0) return;
        if (!draft) {
          draft = new Map(get().bots);
          applyBotsChanged(draft, event);
          scheduleFrame(commit);
          return;
        }
        applyBotsChanged(draft, event);
      },

      leaveBot: (botId) => settle(() => api.leaveBot({ botId }), 'leaving a bot failed'),
      leaveAll: () => settle(() => api.leaveAll(), 'leaving all bots failed'),
    };
  };
