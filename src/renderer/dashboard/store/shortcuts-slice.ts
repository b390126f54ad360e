/**
 * Shortcuts slice: the launch presets and recent meetings main keeps, and the launch form's
 * "Save as preset", "Delete" and one-click fill-ins. The list is read with the snapshot and
 * again after each launch (which makes its meeting the newest recent one).
 */
import type { LaunchShortcuts, Result } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { formFromPreset, formFromRecentMeeting, presetValues } from './launch-shortcut-form';
import type { LaunchFormState } from './launch-slice';
import { reportUnexpected } from './unexpected-error';

export interface ShortcutsSlice {
  shortcuts: LaunchShortcuts;
  /** The name typed for "Save as preset". */
  presetName: string;
  savingPreset: boolean;
  /** Why the last preset action failed; cleared by the next that succeeds. */
  shortcutsError: string | null;
  setPresetName(name: string): void;
  loadShortcuts(): Promise<void>;
  /** Saves the launch form under `presetName`. Resolves true when main kept it. */
  saveLaunchPreset(): Promise<boolean>;
  deleteLaunchPreset(presetId: string): Promise<void>;
  /** Fills the launch form from a preset. */
  applyPreset(presetId: string): void;
  /** Fills the launch form's meeting and passcode from a recent meeting. */
  applyRecentMeeting(meetingNumber: string): void;
}

export const createShortcutsSlice: SliceCreator<ShortcutsSlice> =
  ({ api }) =>
  (set, get) => {
    const fillForm = (patch: Partial<LaunchFormState>, accountId: string | null): void => {
      set((state) => ({ launch: { ...state.launch, ...patch } }));
      // An account since removed leaves the form's own choice as it is.
      if (accountId !== null) get().setLaunchAccount(accountId);
    };

    /** Runs a call whose answer is the new list; true when it succeeded. */
    const settle = async (
      call: () => Promise<Result<LaunchShortcuts>>,
      what: string,
    ): Promise<boolean> => {
      try {
        const result = await call();
        if (result.ok) set({ shortcuts: result.value, shortcutsError: null });
        else set({ shortcutsError: result.error.message });
        return result.ok;
      } catch (error) {
        set({ shortcutsError: reportUnexpected(what, error) });
        return false;
      }
    };

    return {
      shortcuts: { presets: [], recentMeetings: [] },
      presetName: '',
      savingPreset: false,
      shortcutsError: null,

      setPresetName: (presetName) => set({ presetName }),

      loadShortcuts: async () => {
        await settle(() => api.listLaunchShortcuts(), 'reading presets failed');
      },

      async saveLaunchPreset() {
        if (get().savingPreset) return false;
        const name = get().presetName.trim();
        if (name === '') {
          set({ shortcutsError: 'Give the preset a name.' });
          return false;
        }
        const values = presetValues(get().launch);
        if (!values.ok) {
          // The form's own alert lists what to fix, as a launch would.
          set((state) => ({
            launch: { ...state.launch, errors: values.errors, launchError: null },
            shortcutsError: 'Fix the launch form before saving it as a preset.',
          }));
          return false;
        }
        set({ savingPreset: true });
        const saved = await settle(
          () => api.savePreset({ name, form: values.values }),
          'saving a preset failed',
        );
        set({ savingPreset: false, ...(saved ? { presetName: '' } : {}) });
        return saved;
      },

      deleteLaunchPreset: async (presetId) => {
        await settle(() => api.deletePreset({ presetId }), 'deleting a preset failed');
      },

      applyPreset(presetId) {
        const preset = get().shortcuts.presets.find((candidate) => candidate.id === presetId);
        if (preset) fillForm(formFromPreset(preset), preset.accountId);
      },

      applyRecentMeeting(meetingNumber) {
        const meeting = get().shortcuts.recentMeetings.find(
          (candidate) => candidate.meetingNumber === meetingNumber,
        );
        if (meeting) fillForm(formFromRecentMeeting(meeting), meeting.accountId);
      },
    };
  };
