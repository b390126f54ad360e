/**
 * A test window host that behaves like a bot page over real HTTP: on `open` it says ready to
 * Botdeck, joins the sandbox meeting with the ticket it got, and reports what happened; on a
 * `leave` command it leaves the meeting and reports `left`. Everything a page sees is kept so
 * tests can check what pages were (and were not) given.
 */
import { z } from 'zod';
import type { Botdeck } from '../../../src/main/app/create-botdeck';
import type { BotWindowHost, WindowGoneReason } from '../../../src/main/fleet/bot-window-host';
import type { JoinTicket, Result } from '../../../src/shared/ipc-contract';

const JoinedSchema = z.object({ participantId: z.string() });
const JoinErrorSchema = z.object({ errorCode: z.number(), message: z.string() });

interface Page {
  ticket: JoinTicket | null;
  participantId: string | null;
}

export interface HttpBotHost extends BotWindowHost {
  /** Must be set before the first launch. */
  attach(botdeck: Botdeck): void;
  /** Pages currently open, by bot id. */
  pages: Map<string, Page>;
  /** Every ticket any page received (to check secrets never went anywhere else). */
  tickets: JoinTicket[];
  /** Every answer to `bot:ready`, in order. */
  readyAnswers: Result<unknown>[];
  /** Simulates a page that dies on its own. */
  crash(botId: string, reason: WindowGoneReason): void;
}

export function createHttpBotHost(): HttpBotHost {
  let botdeck: Botdeck | null = null;
  const pages = new Map<string, Page>();
  const tickets: JoinTicket[] = [];
  const readyAnswers: Result<unknown>[] = [];
  const goneListeners = new Set<(botId: string, reason: WindowGoneReason) => void>();

  const report = (botId: string, status: string, extra: Record<string, unknown> = {}) =>
    botdeck?.handleBot(botId, 'bot:status', { status, ...extra });

  async function runPage(botId: string, page: Page): Promise<void> {
    if (!botdeck) throw new Error('attach() the host to Botdeck first');
    const ready = await botdeck.handleBot(botId, 'bot:ready', {});
    readyAnswers.push(ready);
    if (!ready.ok) return;
    const ticket = ready.value as JoinTicket;
    page.ticket = ticket;
    tickets.push(ticket);
    await report(botId, 'connecting');
    if (ticket.sdk !== 'sandbox' || !ticket.sandboxUrl) {
      // A Zoom ticket: this stand-in page can only join the sandbox, like a page with Zoom blocked.
      await report(botId, 'failed', { code: null, message: 'Zoom is not reachable from tests' });
      return;
    }
    const response = await fetch(
      `${ticket.sandboxUrl}/sandbox/meetings/${ticket.meetingNumber}/join`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          signature: ticket.signature,
          zak: ticket.zak,
          userName: ticket.userName,
          passcode: ticket.passcode,
        }),
      },
    );
    const body: unknown = await response.json();
    if (!pages.has(botId)) return;
    if (response.ok) {
      page.participantId = JoinedSchema.parse(body).participantId;
      await report(botId, 'in_meeting', { participantId: page.participantId });
    } else {
      const error = JoinErrorSchema.parse(body);
      await report(botId, 'failed', { code: error.errorCode, message: error.message });
    }
  }

  async function leavePage(botId: string, page: Page): Promise<void> {
    if (page.ticket && page.participantId) {
      const path = `/sandbox/meetings/${page.ticket.meetingNumber}/participants/${page.participantId}/leave`;
      await fetch(`${page.ticket.sandboxUrl}${path}`, { method: 'POST' });
    }
    await report(botId, 'left');
  }

  return {
    pages,
    tickets,
    readyAnswers,
    attach(next) {
      botdeck = next;
    },
    open(botId) {
      const page: Page = { ticket: null, participantId: null };
      pages.set(botId, page);
      // Like a real window: open() resolves once loading starts; the page runs on its own.
      setImmediate(() => void runPage(botId, page));
      return Promise.resolve();
    },
    close(botId) {
      pages.delete(botId);
      return Promise.resolve();
    },
    send(botId, command) {
      const page = pages.get(botId);
      if (page && command.type === 'leave') void leavePage(botId, page);
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
    crash(botId, reason) {
      pages.delete(botId);
      for (const listener of goneListeners) listener(botId, reason);
    },
  };
}
