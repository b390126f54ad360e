/**
 * The launch form and what presets and recent meetings keep of it, both ways: the values a
 * preset saves (only from a form that could be launched as it is), and the fields a preset or
 * recent meeting fills in. Pure, so the rules read (and test) as plain functions.
 */
import type {
  LaunchFormValues,
  LaunchPresetView,
  RecentMeetingView,
} from '../../../shared/ipc-contract';
import { expandNameTemplate, validateLaunchForm } from './launch-form';
import type { LaunchFormState } from './launch-slice';
import { parseTimeouts, timeoutTexts } from './launch-timeouts';

export type FormValuesResult =
  { ok: true; values: LaunchFormValues } | { ok: false; errors: string[] };

/** What "Save as preset" keeps: refused, with the form's own messages, unless launchable. */
export function presetValues(form: LaunchFormState): FormValuesResult {
  const timeouts = parseTimeouts(form.timeouts);
  const errors = [...validateLaunchForm(form), ...(timeouts.ok ? [] : timeouts.errors)];
  if (errors.length > 0 || !timeouts.ok) return { ok: false, errors };
  return {
    ok: true,
    values: {
      meeting: form.meeting.trim(),
      passcode: form.passcode.trim(),
      // Not chosen: the first account at launch time, as the form itself would.
      accountId: form.accountChosen ? form.accountId : null,
      nameTemplate: form.nameTemplate,
      names: form.names.map((name) => name.trim()),
      ...(timeouts.timeouts ? { timeouts: timeouts.timeouts } : {}),
      ...(form.chatOnJoin.trim() === '' ? {} : { chatOnJoin: form.chatOnJoin.trim() }),
    },
  };
}

/** The meeting fields a kept meeting fills; its passcode is asked for when Botdeck lost it. */
function meetingFields(kept: { meeting: string; passcode: string | null }) {
  return {
    meeting: kept.meeting,
    passcode: kept.passcode ?? '',
    passcodeNeeded: kept.passcode === null,
    errors: [],
    launchError: null,
  } satisfies Partial<LaunchFormState>;
}

/** Every field a preset fills (the account apart: the store checks it still exists). */
export function formFromPreset(preset: LaunchPresetView): Partial<LaunchFormState> {
  return {
    ...meetingFields(preset),
    countText: String(preset.names.length),
    nameTemplate: preset.nameTemplate,
    names: [...preset.names],
    // A name the template would not give is one the operator typed: kept as typed.
    nameEdited: preset.names.map(
      (name, index) => name !== expandNameTemplate(preset.nameTemplate, index + 1),
    ),
    timeouts: timeoutTexts(preset.timeouts),
    chatOnJoin: preset.chatOnJoin ?? '',
  };
}

/** A recent meeting fills the meeting and its passcode, nothing else. */
export function formFromRecentMeeting(meeting: RecentMeetingView): Partial<LaunchFormState> {
  return meetingFields(meeting);
}
