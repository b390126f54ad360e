/**
 * The dashboard's request schemas: main parses every payload from `unknown` with these before a
 * handler sees it, and their messages are what the operator reads when a request is refused.
 * Part of the IPC contract (`ipc-contract.ts` re-exports it and declares the channels).
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import { z } from 'zod';
import { ChatTextSchema, chatLength, CHAT_TEXT_MAX, expandChatTemplate } from './chat-text';
import { PEEK_SIZES, ZOOM_PLANS } from './views';

// Set here too: these schemas are built before ipc-contract.ts's body runs, and zod probes for
// eval support with `new Function` (which the pages' CSP forbids) unless told not to.
z.config({ jitless: true });

/** Zoom accepts display names up to 64 characters. */
export const BotNameSchema = z
  .string()
  .trim()
  .min(1, 'Every bot needs a name.')
  .max(64, 'Bot names can be at most 64 characters.');

const MINUTE_MS = 60_000;
/** An auto-leave timer in ms, or null to turn it off. */
const LaunchTimerSchema = z
  .number()
  .int()
  .min(1_000, 'Auto-leave timers are at least one second.')
  .max(24 * 60 * MINUTE_MS, 'Auto-leave timers are at most 24 hours.')
  .nullable();

/**
 * Per-launch auto-leave and rejoin limits. Every field is optional: a missing one takes the
 * fleet's default (which the app sets from the settings' `launchDefaults`), so the defaults
 * live in one place instead of being baked into this schema. Names match `launchDefaults`.
 */
export const LaunchTimeoutsSchema = z
  .object({
    /** Stop a join (or rejoin attempt) that has not connected after this long. Default 60 s. */
    joinTimeoutMs: z
      .number()
      .int()
      .min(1_000, 'The join timeout is at least one second.')
      .max(10 * MINUTE_MS, 'The join timeout is at most 10 minutes.')
      .optional(),
    /** Leave after this long in a waiting room; null = wait forever. Default 15 min. */
    waitingRoomTimeoutMs: LaunchTimerSchema.optional(),
    /** Leave after being alone in the meeting this long; null = stay. Default 5 min. */
    aloneTimeoutMs: LaunchTimerSchema.optional(),
    /** Leave after this long since first joining; null = no limit. Default off. */
    maxDurationMs: LaunchTimerSchema.optional(),
    /** Rejoin attempts after a drop or a crash before the bot fails; 0 = never rejoin. Default 5. */
    reconnectAttempts: z
      .number()
      .int()
      .min(0, 'Rejoin attempts cannot be negative.')
      .max(20, 'At most 20 rejoin attempts.')
      .optional(),
  })
  .strict();
export type LaunchTimeouts = z.infer<typeof LaunchTimeoutsSchema>;

export const LaunchRequestSchema = z
  .object({
    /** A Zoom join link or a meeting number (spaces and dashes allowed). */
    meeting: z.string().trim().min(1, 'Enter a meeting link or number.').max(2048),
    /** Overrides a passcode found in the link when non-empty. */
    passcode: z.string().trim().max(64).default(''),
    names: z
      .array(BotNameSchema)
      .min(1, 'Launch at least one bot.')
      .max(200, 'Launch at most 200 bots at a time.'),
    /** Defaults to the first account. */
    accountId: z.string().min(1).max(128).optional(),
    /** Auto-leave and rejoin limits for these bots; the fleet's defaults fill what is missing. */
    timeouts: LaunchTimeoutsSchema.optional(),
    /** Said in the meeting's chat right after each bot first joins; `{name}` is its name. */
    chatOnJoin: ChatTextSchema.optional(),
    /**
     * The operator saw that these bots would not fit in free memory and launches anyway;
     * without it such a launch is refused (`over_capacity`), checked when it arrives.
     */
    confirmOverCapacity: z.boolean().optional(),
  })
  .superRefine((request, context) => {
    const { chatOnJoin } = request;
    if (chatOnJoin === undefined) return;
    if (
      request.names.some((name) => chatLength(expandChatTemplate(chatOnJoin, name)) > CHAT_TEXT_MAX)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['chatOnJoin'],
        message: `With the bot's name in it, the chat message on join is longer than ${CHAT_TEXT_MAX.toLocaleString('en-US')} characters.`,
      });
    }
  });
