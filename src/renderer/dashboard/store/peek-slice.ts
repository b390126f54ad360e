/**
 * Peek slice: the one bot the operator is peeking at, its latest frame, and whether the larger
 * view is open. Frames come one per `refreshPeek()`, which the Peek panel calls again and
 * again while it is open; closing it stops the asking, so main captures nothing more.
 */
import type { BotFrame } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { reportUnexpected } from './unexpected-error';

export interface PeekState {
  botId: string;
  /** The larger view (click on the thumbnail) instead of the thumbnail. */
  large: boolean;
  /** The latest frame of the size shown; null until one came. */
  frame: BotFrame | null;
  /** Why the latest frame could not be had ("no window right now"); null when it came. */
  error: string | null;
}

export interface PeekSlice {
  peek: PeekState | null;
  /** Peeks at this bot instead of any other. */
  openPeek(botId: string): void;
  setPeekLarge(large: boolean): void;
  closePeek(): void;
  /** Asks main for one frame of the open peek, at its size. */
  refreshPeek(): Promise<void>;
}

export const createPeekSlice: SliceCreator<PeekSlice> =
  ({ api }) =>
  (set, get) => {
    /** Applies `patch` only if the peek it was asked for is still the one open. */
    const updateIfStill = (asked: PeekState, patch: Partial<PeekState>): void => {
      const now = get().peek;
      if (now && now.botId === asked.botId && now.large === asked.large) {
        set({ peek: { ...now, ...patch } });
      }
    };

    return {
      peek: null,

      openPeek(botId) {
        if (get().peek?.botId === botId) return;
        set({ peek: { botId, large: false, frame: null, error: null } });
      },

      setPeekLarge(large) {
        const peek = get().peek;
        // The other size's frame stays on screen until the first one of this size comes.
        if (peek && peek.large !== large) set({ peek: { ...peek, large, error: null } });
      },

      closePeek: () => set({ peek: null }),

      async refreshPeek() {
        const asked = get().peek;
        if (!asked) return;
        try {
          const result = await api.peekBot({
            botId: asked.botId,
            size: asked.large ? 'large' : 'thumbnail',
          });
          updateIfStill(
            asked,
            result.ok ? { frame: result.value, error: null } : { error: result.error.message },
          );
        } catch (error) {
          updateIfStill(asked, { error: reportUnexpected('peeking at a bot failed', error) });
        }
      },
    };
  };
