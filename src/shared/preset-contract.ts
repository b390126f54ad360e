/**
 * The part of the IPC contract about launches an operator repeats: presets (the launch form
 * saved under a name) and the last ten meetings bots were launched into. Both outlive the app
 * (`presets.json` in the data folder); `ipc-contract.ts` re-exports this file and declares the
 * channels.
 *
 * A meeting is kept without its passcode (`meetingWithoutPasscode`): the passcode is a field of
 * its own, sealed on disk as the roster's are, and null here when Botdeck could not keep it (no
 * system keychain, after a restart), so the form asks for it.
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import { z } from 'zod';
import { ChatTextSchema } from './chat-text';
import { BotNameSchema, LaunchTimeoutsSchema, type LaunchTimeouts } from './request-schemas';

// Set here too: these schemas are built before ipc-contract.ts's body runs, and zod probes for
// eval support with `new Function` (which the pages' CSP forbids) unless told not to.
z.config({ jitless: true });

/** Presets Botdeck keeps; a busy support desk has a handful. */
export const PRESETS_MAX = 100;
/** Recent meetings the launch form offers. */
export const RECENT_MEETINGS_MAX = 10;

export const PresetNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the preset a name.')
  .max(64, 'Preset names are at most 64 characters.');

/** The launch form as a preset keeps it: what the operator would otherwise type again. */
export const LaunchFormValuesSchema = z.object({
  meeting: z.string().trim().min(1, 'Enter a meeting link or number.').max(2048),
  passcode: z.string().trim().max(64, 'A meeting passcode is at most 64 characters.').default(''),
  /** Null: the first account, as at launch. */
  accountId: z.string().min(1).max(128).nullable().default(null),
  /** The template the names came from; names typed by hand are in `names`. */
  nameTemplate: z.string().max(200).default(''),
  /** One per bot: the count is its length. */
  names: z
    .array(BotNameSchema)
    .min(1, 'Launch at least one bot.')
    .max(200, 'Launch at most 200 bots at a time.'),
  timeouts: LaunchTimeoutsSchema.optional(),
  /** The chat message on join (`{name}` unexpanded); absent for none. */
  chatOnJoin: ChatTextSchema.optional(),
});
export type LaunchFormValues = z.output<typeof LaunchFormValuesSchema>;

export const SavePresetRequestSchema = z.object({
  /** A preset of the same name (ignoring case) is replaced. */
  name: PresetNameSchema,
  form: LaunchFormValuesSchema,
});
export type SavePresetRequest = z.input<typeof SavePresetRequestSchema>;

export const PresetIdRequestSchema = z.object({ presetId: z.string().min(1).max(64) });
export type PresetIdRequest = z.infer<typeof PresetIdRequestSchema>;

/** How the dashboard sees a kept meeting's passcode. */
export interface KeptPasscode {
  /** The passcode; '' for a meeting without one; null when Botdeck could not keep it. */
  passcode: string | null;
}

export interface LaunchPresetView extends KeptPasscode {
  id: string;
  name: string;
  /** The link or number as typed, without its passcode. */
  meeting: string;
  accountId: string | null;
  nameTemplate: string;
  names: string[];
  timeouts?: LaunchTimeouts;
  chatOnJoin?: string;
  /** Epoch ms of the last save. */
  savedAt: number;
}

export interface RecentMeetingView extends KeptPasscode {
  /** The meeting number: a meeting is listed once, at its latest launch. */
  meetingNumber: string;
  /** The link or number as it was launched, without its passcode. */
  meeting: string;
  accountId: string;
  /** Epoch ms of the latest launch into it. */
  launchedAt: number;
}

/** Everything the launch form offers in one click; newest first. */
export interface LaunchShortcuts {
  presets: LaunchPresetView[];
  recentMeetings: RecentMeetingView[];
}
