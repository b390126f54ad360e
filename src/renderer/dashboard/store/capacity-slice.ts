/**
 * Capacity slice: the machine's live load for the header (polled from main while the header is
 * on screen), and the launch form's warning when main refused a launch that would not fit in
 * free memory, with the operator's three ways on: launch anyway, launch as many as fit, cancel.
 * The form keeps every value whichever they choose.
 */
import type { CapacityEstimate, MachineLoad } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { reportUnexpected } from './unexpected-error';

/** Main samples at most every 2 s however many dashboards ask; a little slower is plenty here. */
export const LOAD_POLL_MS = 3_000;

export interface CapacitySlice {
  /** Null until the first answer. */
  machineLoad: MachineLoad | null;
  /** What the last refused launch would have needed; null while no warning is shown. */
  capacityWarning: CapacityEstimate | null;
  /** Asks main for the load now and every few seconds; returns a function that stops. */
  watchLoad(): () => void;
  /**
   * Main refused a launch of `count` bots under `accountId` as over capacity: asks for the
   * figures and shows the warning (main's own words as the form's error if that fails).
   */
  flagOverCapacity(count: number, accountId: string | null, refusal: string): Promise<void>;
  /** "Launch anyway": the same bots, confirmed. */
  launchAnyway(): Promise<boolean>;
  /** "Launch N": the first N bots of the form, as many as fit. */
  launchThatFit(): Promise<boolean>;
  /** "Cancel", or a change of count or account that makes the warning stale. */
  dismissCapacityWarning(): void;
}

export const createCapacitySlice: SliceCreator<CapacitySlice> =
  ({ api }) =>
  (set, get) => ({
    machineLoad: null,
    capacityWarning: null,

    watchLoad() {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const poll = async (): Promise<void> => {
        try {
          const result = await api.getLoad();
          if (!stopped && result.ok) set({ machineLoad: result.value });
        } catch (error) {
          // The connection banner speaks for a lost link; the header keeps its last figures.
          reportUnexpected('reading the load failed', error);
        }
        if (!stopped) timer = setTimeout(() => void poll(), LOAD_POLL_MS);
      };
      void poll();
      return () => {
        stopped = true;
        if (timer !== null) clearTimeout(timer);
      };
    },

    async flagOverCapacity(count, accountId, refusal) {
      try {
        const result = await api.checkCapacity({
          count,
          ...(accountId !== null ? { accountId } : {}),
        });
        if (result.ok) return set({ capacityWarning: result.value });
      } catch (error) {
        reportUnexpected('checking the capacity failed', error);
      }
      set((state) => ({ launch: { ...state.launch, launchError: refusal } }));
    },

    launchAnyway: () => get().submitLaunch({ confirmOverCapacity: true }),

    async launchThatFit() {
      const count = get().capacityWarning?.maxThatFit ?? 0;
      return count > 0 ? get().submitLaunch({ onlyFirst: count }) : false;
    },

    dismissCapacityWarning: () => set({ capacityWarning: null }),
  });
