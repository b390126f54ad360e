/**
 * A test window host that behaves like a bot page over real HTTP: on `open` it says ready to
 * Botdeck, joins the sandbox meeting with the ticket it got, follows its presence stream like the
 * sandbox meeting client does (waiting, admitted, head counts, kicked, ended, a cut stream read as
 * `disconnected`), and reports what happened; on a `leave` command it leaves the meeting and
 * reports `left`; `chat` and `rename` commands go to the sandbox as this participant, and the
 * page answers each with how it went. A crash closes the page's stream, so the sandbox sees the connection go, as it
 * would for a real page. Everything a page sees is kept so tests can check what pages were (and
 * were not) given.
 */
import { z } from 'zod';
import type { Botdeck } from '../../../src/main/app/create-botdeck';
import type { BotWindowHost, WindowGoneReason } from '../../../src/main/fleet/bot-window-host';
import type { BotCommand, JoinTicket, Result } from '../../../src/shared/ipc-contract';
import { readServerSentEvents } from './server-sent-events';

const JoinedSchema = z.object({ participantId: z.string(), waitingRoom: z.boolean().optional() });
const JoinErrorSchema = z.object({ errorCode: z.number(), message: z.string() });
const KickedSchema = z.object({ code: z.number().optional(), reason: z.string().optional() });
const CountSchema = z.object({ count: z.number() });

interface Page {
  ticket: JoinTicket | null;
  participantId: string | null;
  /** Cuts the presence stream (the page going away). */
  stream: AbortController;
  leaving: boolean;
}

export interface HttpBotHostOptions {
  /** Crash the page right after it opens (the n-th open of that bot, from 1): a crash loop. */
  crashOnOpen?: (botId: string, openCount: number) => WindowGoneReason | null;
}

export interface HttpBotHost extends BotWindowHost {
  /** Must be set before the first launch. */
  attach(botdeck: Botdeck): void;
  /** Pages currently open, by bot id. */
  pages: Map<string, Page>;
  /** Every open() call's bot id, in order. */
  opened: string[];
  /** Every ticket any page received (to check secrets never went anywhere else). */
  tickets: JoinTicket[];
  /** Every answer to `bot:ready`, in order. */
  readyAnswers: Result<unknown>[];
  /** Simulates a page that dies on its own. */
  crash(botId: string, reason: WindowGoneReason): void;
}

