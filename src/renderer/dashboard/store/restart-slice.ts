/**
 * Restart slice: the bots an app restart stopped, relaunching or dismissing them, and the
 * setting "Relaunch automatically after a restart". Main answers every change with the list as
 * it stands, which replaces ours; after a failure the list is read again from a snapshot, since
 * part of a relaunch may have gone through. Passcodes main could not keep (no keychain) are
 * typed per meeting and sent with the relaunch of that meeting's bots.
 */
import type { AppSnapshot, Result, StoppedBot } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { reportUnexpected } from './unexpected-error';

export interface RestartSlice {
  /** Oldest first, as main lists them. */
  stoppedByRestart: StoppedBot[];
  relaunchAfterRestart: boolean;
  /** True while a relaunch or a dismissal is under way (their buttons wait). */
  restartBusy: boolean;
  /** Why the last relaunch, dismissal or setting change failed, in main's words. */
  restartError: string | null;
  savingRelaunchSetting: boolean;
  /** What the operator typed, by meeting number, for bots whose passcode main could not keep. */
  stoppedPasscodes: Readonly<Record<string, string>>;
  setStoppedPasscode(meetingNumber: string, passcode: string): void;
  applyRestartState(state: Pick<AppSnapshot, 'stoppedByRestart' | 'relaunchAfterRestart'>): void;
  relaunchStopped(ids: readonly string[]): Promise<void>;
  relaunchAllStopped(): Promise<void>;
  dismissStopped(ids: readonly string[]): Promise<void>;
  setRelaunchAfterRestart(enabled: boolean): Promise<void>;
}

export const createRestartSlice: SliceCreator<RestartSlice> =
  ({ api }) =>
  (set, get) => {
    /** After a failure: what main holds now, so the list never shows a bot twice. */
    const reload = async (): Promise<void> => {
      const snapshot = await api.getSnapshot().catch(() => null);
      if (snapshot?.ok) get().applyRestartState(snapshot.value);
    };

    const change = async (
      request: () => Promise<Result<{ stoppedByRestart: StoppedBot[] }>>,
      what: string,
    ): Promise<void> => {
      if (get().restartBusy) return;
      set({ restartBusy: true, restartError: null });
      try {
        const result = await request();
        if (result.ok) {
          set({ stoppedByRestart: result.value.stoppedByRestart, restartBusy: false });
          return;
        }
        set({ restartError: result.error.message });
      } catch (error) {
        set({ restartError: reportUnexpected(what, error) });
      }
      await reload();
      set({ restartBusy: false });
    };

    return {
      stoppedByRestart: [],
      relaunchAfterRestart: false,
      restartBusy: false,
      restartError: null,
      savingRelaunchSetting: false,
      stoppedPasscodes: {},

      applyRestartState: ({ stoppedByRestart, relaunchAfterRestart }) =>
        set({ stoppedByRestart, relaunchAfterRestart }),

      setStoppedPasscode: (meetingNumber, passcode) =>
        set({ stoppedPasscodes: { ...get().stoppedPasscodes, [meetingNumber]: passcode } }),

      relaunchStopped(ids) {
        const wanted = new Set(ids);
        const typed = get().stoppedPasscodes;
        // Blank means the meeting has no passcode: the panel says so beside the field.
        const passcodes = Object.fromEntries(
          get()
            .stoppedByRestart.filter((bot) => wanted.has(bot.id) && bot.needsPasscode)
            .map((bot) => [bot.id, typed[bot.meetingNumber] ?? '']),
        );
        const request =
          Object.keys(passcodes).length > 0 ? { ids: [...ids], passcodes } : { ids: [...ids] };
        return change(() => api.relaunchStopped(request), 'relaunching bots failed');
      },

      relaunchAllStopped() {
        const ids = get().stoppedByRestart.map((bot) => bot.id);
        return ids.length === 0 ? Promise.resolve() : get().relaunchStopped(ids);
      },

      dismissStopped: (ids) =>
        change(() => api.dismissStopped({ ids: [...ids] }), 'dismissing bots failed'),

      async setRelaunchAfterRestart(enabled) {
        if (get().savingRelaunchSetting) return;
        set({ savingRelaunchSetting: true, restartError: null });
        try {
          const result = await api.setRelaunchAfterRestart({ enabled });
          set(
            result.ok
              ? { relaunchAfterRestart: result.value.relaunchAfterRestart }
              : { restartError: result.error.message },
          );
        } catch (error) {
          set({ restartError: reportUnexpected('saving the relaunch setting failed', error) });
        }
        set({ savingRelaunchSetting: false });
      },
    };
  };
