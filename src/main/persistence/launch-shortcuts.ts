/**
 * Launch presets and recent meetings (`presets.json` in the data folder), with the roster's
 * care: atomic writes of mode 0600, a corrupt file set aside (never overwritten unread), and
 * passcodes sealed under the keychain's key, or kept in memory only when there is none (the
 * view then says the passcode is unknown, and the launch form asks for it).
 *
 * A meeting is kept as its link without query or fragment (or its number as typed): the
 * passcode a link carries is taken out and kept as the passcode, sealed.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  fail,
  ok,
  PRESETS_MAX,
  RECENT_MEETINGS_MAX,
  type LaunchFormValues,
  type LaunchPresetView,
  type LaunchShortcuts,
  type RecentMeetingView,
  type Result,
} from '../../shared/ipc-contract';
import { meetingWithoutPasscode, parseMeetingInput } from '../../shared/meeting-link';
import { createAtomicJsonFile } from '../settings';
import {
  SHORTCUTS_FILE_NAME,
  SHORTCUTS_VERSION,
  ShortcutsFileSchema,
  type HeldPreset,
  type HeldRecentMeeting,
} from './launch-shortcuts-schema';
import type { Logger } from '../log/logger';
import { passcodeFromFile, passcodeToFile, withPasscode, type PasscodeSeal } from './passcode-seal';

export interface LaunchShortcutsStore {
  readonly path: string;
  /** Reads the file once; a set-aside file comes back as the notice saying so. */
  load(): Promise<{ notice: string | null }>;
  view(): LaunchShortcuts;
  savePreset(name: string, form: LaunchFormValues): Promise<Result<LaunchShortcuts>>;
  deletePreset(id: string): Promise<Result<LaunchShortcuts>>;
  /** Puts a launch's meeting first among the recent ones (on disk when it resolves). */
  recordLaunch(launch: { meeting: string; passcode: string; accountId: string }): Promise<void>;
}

export interface LaunchShortcutsOptions {
  dataDir: string;
  now: () => number;
  logger: Logger;
  seal: PasscodeSeal | null;
}

const NOT_SAVED = fail('not_saved', 'Botdeck could not save presets.json; see the log.');

interface Shortcuts {
  presets: HeldPreset[];
  recent: HeldRecentMeeting[];
}

/** What seals a passcode is bound to: a preset's id, or a recent meeting's number. */
const presetSealId = (id: string): string => `preset:${id}`;
const recentSealId = (meetingNumber: string): string => `recent:${meetingNumber}`;

export function createLaunchShortcuts(options: LaunchShortcutsOptions): LaunchShortcutsStore {
  const { seal } = options;
  const file = createAtomicJsonFile({
    path: join(options.dataDir, SHORTCUTS_FILE_NAME),
    schema: ShortcutsFileSchema,
    now: options.now,
  });
  /** Newest first, both; replaced (never mutated) once the file holds the next state. */
  let state: Shortcuts = { presets: [], recent: [] };
  let queue: Promise<unknown> = Promise.resolve();

  /** Changes run one at a time, each from the state the one before left. */
  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Writes `next`, then makes it the state; a failure is logged and changes nothing. */
  async function commit(next: Shortcuts): Promise<boolean> {
    try {
      await file.write({
        version: SHORTCUTS_VERSION,
        presets: next.presets.map((preset) =>
          withPasscode(preset, passcodeToFile(presetSealId(preset.id), preset, seal)),
        ),
        recentMeetings: next.recent.map((meeting) =>
          withPasscode(meeting, passcodeToFile(recentSealId(meeting.meetingNumber), meeting, seal)),
        ),
      });
    } catch (error) {
      options.logger.error('Could not write the presets file', { path: file.path, error });
      return false;
    }
    state = next;
    return true;
  }

  const view = (): LaunchShortcuts => ({
    presets: state.presets.map(presetView),
    recentMeetings: state.recent.map(recentView),
  });

  return {
    path: file.path,

    async load() {
      const read = await file.read();
      if (read.status === 'set-aside') {
        return { notice: `${read.message}. Saved presets and recent meetings start afresh.` };
      }
      if (read.status === 'ok') {
        state = {
          presets: read.value.presets.map((entry) =>
            withPasscode(entry, passcodeFromFile(presetSealId(entry.id), entry, seal)),
          ),
          recent: read.value.recentMeetings.map((entry) =>
            withPasscode(entry, passcodeFromFile(recentSealId(entry.meetingNumber), entry, seal)),
          ),
        };
      }
      return { notice: null };
    },

    view,

    savePreset: (name, form) =>
      serially(async () => {
        const meeting = parseMeetingInput(form.meeting, form.passcode);
        if (!meeting.ok) return fail('invalid_meeting', meeting.message);
        const same = state.presets.find((preset) => sameName(preset.name, name));
        if (!same && state.presets.length >= PRESETS_MAX) {
          return fail(
            'too_many_presets',
            `Botdeck keeps at most ${PRESETS_MAX} presets; delete one before saving another.`,
          );
        }
        const preset: HeldPreset = {
          id: same?.id ?? randomUUID(),
          name,
          meeting: meetingWithoutPasscode(form.meeting),
          passcode: meeting.passcode,
          accountId: form.accountId,
          nameTemplate: form.nameTemplate,
          names: form.names,
          ...(form.timeouts ? { timeouts: form.timeouts } : {}),
          ...(form.chatOnJoin ? { chatOnJoin: form.chatOnJoin } : {}),
          savedAt: options.now(),
        };
        const presets = [preset, ...state.presets.filter((entry) => entry !== same)];
        return (await commit({ ...state, presets })) ? ok(view()) : NOT_SAVED;
      }),

    deletePreset: (id) =>
      serially(async () => {
        const presets = state.presets.filter((preset) => preset.id !== id);
        if (presets.length === state.presets.length) {
          return fail('not_found', 'That preset is gone already (deleted in another window?).');
        }
        return (await commit({ ...state, presets })) ? ok(view()) : NOT_SAVED;
      }),

    recordLaunch: (launch) =>
      serially(async () => {
        const meeting = parseMeetingInput(launch.meeting, launch.passcode);
        if (!meeting.ok) return;
        const entry: HeldRecentMeeting = {
          meetingNumber: meeting.meetingNumber,
          meeting: meetingWithoutPasscode(launch.meeting),
          passcode: meeting.passcode,
          accountId: launch.accountId,
          launchedAt: options.now(),
        };
        const others = state.recent.filter((known) => known.meetingNumber !== entry.meetingNumber);
        await commit({ ...state, recent: [entry, ...others].slice(0, RECENT_MEETINGS_MAX) });
      }),
  };
}

const sameName = (a: string, b: string): boolean =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function presetView(preset: HeldPreset): LaunchPresetView {
  return {
    id: preset.id,
    name: preset.name,
    meeting: preset.meeting,
    passcode: preset.passcode,
    accountId: preset.accountId,
    nameTemplate: preset.nameTemplate,
    names: [...preset.names],
    ...(preset.timeouts ? { timeouts: { ...preset.timeouts } } : {}),
    ...(preset.chatOnJoin ? { chatOnJoin: preset.chatOnJoin } : {}),
    savedAt: preset.savedAt,
  };
}

function recentView(meeting: HeldRecentMeeting): RecentMeetingView {
  return {
    meetingNumber: meeting.meetingNumber,
    meeting: meeting.meeting,
    passcode: meeting.passcode,
    accountId: meeting.accountId,
    launchedAt: meeting.launchedAt,
  };
}
