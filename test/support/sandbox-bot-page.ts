/**
 * Runs the real bot page logic in Node: `runBot` with the real sandbox meeting client, over
 * HTTP to the sandbox, with the test EventSource for presence. The Electron shell tests and the
 * fleet integration tests both host their bot pages with it, so what they prove is about the
 * page Botdeck ships, not a re-implementation of it. A page can be killed: its streams close and
 * its requests are cut without a goodbye, as a crashed or closed page's would be.
 */
import type { MeetingStatus } from '../../src/renderer/bot/meeting/meeting-client';
import { createSandboxMeetingClient } from '../../src/renderer/bot/meeting/sandbox-meeting-client';
import { runBot } from '../../src/renderer/bot/run-bot';
import type { BotApi } from '../../src/shared/ipc-contract';
import { NodeEventSource } from '../unit/renderer/helpers/node-event-source';

export interface SandboxBotPageOptions {
  /** The page's bridge to main. */
  api: BotApi;
  /** What a browser adds to the page's cross-origin requests (the sandbox checks it); none by default. */
  origin?: string;
  /** Every status the page showed, in order. */
  onStatus?: (status: string) => void;
}

export interface SandboxBotPage {
  /** Kills the page: no more requests, no more events, no goodbye. */
  kill(): void;
  readonly alive: boolean;
  /**
   * What the page shows, in words (it draws no pixels here): its name, its meeting, its last
   * status and the head count. What a capture of its window stands for.
   */
  picture(): string;
}

/** What a page whose Zoom hosts are blocked says for a Zoom ticket. */
export const ZOOM_UNREACHABLE = 'Zoom is not reachable from this test page.';

export function startSandboxBotPage(options: SandboxBotPageOptions): SandboxBotPage {
  let alive = true;
  const streams: NodeEventSource[] = [];
  const requests = new AbortController();
  const headers: Record<string, string> = options.origin ? { origin: options.origin } : {};

  class PageEventSource extends NodeEventSource {
    constructor(url: string) {
      super(url);
      streams.push(this);
      if (!alive) this.close();
    }
    protected override requestHeaders(): Record<string, string> {
      return { ...super.requestHeaders(), ...headers };
    }
  }
  const pageFetch: typeof fetch = (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), ...headers },
      signal: requests.signal,
    });

  const shown = { name: '', meeting: '', status: 'starting', people: '' };
  void runBot({
    api: options.api,
    view: {
      showName: (name) => void (shown.name = name),
      showMeeting: (meetingNumber) => void (shown.meeting = meetingNumber),
      showScene: (scene) => void (shown.people = ` · ${scene.count ?? '?'} in the meeting`),
      showStatus: (status: MeetingStatus | { status: string }) => {
        shown.status = status.status;
        options.onStatus?.(status.status);
      },
    },
    chooseClient: (ticket) =>
      ticket.sdk === 'sandbox' && ticket.sandboxUrl
        ? {
            ok: true,
            client: createSandboxMeetingClient({
              sandboxUrl: ticket.sandboxUrl,
              EventSource: PageEventSource,
              fetch: pageFetch,
            }),
          }
        : { ok: false, message: ZOOM_UNREACHABLE },
  });

  return {
    kill() {
      alive = false;
      requests.abort();
      for (const stream of streams) stream.close();
    },
    get alive() {
      return alive;
    },
    picture: () => `${shown.name} · meeting ${shown.meeting} · ${shown.status}${shown.people}`,
  };
}
