/**
 * Launch slice: the launch form's fields, its bot names, the account to launch under,
 * validation and the launch call. A launch main refuses as over capacity goes to the capacity
 * slice's warning, which launches again through here.
 */
import { OVER_CAPACITY } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import {
  DEFAULT_NAME_TEMPLATE,
  parseBotCount,
  regenerateNames,
  validateLaunchForm,
} from './launch-form';
import { EMPTY_TIMEOUTS, parseTimeouts, type TimeoutTexts } from './launch-timeouts';
import { reportUnexpected } from './unexpected-error';

export interface LaunchFormState {
  meeting: string;
  passcode: string;
  /**
   * True after a preset or recent meeting whose passcode Botdeck could not keep filled the form:
   * the operator must type it. Choosing another meeting clears it.
   */
  passcodeNeeded: boolean;
  /** The count field's text as typed; names follow it only while it is a valid count. */
  countText: string;
  nameTemplate: string;
  names: string[];
  /** True where the operator edited a name by hand. */
  nameEdited: boolean[];
  /** Validation messages from the last submit attempt. */
  errors: string[];
  submitting: boolean;
  /** Main's answer to the last launch when it failed. */
  launchError: string | null;
  /** True while the sandbox is making a meeting for the form. */
  creatingMeeting: boolean;
  /** "Auto-leave and rejoin" fields as typed; empty ones take Botdeck's defaults. */
  timeouts: TimeoutTexts;
  /** "Chat message on join" as typed (`{name}` = each bot's name); empty for none. */
  chatOnJoin: string;
  /**
   * The account the bots launch under: the first account until the operator picks another,
   * and the first again when the picked one disappears (kept so by `applyAccountsState`).
   * Null while there is no account; main then uses its own default.
   */
  accountId: string | null;
  /** True when `accountId` is the operator's pick rather than the default. */
  accountChosen: boolean;
}

/** How the capacity warning's buttons launch: confirmed, or only the first bots. */
export interface LaunchChoice {
  confirmOverCapacity?: boolean;
  onlyFirst?: number;
}

export interface LaunchSlice {
  launch: LaunchFormState;
  setMeeting(value: string): void;
  setPasscode(value: string): void;
  setCountText(value: string): void;
  setNameTemplate(value: string): void;
  setBotName(index: number, value: string): void;
  /** Ignored unless the account exists. */
  setLaunchAccount(accountId: string): void;
  /** Validates and launches. Resolves true when main accepted the launch. */
  submitLaunch(choice?: LaunchChoice): Promise<boolean>;
  setTimeoutText(field: keyof TimeoutTexts, value: string): void;
  setChatOnJoin(value: string): void;
  /** Sandbox mode: asks for a new meeting and puts its link in the form. */
  fillNewSandboxMeeting(): Promise<void>;
}

const INITIAL_COUNT = 1;

function initialLaunchForm(): LaunchFormState {
  const rows = regenerateNames({ names: [], edited: [] }, INITIAL_COUNT, DEFAULT_NAME_TEMPLATE);
  return {
    meeting: '',
    passcode: '',
    passcodeNeeded: false,
    countText: String(INITIAL_COUNT),
    nameTemplate: DEFAULT_NAME_TEMPLATE,
    names: rows.names,
    nameEdited: rows.edited,
    errors: [],
    submitting: false,
    launchError: null,
    creatingMeeting: false,
    timeouts: EMPTY_TIMEOUTS,
    chatOnJoin: '',
    accountId: null,
    accountChosen: false,
  };
}

export const createLaunchSlice: SliceCreator<LaunchSlice> =
  ({ api }) =>
  (set, get) => {
    const update = (patch: Partial<LaunchFormState>): void =>
      set((state) => ({ launch: { ...state.launch, ...patch } }));

    const renamed = (form: LaunchFormState, count: number, template: string) => {
      const rows = regenerateNames({ names: form.names, edited: form.nameEdited }, count, template);
      return { names: rows.names, nameEdited: rows.edited };
    };

    return {
      launch: initialLaunchForm(),

      setMeeting: (meeting) => update({ meeting, passcodeNeeded: false }),
      setPasscode: (passcode) => update({ passcode }),

      setCountText(countText) {
        const form = get().launch;
        const count = parseBotCount(countText);
        // While the field holds no valid count (e.g. cleared to retype), keep the rows as they are.
        update(
          count === null
            ? { countText }
            : { countText, ...renamed(form, count, form.nameTemplate) },
        );
        // The warning was about another number of bots.
        get().dismissCapacityWarning();
      },

      setNameTemplate(nameTemplate) {
        const form = get().launch;
        update({ nameTemplate, ...renamed(form, form.names.length, nameTemplate) });
      },

      setBotName(index, value) {
        const form = get().launch;
        if (index < 0 || index >= form.names.length) return;
        update({
          names: form.names.map((name, i) => (i === index ? value : name)),
          nameEdited: form.nameEdited.map((edited, i) => edited || i === index),
        });
      },

      setLaunchAccount(accountId) {
        if (get().accounts.some((account) => account.id === accountId)) {
          update({ accountId, accountChosen: true });
          get().dismissCapacityWarning();
        }
      },

      setTimeoutText(field, value) {
        update({ timeouts: { ...get().launch.timeouts, [field]: value } });
      },

      setChatOnJoin: (chatOnJoin) => update({ chatOnJoin }),

      async fillNewSandboxMeeting() {
        if (get().launch.creatingMeeting) return;
        update({ creatingMeeting: true, launchError: null });
        try {
          const result = await api.createSandboxMeeting();
          update(
            result.ok
              ? {
                  creatingMeeting: false,
                  meeting: result.value.joinUrl,
                  passcode: '',
                  passcodeNeeded: false,
                  errors: [],
                }
              : { creatingMeeting: false, launchError: result.error.message },
          );
        } catch (error) {
          update({
            creatingMeeting: false,
            launchError: reportUnexpected('creating a sandbox meeting failed', error),
          });
        }
      },

      async submitLaunch(choice = {}) {
        const form = get().launch;
        if (form.submitting) return false;
        get().dismissCapacityWarning();
        const timeouts = parseTimeouts(form.timeouts);
        const errors = [...validateLaunchForm(form), ...(timeouts.ok ? [] : timeouts.errors)];
        if (errors.length > 0 || !timeouts.ok) {
          update({ errors, launchError: null });
          return false;
        }
        update({ errors: [], launchError: null, submitting: true });
        const names = form.names.map((name) => name.trim()).slice(0, choice.onlyFirst);
        try {
          const result = await api.launchBots({
            meeting: form.meeting.trim(),
            passcode: form.passcode.trim(),
            names,
            ...(form.accountId !== null ? { accountId: form.accountId } : {}),
            ...(timeouts.timeouts ? { timeouts: timeouts.timeouts } : {}),
            ...(form.chatOnJoin.trim() === '' ? {} : { chatOnJoin: form.chatOnJoin.trim() }),
            ...(choice.confirmOverCapacity === true ? { confirmOverCapacity: true } : {}),
          });
          if (!result.ok && result.error.code === OVER_CAPACITY) {
            update({ submitting: false });
            await get().flagOverCapacity(names.length, form.accountId, result.error.message);
            return false;
          }
          // Success keeps every field: operators often launch the same meeting again.
          update({ submitting: false, launchError: result.ok ? null : result.error.message });
          // The meeting is now the newest of the recent ones.
          if (result.ok) void get().loadShortcuts();
          return result.ok;
        } catch (error) {
          update({
            submitting: false,
            launchError: reportUnexpected('launching bots failed', error),
          });
          return false;
        }
      },
    };
  };
