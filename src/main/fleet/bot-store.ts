/**
 * The fleet's memory: bot records, changed only through the pure state machine. Every applied
 * transition is batched to the dashboard and wakes anyone waiting on a condition (a launch slot
 * waiting for its bot to get in, dispose waiting for every bot to end).
 */
import { fail, type BotsChangedEvent, type BotView } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { transition, type TransitionResult } from './bot-machine';
import type { BotEvent } from './bot-rules';
import { toBotView, type BotRecord } from './bot-record';
import { createChangeBatcher } from './change-batcher';
import { realTimers, type FleetTimers } from './fleet-timers';

/** The operator asked about a bot the fleet does not hold (never launched, or cleared). */
export const NO_BOT = fail('not_found', 'There is no bot with that id.');

export interface BotStore {
  add(bot: BotRecord): void;
  get(botId: string): BotRecord | undefined;
  all(): BotRecord[];
  /**
   * Forgets these bots and publishes their removal. Changes still waiting to be sent go first,
   * so every listener (the history) sees how each bot ended before it goes.
   */
  remove(botIds: readonly string[]): void;
  /** Applies `event` through the state machine; on success stores, publishes and wakes waiters. */
  apply(botId: string, event: BotEvent): TransitionResult;
  /** Resolves true once `condition` holds, or false after `timeoutMs`. */
  waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean>;
  subscribe(listener: (event: BotsChangedEvent) => void): () => void;
  /** Sends pending changes now and cancels pending waits (they resolve false). */
  close(): void;
}

export interface BotStoreOptions {
  now: () => number;
  logger: Logger;
  /** Called after a transition was stored, with the previous and the new record. */
  onTransition?: (before: BotRecord, after: BotRecord) => void;
  /** For `waitFor`'s timeout; real timers by default. */
  timers?: FleetTimers;
}

export function createBotStore(options: BotStoreOptions): BotStore {
  const bots = new Map<string, BotRecord>();
  const timers = options.timers ?? realTimers;
  /** Pending waits: their wake-up check, and how to cancel them. */
  const waiters = new Map<() => void, () => void>();
  const batcher = createChangeBatcher({
    view: (botId): BotView | undefined => {
      const bot = bots.get(botId);
      return bot ? toBotView(bot) : undefined;
    },
    logger: options.logger,
  });

  function wake(): void {
    for (const check of [...waiters.keys()]) check();
  }

  return {
    add(bot) {
      bots.set(bot.id, bot);
      batcher.mark(bot.id);
    },
    get: (botId) => bots.get(botId),
    remove(botIds) {
      if (botIds.length === 0) return;
      batcher.flush();
      for (const botId of botIds) {
        if (bots.delete(botId)) batcher.markRemoved(botId);
      }
    },
    all: () => [...bots.values()],
    apply(botId, event) {
      const before = bots.get(botId);
      if (!before) return { ok: false, reason: `No bot ${botId}.` };
      const result = transition(before, event, options.now());
      if (!result.ok) return result;
      bots.set(botId, result.bot);
      batcher.mark(botId);
      options.onTransition?.(before, result.bot);
      wake();
      return result;
    },
    waitFor(condition, timeoutMs) {
      if (condition()) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const finish = (value: boolean): void => {
          timers.clearTimeout(timer);
          waiters.delete(check);
          resolve(value);
        };
        const check = (): void => {
          if (condition()) finish(true);
        };
        const timer = timers.setTimeout(() => finish(false), timeoutMs);
        waiters.set(check, () => finish(false));
      });
    },
    subscribe: (listener) => batcher.subscribe(listener),
    close() {
      batcher.flush();
      for (const cancel of [...waiters.values()]) cancel();
    },
  };
}
