/**
 * Chat messages and renames a bot page is asked to perform, until the page says how each went.
 * Every command gets its own id; only the page of the bot it was sent to may answer it, once.
 * The row shows each step in words (sending, sent, refused and why), the history records the
 * outcome, and a page that never answers is not waited on for ever.
 */
import type { z } from 'zod';
import type {
  BotCommandResultSchema,
  CommandRefusal,
  HistoryEntry,
  Result,
} from '../../shared/ipc-contract';
import { fail, ok } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { BotRecord } from './bot-record';
import type { BotStore } from './bot-store';
import type { BotWindowHost } from './bot-window-host';
import {
  activity,
  chatPending,
  chatRefusedWords,
  chatSent,
  renamed,
  renamePending,
  renameRefusedWords,
} from './command-words';
import type { FleetTimers, TimerHandle } from './fleet-timers';

export type ParsedCommandResult = z.output<typeof BotCommandResultSchema>;
/** What the history keeps of a chat message or a rename. */
export type ActivityEntry = Extract<HistoryEntry, { kind: 'chat' | 'rename' }>;

export interface BotCommandsOptions {
  store: BotStore;
  windowHost: Pick<BotWindowHost, 'send'>;
  timers: FleetTimers;
  now: () => number;
  newId: () => string;
  logger: Logger;
  /** How long a page may take to answer a command before the row says it did not. */
  timeoutMs: number;
  /** The meeting took a new name: rejoins use it from now on. */
  onRenamed(botId: string, name: string): void;
  onActivity(entry: ActivityEntry): void;
}

export interface BotCommands {
  /** Asks the bot's page to say `text` in the meeting chat (the caller checked it is in). */
  chat(botId: string, text: string): void;
  /** Asks the bot's page to rename itself in the meeting. */
  rename(botId: string, name: string): void;
  /** A page's answer; refused when that command is not this bot's or was answered already. */
  result(botId: string, report: ParsedCommandResult): Result<null>;
  /** The bot ended: what it was still doing is recorded as unconfirmed. */
  forget(botId: string): void;
  dispose(): void;
}

type Pending =
  | { kind: 'chat'; botId: string; text: string; timer: TimerHandle }
  | { kind: 'rename'; botId: string; from: string; to: string; timer: TimerHandle };

export function createBotCommands(options: BotCommandsOptions): BotCommands {
  const { store, timers, now, logger } = options;
  const pending = new Map<string, Pending>();

  const botFields = (bot: Pick<BotRecord, 'id' | 'name' | 'meetingNumber' | 'accountId'>) => ({
    at: now(),
    botId: bot.id,
    name: bot.name,
    meetingNumber: bot.meetingNumber,
    accountId: bot.accountId,
  });

  function send(
    botId: string,
    make: (commandId: string, timer: TimerHandle) => Pending,
    words: string,
  ): void {
    const commandId = options.newId();
    const timer = timers.setTimeout(
      () => settle(commandId, 'unconfirmed', null),
      options.timeoutMs,
    );
    const command = make(commandId, timer);
    pending.set(commandId, command);
    store.apply(botId, {
      type: 'activity',
      activity: activity(command.kind, 'pending', words, now()),
    });
    options.windowHost.send(
      botId,
      command.kind === 'chat'
        ? { type: 'chat', commandId, text: command.text }
        : { type: 'rename', commandId, name: command.to },
    );
  }

  /** Ends a command: the row's words (while the bot is live) and the history's entry. */
  function settle(
    commandId: string,
    refusal: CommandRefusal | 'unconfirmed' | null,
    detail: string | null,
  ): void {
    const command = pending.get(commandId);
    if (!command) return;
    pending.delete(commandId);
    timers.clearTimeout(command.timer);
    const bot = store.get(command.botId);
    if (!bot) return;
    const done = refusal === null;
    if (command.kind === 'chat') {
      const message = done ? chatSent(command.text) : chatRefusedWords(refusal, detail);
      store.apply(bot.id, {
        type: 'activity',
        activity: activity('chat', done ? 'done' : 'refused', message, now()),
      });
      options.onActivity({
        kind: 'chat',
        ...botFields(bot),
        text: command.text,
        sent: done,
        reason: done ? null : message,
      });
      return;
    }
    if (done) {
      options.onRenamed(bot.id, command.to);
      store.apply(bot.id, { type: 'renamed', name: command.to });
    }
    const message = done
      ? renamed(command.from, command.to)
      : renameRefusedWords(refusal, detail, command.from);
    store.apply(bot.id, {
      type: 'activity',
      activity: activity('rename', done ? 'done' : 'refused', message, now()),
    });
    options.onActivity({
      kind: 'rename',
      ...botFields(bot),
      name: command.from,
      from: command.from,
      to: command.to,
      done,
      reason: done ? null : message,
    });
  }

  return {
    chat(botId, text) {
      send(botId, (_id, timer) => ({ kind: 'chat', botId, text, timer }), chatPending(text));
    },
    rename(botId, name) {
      const from = store.get(botId)?.name ?? '';
      send(
        botId,
        (_id, timer) => ({ kind: 'rename', botId, from, to: name, timer }),
        renamePending(from, name),
      );
    },
    result(botId, report) {
      const command = pending.get(report.commandId);
      if (!command || command.botId !== botId) {
        logger.warn('Ignored a command result Botdeck is not waiting for', {
          botId,
          commandId: report.commandId,
        });
        return fail('not_found', 'Botdeck is not waiting for that command.');
      }
      settle(report.commandId, report.ok ? null : (report.refusal ?? 'other'), report.message);
      return ok(null);
    },
    forget(botId) {
      for (const [commandId, command] of [...pending]) {
        if (command.botId === botId) settle(commandId, 'unconfirmed', null);
      }
    },
    dispose() {
      for (const command of pending.values()) timers.clearTimeout(command.timer);
      pending.clear();
    },
  };
}
