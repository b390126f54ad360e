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

  void runBot({
    api: options.api,
    view: {
      showName: () => undefined,
      showStatus: (status: MeetingStatus | { status: string }) => options.onStatus?.(status.status),
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
  };
}
