/// <reference types="node" />
/**
 * A tiny stand-in for the sandbox's meeting endpoints, only as wide as the bot page's client
 * uses: join (answer set per test), the participant's event stream, chat and rename (answer set
 * per test), and leave.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JoinAnswer {
  status: number;
  body: unknown;
}

export interface SandboxMeetingServer {
  url: string;
  joins: { meetingNumber: string; body: unknown }[];
  leaves: string[];
  /** Participant ids, one entry per event-stream connection. */
  streamConnections: string[];
  joinAnswer: JoinAnswer;
  /** Chat and rename requests: which, for which participant, with what body. */
  actions: { action: string; participantId: string; body: unknown }[];
  actionAnswer: JoinAnswer;
  /** Sends one SSE event to every open stream. */
  sendEvent(event: string, data: unknown): void;
  /** Cuts every open stream without a word, as a network drop would. */
  dropStreams(): void;
  close(): Promise<void>;
}

export async function startSandboxMeetingServer(): Promise<SandboxMeetingServer> {
  const streams = new Set<ServerResponse>();
  const state: Omit<SandboxMeetingServer, 'url' | 'close' | 'sendEvent' | 'dropStreams'> = {
    joins: [],
    actions: [],
    actionAnswer: { status: 201, body: {} },
    leaves: [],
    streamConnections: [],
    joinAnswer: {
      status: 200,
      body: { participantId: 'p-1', displayName: 'Bot', avatarUrl: null, userId: 'u-1' },
    },
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const join = /^\/sandbox\/meetings\/(\d+)\/join$/.exec(url.pathname);
    const events = /^\/sandbox\/meetings\/\d+\/participants\/([^/]+)\/events$/.exec(url.pathname);
    const leave = /^\/sandbox\/meetings\/\d+\/participants\/([^/]+)\/leave$/.exec(url.pathname);
    const act = /^\/sandbox\/meetings\/\d+\/participants\/([^/]+)\/(chat|rename)$/.exec(
      url.pathname,
    );

    if (join && request.method === 'POST') {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        state.joins.push({ meetingNumber: join[1] ?? '', body: JSON.parse(text) as unknown });
        response.writeHead(state.joinAnswer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(state.joinAnswer.body));
      });
      return;
    }
    if (act && request.method === 'POST') {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const participantId = decodeURIComponent(act[1] ?? '');
        state.actions.push({
          action: act[2] ?? '',
          participantId,
          body: JSON.parse(text) as unknown,
        });
        response.writeHead(state.actionAnswer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(state.actionAnswer.body));
      });
      return;
    }
    if (events && request.method === 'GET') {
      state.streamConnections.push(decodeURIComponent(events[1] ?? ''));
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(': connected\n\n');
      response.write('event: joined\ndata: {}\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
      return;
    }
    if (leave && request.method === 'POST') {
      state.leaves.push(decodeURIComponent(leave[1] ?? ''));
      for (const stream of streams) stream.end();
      response.writeHead(204).end();
      return;
    }
    response.writeHead(404).end();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    sendEvent(event: string, data: unknown) {
      for (const stream of streams)
        stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    dropStreams() {
      for (const stream of streams) stream.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
