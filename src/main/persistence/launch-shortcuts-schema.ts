/**
 * The shape of `presets.json`: the operator's launch presets and the last ten meetings bots
 * were launched into. A meeting is kept without its passcode; the passcode is sealed as the
 * roster's are (`passcode-seal.ts`), or left out when Botdeck has no keychain. Object schemas
 * drop unknown keys, so nothing outside these fields can reach the file.
 */
import { z } from 'zod';
import {
  BotNameSchema,
  ChatTextSchema,
  LaunchTimeoutsSchema,
  MeetingNumberSchema,
  PRESETS_MAX,
  PresetNameSchema,
  RECENT_MEETINGS_MAX,
} from '../../shared/ipc-contract';
import type { HeldPasscode } from './passcode-seal';

export const SHORTCUTS_FILE_NAME = 'presets.json';
export const SHORTCUTS_VERSION = 1;

/**
 * A passcode as the file holds it: sealed, or '' for none; neither means unknown. A plain one
 * (edited in by hand) is read, then sealed or dropped at the next write, as in the roster.
 */
const filePasscode = {
  passcode: z.string().max(256).optional(),
  sealedPasscode: z.string().max(1024).optional(),
};

export const PresetEntrySchema = z.object({
  id: z.string().min(1).max(64),
  name: PresetNameSchema,
  meeting: z.string().min(1).max(2048),
  ...filePasscode,
  accountId: z.string().min(1).max(128).nullable(),
  nameTemplate: z.string().max(200),
  names: z.array(BotNameSchema).min(1).max(200),
  /** Limits a later Botdeck no longer accepts are dropped (the defaults apply). */
  timeouts: LaunchTimeoutsSchema.optional().catch(undefined),
  /** Dropped, like limits, if a later Botdeck no longer accepts it. */
  chatOnJoin: ChatTextSchema.optional().catch(undefined),
  savedAt: z.number().int().nonnegative(),
});
export type PresetEntry = z.infer<typeof PresetEntrySchema>;

export const RecentMeetingEntrySchema = z.object({
  meetingNumber: MeetingNumberSchema,
  meeting: z.string().min(1).max(2048),
  ...filePasscode,
  accountId: z.string().min(1).max(128),
  launchedAt: z.number().int().nonnegative(),
});
export type RecentMeetingEntry = z.infer<typeof RecentMeetingEntrySchema>;

export const ShortcutsFileSchema = z.object({
  version: z.literal(SHORTCUTS_VERSION),
  presets: z.array(PresetEntrySchema).max(PRESETS_MAX),
  recentMeetings: z.array(RecentMeetingEntrySchema).max(RECENT_MEETINGS_MAX).default([]),
});
export type ShortcutsFile = z.infer<typeof ShortcutsFileSchema>;

/** In memory: the same entries with the passcode opened (or null when unknown). */
export type HeldPreset = Omit<PresetEntry, 'passcode' | 'sealedPasscode'> & HeldPasscode;
export type HeldRecentMeeting = Omit<RecentMeetingEntry, 'passcode' | 'sealedPasscode'> &
  HeldPasscode;
