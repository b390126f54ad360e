/**
 * The port through which the fleet opens and closes bot pages. Each host implements it: the
 * Electron shell with one sandboxed BrowserWindow per bot, the web host with one headless
 * Chromium context per bot, tests with one that runs the real bot page logic in Node.
 */
import { fail, type BotCommand, type MeetingSdkKind } from '../../shared/ipc-contract';

/** Why a window went away without the fleet asking. */
export type WindowGoneReason = 'closed' | 'crashed' | 'unresponsive';

/**
 * What the host needs to know about the page it opens: which meeting client it runs decides
 * what the page may reach (its Content-Security-Policy), so it comes from the fleet, which
 * minted the ticket, never from the page.
 */
export interface BotPageSpec {
  sdk: MeetingSdkKind;
}

/** A live bot with no page to show (Peek, Show window). */
export const NO_WINDOW = fail(
  'no_window',
  'This bot has no window right now (it is queued, between rejoins, or has ended).',
);

/** JPEG quality of Peek frames in every host: a glance at a bot, not a recording. */
export const PEEK_JPEG_QUALITY = 60;

/** A still of a bot's page, as the host captured it. */
export interface BotPageCapture {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

export interface BotWindowHost {
  /** Opens the bot page for botId (own session partition); resolves once it is loading. */
  open(botId: string, page: BotPageSpec): Promise<void>;
  /** Closes it if open; idempotent. */
  close(botId: string): Promise<void>;
  /** Delivers a command to that bot page (no-op if gone). */
  send(botId: string, command: BotCommand): void;
  /** Reports a window that went away without close() being called. Returns an unsubscribe fn. */
  onGone(listener: (botId: string, reason: WindowGoneReason) => void): () => void;
  /**
   * A JPEG of what the bot's page shows now, scaled down to at most `maxWidth` pixels wide, for
   * Peek; null when the bot has no window (not opened yet, or gone).
   */
  capture(botId: string, maxWidth: number): Promise<BotPageCapture | null>;
  /**
   * Shows the bot's own window to the operator (who may use the meeting's UI through it);
   * closing it hides it again. False when the bot has no window. Absent in hosts whose bot
   * pages cannot be shown (the web host's are headless).
   */
  show?(botId: string): boolean;
}
