/**
 * History slice: the recent launches, joins, leaves and failures main logged, read while the
 * History panel is open, and the full log for "Export history". Reads never overlap: a request
 * made while one runs is answered by one more read once it is done, so a burst of bot changes
 * costs at most two reads.
 */
import type { HistoryEntry } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { reportUnexpected } from './unexpected-error';

/** How many entries the panel shows. */
export const HISTORY_SHOWN = 200;

export interface HistorySlice {
  /** Newest first. */
  history: HistoryEntry[];
  historyOpen: boolean;
  historyLoading: boolean;
  historyError: string | null;
  exportingHistory: boolean;
  /** Opening the panel reads the history. */
  setHistoryOpen(open: boolean): void;
  loadHistory(): Promise<void>;
  /** The whole log as JSON lines, or null when it could not be read (see `historyError`). */
  exportHistory(): Promise<string | null>;
}

export const createHistorySlice: SliceCreator<HistorySlice> =
  ({ api }) =>
  (set, get) => {
    let again = false;

    async function readOnce(): Promise<void> {
      try {
        const result = await api.listHistory({ limit: HISTORY_SHOWN });
        set(
          result.ok
            ? { history: result.value.entries, historyError: null }
            : { historyError: result.error.message },
        );
      } catch (error) {
        set({ historyError: reportUnexpected('reading the history failed', error) });
      }
    }

    return {
      history: [],
      historyOpen: false,
      historyLoading: false,
      historyError: null,
      exportingHistory: false,

      setHistoryOpen(open) {
        set({ historyOpen: open });
        if (open) void get().loadHistory();
      },

      async loadHistory() {
        if (get().historyLoading) {
          again = true;
          return;
        }
        set({ historyLoading: true });
        do {
          again = false;
          await readOnce();
        } while (again);
        set({ historyLoading: false });
      },

      async exportHistory() {
        if (get().exportingHistory) return null;
        set({ exportingHistory: true, historyError: null });
        let jsonl: string | null = null;
        try {
          const result = await api.exportHistory();
          if (result.ok) jsonl = result.value.jsonl;
          else set({ historyError: result.error.message });
        } catch (error) {
          set({ historyError: reportUnexpected('exporting the history failed', error) });
        }
        set({ exportingHistory: false });
        return jsonl;
      },
    };
  };
