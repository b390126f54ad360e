/**
 * The part of the IPC contract about what outlives the app: bots stopped by an app restart, the
 * launch history, and the "relaunch automatically after a restart" setting. `ipc-contract.ts`
 * re-exports all of it and lists the channels; it lives apart so the persistence channels read
 * in one place.
 *
 * Nothing here holds a secret: a history entry is built field by field from bot views, and a
 * stopped bot is shown without its meeting passcode (main keeps that to relaunch it).
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import { z } from 'zod';

// Set here too: this module's schemas are built before ipc-contract.ts's body runs, and zod
// probes for eval support with `new Function` (which the pages' CSP forbids) unless told not to.
z.config({ jitless: true });

/** A bot that was live when Botdeck last stopped, waiting to be relaunched or dismissed. */
export interface StoppedBot {
  /** The id it had before the restart; a relaunch gives it a new one. */
  id: string;
  name: string;
  meetingNumber: string;
  accountId: string;
  /** Epoch ms: when Botdeck stopped (a clean quit) or found it stopped (after a crash). */
  stoppedAt: number;
  /**
   * True when Botdeck could not keep its meeting passcode (no system keychain): a relaunch
   * must bring it.
   */
  needsPasscode: boolean;
}

const BotIdSchema = z.string().min(1).max(128);
const AtSchema = z.number().int().nonnegative();
const NameSchema = z.string().max(200);
const MeetingNumberSchema = z.string().max(32);
const AccountIdSchema = z.string().max(128);

/** One bot's part of an entry: which bot, under which name, in which meeting. */
const botFields = {
  at: AtSchema,
  botId: BotIdSchema,
  name: NameSchema,
  meetingNumber: MeetingNumberSchema,
  accountId: AccountIdSchema,
};

/**
 * One line of the history log (`history.jsonl`). Object schemas drop unknown keys, so reading
 * a line back (or exporting it) never carries a field this schema does not name.
 */
export const HistoryEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('launch'),
    at: AtSchema,
    launchId: z.string().min(1).max(64),
    meetingNumber: MeetingNumberSchema,
    accountId: AccountIdSchema,
    botIds: z.array(BotIdSchema).max(1000),
    names: z.array(NameSchema).max(1000),
    /** True when the bots were relaunched after an app restart. */
    relaunch: z.boolean(),
  }),
  z.object({
    kind: z.literal('join'),
    ...botFields,
    /** True when the bot had been in the meeting before (a rejoin). */
    rejoin: z.boolean(),
  }),
  z.object({
    kind: z.literal('leave'),
    ...botFields,
    /** Why it left, in operator words ("Left at the operator's request."). */
    reason: z.string().max(500).nullable(),
  }),
  z.object({
    kind: z.literal('failure'),
    ...botFields,
    failureKind: z.enum(['join', 'api', 'app']),
    /** Zoom's code, when Zoom gave one. */
    code: z.number().int().nullable(),
    message: z.string().max(500),
  }),
  z.object({
    kind: z.literal('stopped'),
    ...botFields,
  }),
  z.object({
    kind: z.literal('chat'),
    ...botFields,
    /** What the bot was asked to say (operator's words; never a secret). */
    text: z.string().max(4_096),
    sent: z.boolean(),
    /** Why it was not sent, in operator words; null when it was. */
    reason: z.string().max(500).nullable(),
  }),
  z.object({
    kind: z.literal('rename'),
    ...botFields,
    from: NameSchema,
    to: NameSchema,
    /** False when the meeting refused it (the bot kept `from`). */
    done: z.boolean(),
    reason: z.string().max(500).nullable(),
  }),
]);
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type HistoryEntryKind = HistoryEntry['kind'];

/** Which stopped bots to relaunch or dismiss, by the ids they had before the restart. */
export const StoppedBotIdsRequestSchema = z.object({
  ids: z.array(BotIdSchema).min(1, 'Choose at least one bot.').max(10_000),
});
export type StoppedBotIdsRequest = z.infer<typeof StoppedBotIdsRequestSchema>;

/**
 * Relaunching stopped bots: which, and for bots whose passcode Botdeck could not keep, the
 * operator's passcode by bot id ('' for a meeting without one).
 */
export const RelaunchStoppedRequestSchema = StoppedBotIdsRequestSchema.extend({
  passcodes: z
    .record(BotIdSchema, z.string().trim().max(64, 'A meeting passcode is at most 64 characters.'))
    .refine((passcodes) => Object.keys(passcodes).length <= 10_000, 'Too many passcodes.')
    .optional(),
});
export type RelaunchStoppedRequest = z.infer<typeof RelaunchStoppedRequestSchema>;

export const HISTORY_LIST_MAX = 1_000;

export const HistoryListRequestSchema = z.object({
  /** Newest entries first; 200 when absent. */
  limit: z.number().int().min(1).max(HISTORY_LIST_MAX).optional(),
});
export type HistoryListRequest = z.infer<typeof HistoryListRequestSchema>;

export const RelaunchSettingRequestSchema = z.object({ enabled: z.boolean() });
export type RelaunchSettingRequest = z.infer<typeof RelaunchSettingRequestSchema>;

/** What relaunching answers: the new bots, and who is still waiting. */
export interface RelaunchResult {
  botIds: string[];
  stoppedByRestart: StoppedBot[];
}

/** The whole history as JSON lines, oldest first, ready to save as a file. */
export interface HistoryExport {
  jsonl: string;
  count: number;
}
