/**
 * A test window host whose pages are the real bot page: each `open` starts `runBot` with the
 * real sandbox meeting client (`test/support/sandbox-bot-page.ts`), talking to Botdeck through
 * the contract's bot API as the calling bot, and to the sandbox over HTTP. A `leave` command
 * reaches the page as it would in a browser; a crash kills the page, so the sandbox sees its
 * connection go. Everything a page was handed is kept, so tests can check what pages were (and
 * were not) given.
 */
import type { Botdeck } from '../../../src/main/app/create-botdeck';
import type { BotWindowHost, WindowGoneReason } from '../../../src/main/fleet/bot-window-host';
import { buildPageApi } from '../../../src/shared/ipc-calls';
import {
  IPC_CALLS,
  IPC_EVENTS,
  type BotCommand,
  type JoinTicket,
  type Result,
} from '../../../src/shared/ipc-contract';
import { startSandboxBotPage, type SandboxBotPage } from '../../support/sandbox-bot-page';

export interface NodeBotHostOptions {
  /** Crash the page right after it opens (the n-th open of that bot, from 1): a crash loop. */
  crashOnOpen?: (botId: string, openCount: number) => WindowGoneReason | null;
}

interface Page {
  run: SandboxBotPage | null;
  commands: Set<(command: BotCommand) => void>;
}

export interface NodeBotHost extends BotWindowHost {
  /** Must be set before the first launch. */
  attach(botdeck: Botdeck): void;
  /** Pages currently open, by bot id. */
  pages: Map<string, unknown>;
  /** Every open() call's bot id, in order. */
  opened: string[];
  /** Every ticket any page received (to check secrets never went anywhere else). */
  tickets: JoinTicket[];
  /** Every answer to `bot:ready`, in order. */
  readyAnswers: Result<unknown>[];
  /** Simulates a page that dies on its own. */
  crash(botId: string, reason: WindowGoneReason): void;
}

export function createNodeBotHost(options: NodeBotHostOptions = {}): NodeBotHost {
  let botdeck: Botdeck | null = null;
  const pages = new Map<string, Page>();
  const opened: string[] = [];
  const tickets: JoinTicket[] = [];
  const readyAnswers: Result<unknown>[] = [];
  const goneListeners = new Set<(botId: string, reason: WindowGoneReason) => void>();

  function startPage(botId: string, page: Page): void {
    const main = botdeck;
    if (!main) throw new Error('attach() the host to Botdeck first');
    // A dead page says nothing more: its calls never leave it.
    const alive = (): boolean => pages.get(botId) === page && page.run?.alive !== false;
    const api = buildPageApi(IPC_CALLS, IPC_EVENTS, 'bot', {
      invoke: (channel, request) =>
        alive() ? main.handleBot(botId, channel, request) : new Promise(() => {}),
      listen(_channel, listener) {
        page.commands.add(listener);
        return () => page.commands.delete(listener);
      },
    });
    page.run = startSandboxBotPage({
      api: {
        ...api,
        ready: async () => {
          const result = await api.ready();
          readyAnswers.push(result);
          if (result.ok) tickets.push(result.value);
          return result;
        },
      },
    });
  }

  function goAway(botId: string): Page | undefined {
    const page = pages.get(botId);
    pages.delete(botId);
    page?.run?.kill();
    return page;
  }

  function crash(botId: string, reason: WindowGoneReason): void {
    if (!goAway(botId)) return;
    for (const listener of goneListeners) listener(botId, reason);
  }

  return {
    pages,
    opened,
    tickets,
    readyAnswers,
    attach(next) {
      botdeck = next;
    },
    open(botId) {
      // Real hosts refuse this too: a bot never holds two windows.
      if (pages.has(botId)) return Promise.reject(new Error(`Bot ${botId} already has a window`));
      opened.push(botId);
      const page: Page = { run: null, commands: new Set() };
      pages.set(botId, page);
      const crashWith = options.crashOnOpen?.(botId, opened.filter((id) => id === botId).length);
      // Like a real window: open() resolves once loading starts; the page runs on its own.
      setImmediate(() => {
        if (crashWith) crash(botId, crashWith);
        else if (pages.get(botId) === page) startPage(botId, page);
      });
      return Promise.resolve();
    },
    close(botId) {
      goAway(botId);
      return Promise.resolve();
    },
    send(botId, command) {
      for (const listener of pages.get(botId)?.commands ?? []) listener(command);
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
    capture(botId, maxWidth) {
      const page = pages.get(botId);
      if (!page) return Promise.resolve(null);
      // The page draws no pixels here: its "picture" is what it shows, in words.
      const drawn = page.run?.picture() ?? 'loading';
      return Promise.resolve({ jpeg: new TextEncoder().encode(drawn), width: maxWidth, height: 1 });
    },
    crash,
  };
}
