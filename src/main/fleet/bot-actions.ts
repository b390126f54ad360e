/**
 * What the operator asks of bots besides launching and leaving: say something in the meeting's
 * chat (one bot, several, or every bot of Botdeck's in a meeting; and once, automatically, right
 * after a bot first joins), change a bot's name (before it joins, or live where the meeting
 * allows it), and launch a bot that ended again under another name. Each request is checked
 * against where the bot stands, and refused in words when it cannot be done now.
 */
import {
  expandChatTemplate,
  fail,
  isEnded,
  ok,
  type LaunchTimeouts,
  type Result,
} from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { BotRecord } from './bot-record';
import { NO_BOT, type BotStore } from './bot-store';
import {
  createBotCommands,
  type ActivityEntry,
  type BotCommands,
  type ParsedCommandResult,
} from './bot-commands';
import type { BotWindowHost } from './bot-window-host';
import { activity, quote, renamed } from './command-words';
import type { FleetTimers } from './fleet-timers';
import type { BotJoin } from './join-preparer';

/** What a relaunch of an ended bot takes over: its meeting, account and limits. */
export interface RelaunchPlan {
  meetingNumber: string;
  passcode: string;
  accountId: string;
  timeouts: LaunchTimeouts;
  chatOnJoin: string | null;
}

/** Who should say it: these bots, or every bot of Botdeck's in this meeting. */
export type ChatTarget = { botIds: readonly string[] } | { meetingNumber: string };

export interface BotActionsOptions {
  store: BotStore;
  windowHost: Pick<BotWindowHost, 'send'>;
  /** Live bots' joins (the fleet's own map: a rename before the join changes what it joins with). */
  joins: Map<string, BotJoin>;
  timers: FleetTimers;
  now: () => number;
  newId: () => string;
  logger: Logger;
  /** How long a page may take to say how a chat message or rename went. */
  commandTimeoutMs: number;
}

export interface BotActions {
  sendChat(target: ChatTarget, text: string): Result<{ asked: number }>;
  rename(botId: string, name: string): Result<null>;
  relaunchPlan(botId: string): Result<RelaunchPlan>;
  /** The bot just got into its meeting for the first time. */
  joinedFirstTime(bot: BotRecord): void;
  /** A page's answer to a chat or rename command. */
  commandResult(botId: string, report: ParsedCommandResult): Result<null>;
  /** The bot ended: keep what it joined with (for a relaunch), settle what it was doing. */
  ended(botId: string): void;
  onActivity(listener: (entry: ActivityEntry) => void): () => void;
  dispose(): void;
}

export function createBotActions(options: BotActionsOptions): BotActions {
  const { store, joins } = options;
  /** Ended bots' joins, for a relaunch. */
  const finished = new Map<string, BotJoin>();
  const listeners = new Set<(entry: ActivityEntry) => void>();
  const record = (entry: ActivityEntry): void => {
    for (const listener of listeners) listener(entry);
  };
  // A bot "Clear finished" took off the table cannot be relaunched: forget what it joined with.
  const stopWatching = store.subscribe(({ removed }) => {
    for (const botId of removed ?? []) finished.delete(botId);
  });
  const commands: BotCommands = createBotCommands({
    ...options,
    timeoutMs: options.commandTimeoutMs,
    onRenamed(botId, name) {
      // Rejoins after a drop come back under the name the meeting took.
      const join = joins.get(botId);
      if (join) joins.set(botId, { ...join, request: { ...join.request, userName: name } });
    },
    onActivity: record,
  });

  function chatTargets(target: ChatTarget): Result<BotRecord[]> {
    if ('meetingNumber' in target) {
      const inMeeting = store
        .all()
        .filter((bot) => bot.meetingNumber === target.meetingNumber && bot.state === 'in_meeting');
      return inMeeting.length > 0
        ? ok(inMeeting)
        : fail(
            'not_in_meeting',
            `None of Botdeck's bots is in meeting ${target.meetingNumber} now.`,
          );
    }
    const bots = target.botIds.map((id) => store.get(id));
    if (bots.some((bot) => bot === undefined)) return NO_BOT;
    const inMeeting = (bots as BotRecord[]).filter((bot) => bot.state === 'in_meeting');
    if (inMeeting.length > 0) return ok(inMeeting);
    const only = bots.length === 1 ? bots[0] : undefined;
    return fail(
      'not_in_meeting',
      only
        ? `${only.name} is not in the meeting, so it cannot chat.`
        : 'None of those bots is in a meeting, so none can chat.',
    );
  }

  return {
    sendChat(target, text) {
      const bots = chatTargets(target);
      if (!bots.ok) return bots;
      for (const bot of bots.value) commands.chat(bot.id, text);
      return ok({ asked: bots.value.length });
    },

    rename(botId, name) {
      const bot = store.get(botId);
      if (!bot) return NO_BOT;
      if (bot.name === name) return ok(null);
      const join = joins.get(botId);
      if ((bot.state === 'queued' || bot.state === 'minting') && join) {
        // Not joined yet: the join (its ticket is made after minting) carries the new name.
        joins.set(botId, { ...join, request: { ...join.request, userName: name } });
        store.apply(botId, { type: 'renamed', name });
        const words = `${renamed(bot.name, name)} It joins under the new name.`;
        store.apply(botId, {
          type: 'activity',
          activity: activity('rename', 'done', words, options.now()),
        });
        record({
          kind: 'rename',
          at: options.now(),
          botId,
          name: bot.name,
          meetingNumber: bot.meetingNumber,
          accountId: bot.accountId,
          from: bot.name,
          to: name,
          done: true,
          reason: null,
        });
        return ok(null);
      }
      if (bot.state === 'in_meeting') {
        commands.rename(botId, name);
        return ok(null);
      }
      if (isEnded(bot.state)) {
        return fail(
          'ended',
          `${quote(bot.name)} is no longer in the meeting; relaunch it to join under a new name.`,
        );
      }
      return fail(
        'not_now',
        `${quote(bot.name)} is on its way in or out of the meeting; rename it once it is in.`,
      );
    },

    relaunchPlan(botId) {
      const bot = store.get(botId);
      if (!bot) return NO_BOT;
      const join = finished.get(botId);
      if (!isEnded(bot.state) || !join) {
        return fail(
          'still_live',
          `${quote(bot.name)} is still running; only a bot that left or failed can be relaunched.`,
        );
      }
      const { request, limits } = join;
      return ok({
        meetingNumber: request.meetingNumber,
        passcode: request.passcode,
        accountId: request.account.id,
        timeouts: { ...limits },
        chatOnJoin: join.chatOnJoin,
      });
    },

    joinedFirstTime(bot) {
      const template = joins.get(bot.id)?.chatOnJoin;
      if (template) commands.chat(bot.id, expandChatTemplate(template, bot.name));
    },

    commandResult: (botId, report) => commands.result(botId, report),

    ended(botId) {
      commands.forget(botId);
      const join = joins.get(botId);
      if (join) finished.set(botId, join);
    },

    onActivity(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    dispose() {
      stopWatching();
      commands.dispose();
    },
  };
}
