/**
 * Diagnostics slice: the report of main's checks (the same `npm run doctor` prints), asked for
 * when the Diagnostics section is first opened and again on request, and "Open log folder".
 * The checks test accounts and reach Zoom, so a run asked for while one is going is dropped
 * rather than queued.
 */
import type { DiagnosticsReport } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { reportUnexpected } from './unexpected-error';

export interface DiagnosticsSlice {
  diagnosticsOpen: boolean;
  /** The last report; null until the first run finishes. */
  diagnostics: DiagnosticsReport | null;
  diagnosticsRunning: boolean;
  diagnosticsError: string | null;
  /** Opening the section runs the checks the first time. */
  setDiagnosticsOpen(open: boolean): void;
  runDiagnostics(): Promise<void>;
  openLogFolder(): Promise<void>;
}

export const createDiagnosticsSlice: SliceCreator<DiagnosticsSlice> =
  ({ api }) =>
  (set, get) => ({
    diagnosticsOpen: false,
    diagnostics: null,
    diagnosticsRunning: false,
    diagnosticsError: null,

    setDiagnosticsOpen(open) {
      set({ diagnosticsOpen: open });
      if (open && get().diagnostics === null) void get().runDiagnostics();
    },

    async runDiagnostics() {
      if (get().diagnosticsRunning) return;
      set({ diagnosticsRunning: true, diagnosticsError: null });
      try {
        const result = await api.runDiagnostics();
        set(result.ok ? { diagnostics: result.value } : { diagnosticsError: result.error.message });
      } catch (error) {
        set({ diagnosticsError: reportUnexpected('running the checks failed', error) });
      }
      set({ diagnosticsRunning: false });
    },

    async openLogFolder() {
      set({ diagnosticsError: null });
      try {
        const result = await api.openLogFolder();
        if (!result.ok) set({ diagnosticsError: result.error.message });
      } catch (error) {
        set({ diagnosticsError: reportUnexpected('opening the log folder failed', error) });
      }
    },
  });