export type LaunchRequest = z.input<typeof LaunchRequestSchema>;

/** How many bots the operator means to launch, and under which account (its kind sets the cost). */
export const LaunchSizeSchema = z.object({
  count: z
    .number()
    .int('Say a whole number of bots.')
    .min(1, 'Launch at least one bot.')
    .max(200, 'Launch at most 200 bots at a time.'),
  /** Defaults to the first account, as a launch does. */
  accountId: z.string().min(1).max(128).optional(),
});
export type LaunchSize = z.infer<typeof LaunchSizeSchema>;

const BotIdSchema = z.string().min(1).max(128);

export const BotIdRequestSchema = z.object({ botId: BotIdSchema });
export type BotIdRequest = z.infer<typeof BotIdRequestSchema>;

/** Zoom meeting numbers are 9 to 11 digits; the table shows them without spaces. */
export const MeetingNumberSchema = z
  .string()
  .regex(/^\d{9,11}$/, 'A meeting number is 9 to 11 digits.');

/** A chat message to some of Botdeck's bots, or to all of them in one meeting. */
export const SendChatRequestSchema = z
  .object({
    text: ChatTextSchema,
    botIds: z
      .array(BotIdSchema)
      .min(1, 'Choose at least one bot.')
      .max(10_000, 'Chat to at most 10,000 bots at a time.')
      .optional(),
    meetingNumber: MeetingNumberSchema.optional(),
  })
  .refine((request) => (request.botIds === undefined) !== (request.meetingNumber === undefined), {
    message: 'Say which bots should send the message: some bots, or every bot in one meeting.',
  });
export type SendChatRequest = z.input<typeof SendChatRequestSchema>;

/** A new name for one bot (before it joins, or live), or the name to relaunch it under. */
export const BotNameRequestSchema = z.object({ botId: BotIdSchema, name: BotNameSchema });
export type BotNameRequest = z.infer<typeof BotNameRequestSchema>;

export const NotificationsSettingRequestSchema = z.object({ enabled: z.boolean() });

/** Several bots at once (the table's selection); a table page never holds more. */
export const BotIdsRequestSchema = z.object({
  botIds: z
    .array(BotIdSchema)
    .min(1, 'Select at least one bot.')
    .max(10_000, 'Select at most 10,000 bots at a time.'),
});
export type BotIdsRequest = z.infer<typeof BotIdsRequestSchema>;

export const MeetingRequestSchema = z.object({ meetingNumber: MeetingNumberSchema });
export type MeetingRequest = z.infer<typeof MeetingRequestSchema>;

/** Peek at one bot: its row's thumbnail, or the larger view. */
export const PeekRequestSchema = z.object({
  botId: BotIdSchema,
  size: z.enum(PEEK_SIZES).default('thumbnail'),
});
export type PeekRequest = z.input<typeof PeekRequestSchema>;

export const EmptyRequestSchema = z.object({}).strict();

const credential = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(512, `The ${what} is too long.`)
    .regex(/^\S+$/, `The ${what} cannot contain spaces.`);

/** Everything Zoom issues for one account's two apps (S2S OAuth and Meeting SDK). */
export const AccountCredentialsSchema = z.object({
  s2sAccountId: credential('Server-to-Server OAuth account ID'),
  clientId: credential('Server-to-Server OAuth client ID'),
  clientSecret: credential('Server-to-Server OAuth client secret'),
  sdkKey: credential('Meeting SDK client ID'),
  sdkSecret: credential('Meeting SDK client secret'),
});

export const SaveAccountRequestSchema = z.object({
  /** Absent for a new account. */
  accountId: z.string().min(1).max(64).optional(),
  label: z.string().trim().min(1, 'Give the account a label.').max(64),
  serviceUser: z
    .string()
    .trim()
    .min(1, 'Enter the Zoom user (id or email) whose ZAKs the bots use.')
    .max(128),
  plan: z.enum(ZOOM_PLANS),
  /** Required for a new account; when given for an existing one, replaces all of them. */
  credentials: AccountCredentialsSchema.optional(),
});
export type SaveAccountRequest = z.input<typeof SaveAccountRequestSchema>;

export const AccountIdRequestSchema = z.object({ accountId: z.string().min(1).max(64) });
export type AccountIdRequest = z.infer<typeof AccountIdRequestSchema>;