export function createHttpBotHost(options: HttpBotHostOptions = {}): HttpBotHost {
  let botdeck: Botdeck | null = null;
  const pages = new Map<string, Page>();
  const opened: string[] = [];
  const tickets: JoinTicket[] = [];
  const readyAnswers: Result<unknown>[] = [];
  const goneListeners = new Set<(botId: string, reason: WindowGoneReason) => void>();

  /** Reports as this page, if it is still the bot's page (a closed page says nothing more). */
  const report = async (
    botId: string,
    page: Page,
    status: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> => {
    if (pages.get(botId) !== page) return;
    await botdeck?.handleBot(botId, 'bot:status', { status, ...extra });
  };

  async function runPage(botId: string, page: Page): Promise<void> {
    if (!botdeck) throw new Error('attach() the host to Botdeck first');
    if (pages.get(botId) !== page) return;
    const ready = await botdeck.handleBot(botId, 'bot:ready', {});
    readyAnswers.push(ready);
    if (!ready.ok) return;
    const ticket = ready.value as JoinTicket;
    page.ticket = ticket;
    tickets.push(ticket);
    await report(botId, page, 'connecting');
    if (ticket.sdk !== 'sandbox' || !ticket.sandboxUrl) {
      // A Zoom ticket: this stand-in page can only join the sandbox, like a page with Zoom blocked.
      await report(botId, page, 'failed', { code: null, message: 'Zoom is not reachable' });
      return;
    }
    const meetingUrl = `${ticket.sandboxUrl}/sandbox/meetings/${ticket.meetingNumber}`;
    const response = await fetch(`${meetingUrl}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        signature: ticket.signature,
        zak: ticket.zak,
        userName: ticket.userName,
        passcode: ticket.passcode,
      }),
    });
    const body: unknown = await response.json();
    if (!response.ok) {
      const error = JoinErrorSchema.parse(body);
      await report(botId, page, 'failed', { code: error.errorCode, message: error.message });
      return;
    }
    page.participantId = JoinedSchema.parse(body).participantId;
    if (pages.get(botId) !== page || page.leaving) {
      // Closed or told to leave while the join was on its way: leave what it just joined.
      await fetch(`${meetingUrl}/participants/${page.participantId}/leave`, { method: 'POST' });
      return;
    }
    await followPresence(botId, page, `${meetingUrl}/participants/${page.participantId}/events`);
  }

  /** Like the sandbox meeting client: statuses from the stream; a cut stream is a drop. */
  async function followPresence(botId: string, page: Page, url: string): Promise<void> {
    const participantId = page.participantId;
    let final = false;
    try {
      for await (const { event, data } of readServerSentEvents(url, page.stream.signal)) {
        if (event === 'joined' || event === 'admitted') {
          await report(botId, page, 'in_meeting', { participantId });
        } else if (event === 'waiting') {
          await report(botId, page, 'waiting_room', { participantId });
        } else if (event === 'participants') {
          const { count } = CountSchema.parse(data);
          await report(botId, page, 'in_meeting', { participantId, participantCount: count });
        } else if (event === 'kicked') {
          final = true;
          const kicked = KickedSchema.parse(data);
          await report(botId, page, 'kicked', {
            code: kicked.code ?? 3009,
            message: kicked.reason,
          });
        } else if (event === 'ended') {
          final = true;
          await report(botId, page, 'ended');
        } else if (event === 'left') {
          final = true;
        }
      }
    } catch {
      // Cut (dropped, or the page itself went away): handled below.
    }
    if (!final && !page.leaving) {
      await report(botId, page, 'disconnected', {
        message: 'Lost the connection to the sandbox meeting.',
      });
    }
  }

  async function leavePage(botId: string, page: Page): Promise<void> {
    page.leaving = true;
    if (page.ticket && page.participantId) {
      const path = `/sandbox/meetings/${page.ticket.meetingNumber}/participants/${page.participantId}/leave`;
      await fetch(`${page.ticket.sandboxUrl}${path}`, { method: 'POST' });
    }
    await report(botId, page, 'left');
    page.stream.abort();
  }

  /** A chat or rename as the sandbox meeting client does it, answered to Botdeck. */
  async function act(
    botId: string,
    page: Page,
    command: Exclude<BotCommand, { type: 'leave' }>,
  ): Promise<void> {
    const base = `${page.ticket?.sandboxUrl}/sandbox/meetings/${page.ticket?.meetingNumber}`;
    const [path, body] =
      command.type === 'chat'
        ? ['chat', { text: command.text }]
        : ['rename', { displayName: command.name }];
    const response = await fetch(`${base}/participants/${page.participantId}/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = response.ok ? null : JoinErrorSchema.parse(await response.json());
    const refusal =
      answer === null
        ? null
        : command.type === 'rename' && answer.errorCode === 1
          ? 'rename_not_allowed'
          : /Restrict chat/.test(answer.message)
            ? 'chat_disabled'
            : 'other';
    if (pages.get(botId) !== page) return;
    await botdeck?.handleBot(botId, 'bot:command-result', {
      commandId: command.commandId,
      ok: answer === null,
      refusal,
      code: answer?.errorCode ?? null,
      message: answer?.message ?? null,
    });
  }

  function goAway(botId: string): Page | undefined {
    const page = pages.get(botId);
    pages.delete(botId);
    page?.stream.abort();
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
      const page: Page = {
        ticket: null,
        participantId: null,
        stream: new AbortController(),
        leaving: false,
      };
      pages.set(botId, page);
      const crashWith = options.crashOnOpen?.(botId, opened.filter((id) => id === botId).length);
      // Like a real window: open() resolves once loading starts; the page runs on its own.
      setImmediate(() => {
        if (crashWith) crash(botId, crashWith);
        else void runPage(botId, page);
      });
      return Promise.resolve();
    },
    close(botId) {
      goAway(botId);
      return Promise.resolve();
    },
    send(botId, command) {
      const page = pages.get(botId);
      if (!page) return;
      if (command.type === 'leave') void leavePage(botId, page);
      else void act(botId, page, command);
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
    crash,
  };
}
