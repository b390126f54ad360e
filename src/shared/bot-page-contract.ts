/**
 * What main and a bot page exchange: the status reports a page sends (parsed with this schema),
 * the one join ticket main hands it, and the commands main sends it. Bot pages are the least
 * trusted code in Botdeck, so this stays small. Part of the IPC contract (`ipc-contract.ts`
 * re-exports it and declares the channels).
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import { z } from 'zod';
import { ChatTextSchema, COMMAND_REFUSALS } from './chat-text';
import { BotNameSchema } from './request-schemas';
import type { ZoomWebDomain } from './meeting-link';

// Set here too: these schemas are built before ipc-contract.ts's body runs, and zod probes for
// eval support with `new Function` (which the pages' CSP forbids) unless told not to.
z.config({ jitless: true });

export const BOT_REPORTED_STATUSES = [
  'connecting',
  'waiting_room',
  'in_meeting',
  'reconnecting',
  'disconnected',
  'kicked',
  'ended',
  'left',
  'failed',
] as const;
export type BotReportedStatus = (typeof BOT_REPORTED_STATUSES)[number];

/** What a bot page tells main about its meeting. */
export const BotStatusReportSchema = z.object({
  status: z.enum(BOT_REPORTED_STATUSES),
  /** Zoom's error or leave code, when the SDK gave one. */
  code: z.number().int().nullable().default(null),
  /** The SDK's own words (mapped to operator words in main). */
  message: z.string().max(500).nullable().default(null),
  participantId: z.string().max(128).nullable().default(null),
  /**
   * Everyone in the meeting, this bot included (1 = alone), when the page knows. Sent with
   * `in_meeting` whenever the number changes; drives the "alone in the meeting" auto-leave.
   */
  participantCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
});
export type BotStatusReport = z.input<typeof BotStatusReportSchema>;

export type MeetingSdkKind = 'sandbox' | 'zoom';

/** Everything one bot needs to join its own meeting. Holds its own ZAK: handed out once. */
export interface JoinTicket {
  sdk: MeetingSdkKind;
  meetingNumber: string;
  passcode: string;
  userName: string;
  signature: string;
  zak: string;
  /** Which Zoom cloud the meeting is on (from its link): the SDK joins against that domain. */
  zoomDomain: ZoomWebDomain;
  /** Base URL of the sandbox meeting service (sandbox only). */
  sandboxUrl: string | null;
}

/**
 * What main asks of a bot page. `chat` and `rename` carry an id the page answers with (its
 * `bot:command-result`), so main can tell the operator what the meeting made of it.
 */
const CommandIdSchema = z.string().min(1).max(64);

export const BotCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('leave') }),
  z.object({ type: z.literal('chat'), commandId: CommandIdSchema, text: ChatTextSchema }),
  z.object({ type: z.literal('rename'), commandId: CommandIdSchema, name: BotNameSchema }),
]);
export type BotCommand = z.infer<typeof BotCommandSchema>;

/** How a `chat` or `rename` command went, as the bot page reports it. */
export const BotCommandResultSchema = z.object({
  commandId: CommandIdSchema,
  ok: z.boolean(),
  /** Why the meeting refused, as the page classified it; null when it went through. */
  refusal: z.enum(COMMAND_REFUSALS).nullable().default(null),
  /** The SDK's or the sandbox's code, when it gave one. */
  code: z.number().int().nullable().default(null),
  /** The meeting's own words (main words known refusals itself). */
  message: z.string().max(500).nullable().default(null),
});
export type BotCommandResult = z.input<typeof BotCommandResultSchema>;
