/**
 * The port through which the fleet opens and closes bot pages. Each host implements it: the
 * Electron shell with one sandboxed BrowserWindow per bot, the web host with one headless
 * Chromium context per bot, tests with a stand-in that speaks HTTP to the sandbox.
 */
import type { BotCommand } from '../../shared/ipc-contract';

/** Why a window went away without the fleet asking. */
export type WindowGoneReason = 'closed' | 'crashed' | 'unresponsive';

export interface BotWindowHost {
  /** Opens the bot page for botId (own session partition); resolves once it is loading. */
  open(botId: string): Promise<void>;
  /** Closes it if open; idempotent. */
  close(botId: string): Promise<void>;
  /** Delivers a command to that bot page (no-op if gone). */
  send(botId: string, command: BotCommand): void;
  /** Reports a window that went away without close() being called. Returns an unsubscribe fn. */
  onGone(listener: (botId: string, reason: WindowGoneReason) => void): () => void;
}
