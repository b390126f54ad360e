/**
 * The port through which the fleet opens and closes bot pages. Each host implements it: the
 * Electron shell with one sandboxed BrowserWindow per bot, the web host with one headless
 * Chromium context per bot, tests with one that runs the real bot page logic in Node.
 */
import type { BotCommand, MeetingSdkKind } from '../../shared/ipc-contract';

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

export interface BotWindowHost {
  /** Opens the bot page for botId (own session partition); resolves once it is loading. */
  open(botId: string, page: BotPageSpec): Promise<void>;
  /** Closes it if open; idempotent. */
  close(botId: string): Promise<void>;
  /** Delivers a command to that bot page (no-op if gone). */
  send(botId: string, command: BotCommand): void;
  /** Reports a window that went away without close() being called. Returns an unsubscribe fn. */
  onGone(listener: (botId: string, reason: WindowGoneReason) => void): () => void;
}
