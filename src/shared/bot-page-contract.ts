/**
 * What main and a bot page exchange: the status reports a page sends (parsed with this schema),
 * the one join ticket main hands it, and the commands main sends it. Bot pages are the least
 * trusted code in Botdeck, so this stays small. Part of the IPC contract (`ipc-contract.ts`
 * re-exports it and declares the channels).
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import { z } from 'zod';
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

export type BotCommand = { type: 'leave' };
