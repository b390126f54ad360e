/**
 * How a bot leaves a meeting: ask its page to leave, wait for the page to confirm (`left`),
 * and close its window; a page that does not confirm within the grace has its window closed
 * anyway. A page that never took its ticket is not in a meeting, so it is closed at once.
 */
import type { Logger } from '../log/logger';
import type { BotStore } from './bot-store';
import type { BotWindowHost } from './bot-window-host';
import type { FleetTimers, TimerHandle } from './fleet-timers';
import type { TicketDesk } from './ticket-desk';

export interface LeaveFlowOptions {
  store: BotStore;
  desk: TicketDesk;
  windowHost: BotWindowHost;
  /** Closes the bot's window (idempotent, never throws). */
  closeWindow(botId: string): Promise<void>;
  logger: Logger;
  graceMs: number;
  timers: FleetTimers;
}

export interface LeaveFlow {
  /** Starts leaving for a bot that has just entered `leaving`. */
  start(botId: string): void;
  /** Stops waiting for a bot (it ended some other way). */
  forget(botId: string): void;
  /** Stops every pending wait. */
  dispose(): void;
}

export function createLeaveFlow(options: LeaveFlowOptions): LeaveFlow {
  const { store, logger } = options;
  const pending = new Map<string, TimerHandle>();

  async function finish(botId: string): Promise<void> {
    pending.delete(botId);
    await options.closeWindow(botId);
    // close() never reports "gone", so the window's end is recorded here.
    if (store.get(botId)?.state === 'leaving') {
      store.apply(botId, { type: 'window-gone', reason: 'closed' });
    }
  }

  const forget = (botId: string): void => {
    const timer = pending.get(botId);
    if (timer !== undefined) options.timers.clearTimeout(timer);
    pending.delete(botId);
  };

  return {
    start(botId) {
      if (options.desk.isWaiting(botId)) {
        void finish(botId);
        return;
      }
      options.windowHost.send(botId, { type: 'leave' });
      const timer = options.timers.setTimeout(() => {
        logger.warn('A bot page did not confirm leaving in time; closing its window', { botId });
        void finish(botId);
      }, options.graceMs);
      pending.set(botId, timer);
    },
    forget,
    dispose() {
      for (const botId of [...pending.keys()]) forget(botId);
    },
  };
}
