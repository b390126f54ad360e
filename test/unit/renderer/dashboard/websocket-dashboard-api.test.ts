/// <reference types="node" />
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import {
  createWebSocketDashboardApi,
  type WebSocketDashboardApi,
} from '../../../../src/renderer/dashboard/api/websocket-dashboard-api';
import type { WebServerFrame } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';

interface ReceivedFrame {
  id: number;
  channel: string;
  payload: unknown;
}

/** A stand-in web host: records request frames and lets each test answer them. */
async function startHost() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ipc' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const received: ReceivedFrame[] = [];
  const sockets: ServerSocket[] = [];
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as ReceivedFrame));
  });
  const { port } = server.address() as AddressInfo;
  const send = (frame: WebServerFrame | string): void => {
    for (const socket of sockets)
      socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  };
  return {
    url: `ws://127.0.0.1:${port}/ipc`,
    received,
    sockets,
    send,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        server.close(() => resolve());
      }),
  };
}

type Host = Awaited<ReturnType<typeof startHost>>;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connect(): Promise<{ host: Host; api: WebSocketDashboardApi }> {
  const host = await startHost();
  const api = createWebSocketDashboardApi({ url: host.url, WebSocket });
  cleanups.push(
    () => host.close(),
    () => api.close(),
  );
  return { host, api };
}

describe('the WebSocket dashboard bridge', () => {
  it('queues calls made before the socket opens and resolves each by its id', async () => {
    const { host, api } = await connect();
    expect(api.connection.getStatus()).toBe('connecting');

    const snapshot = api.getSnapshot();
    const launch = api.launchBots({ meeting: '123456789', names: ['A'] });
    await vi.waitFor(() => expect(host.received).toHaveLength(2));
    expect(api.connection.getStatus()).toBe('open');
    const [first, second] = host.received;
    expect(first).toMatchObject({ channel: 'app:snapshot', payload: {} });
    expect(second).toMatchObject({
      channel: 'bots:launch',
      payload: { meeting: '123456789', names: ['A'] },
    });
    expect(first?.id).not.toBe(second?.id);

    // Answer out of order: ids, not arrival, decide which call resolves.
    host.send({
      type: 'response',
      id: second?.id ?? -1,
      result: { ok: true, value: { botIds: ['b1'] } },
    });
    host.send({
      type: 'response',
      id: first?.id ?? -1,
      result: { ok: true, value: { mode: 'sandbox', accounts: [], bots: [], notices: [] } },
    });
    await expect(launch).resolves.toEqual({ ok: true, value: { botIds: ['b1'] } });
    await expect(snapshot).resolves.toMatchObject({ ok: true, value: { mode: 'sandbox' } });
  });

  it('uses the contract’s channel for every call', async () => {
    const { host, api } = await connect();
    void api.leaveBot({ botId: 'b1' });
    void api.leaveAll();
    await vi.waitFor(() => expect(host.received).toHaveLength(2));
    expect(host.received.map((frame) => [frame.channel, frame.payload])).toEqual([
      ['bots:leave', { botId: 'b1' }],
      ['bots:leave-all', {}],
    ]);
  });

  it('carries the account calls on the accounts channels', async () => {
    const { host, api } = await connect();
    const save = { label: 'Support', serviceUser: 'bots@example.com', plan: 'pro' } as const;
    const saved = api.saveAccount(save);
    void api.deleteAccount({ accountId: 'a1' });
    void api.testAccount({ accountId: 'a1' });
    await vi.waitFor(() => expect(host.received).toHaveLength(3));
    expect(host.received.map((frame) => [frame.channel, frame.payload])).toEqual([
      ['accounts:save', save],
      ['accounts:delete', { accountId: 'a1' }],
      ['accounts:test', { accountId: 'a1' }],
    ]);

    host.send({
      type: 'response',
      id: host.received[0]?.id ?? -1,
      result: { ok: true, value: { mode: 'zoom', accounts: [] } },
    });
    await expect(saved).resolves.toEqual({ ok: true, value: { mode: 'zoom', accounts: [] } });
  });

  it('delivers bots:changed events to listeners until they unsubscribe, and ignores malformed frames', async () => {
    const { host, api } = await connect();
    const seen: string[][] = [];
    const unsubscribe = api.onBotsChanged((event) => seen.push(event.bots.map((bot) => bot.id)));
    await vi.waitFor(() => expect(api.connection.getStatus()).toBe('open'));

    host.send('not json');
    host.send({
      type: 'event',
      channel: 'bots:changed',
      payload: { bots: [makeBot({ id: 'a' })] },
    });
    await vi.waitFor(() => expect(seen).toEqual([['a']]));

    unsubscribe();
    host.send({
      type: 'event',
      channel: 'bots:changed',
      payload: { bots: [makeBot({ id: 'b' })] },
    });
    // A later answer proves the event before it was processed (frames arrive in order).
    const answered = api.leaveAll();
    await vi.waitFor(() => expect(host.received).toHaveLength(1));
    host.send({
      type: 'response',
      id: host.received[0]?.id ?? -1,
      result: { ok: true, value: { count: 0 } },
    });
    await answered;
    expect(seen).toEqual([['a']]);
  });

  it('passes on the ids of bots cleared off the table, and drops a frame whose ids are not strings', async () => {
    const { host, api } = await connect();
    const seen: unknown[] = [];
    api.onBotsChanged((event) => seen.push(event.removed));
    await vi.waitFor(() => expect(api.connection.getStatus()).toBe('open'));
    // Sent as text: the malformed ones could not be typed as frames.
    const changed = (payload: unknown) =>
      host.send(JSON.stringify({ type: 'event', channel: 'bots:changed', payload }));
    changed({ bots: [], removed: [7] });
    changed({ bots: [], removed: 'a' });
    changed({ bots: [], removed: ['a', 'b'] });
    changed({ bots: [makeBot({ id: 'c' })] });
    await vi.waitFor(() => expect(seen).toEqual([['a', 'b'], undefined]));
  });

  it('when the connection drops, pending and later calls resolve as disconnected and the status says so', async () => {
    const { host, api } = await connect();
    const statuses: string[] = [];
    api.connection.subscribe((status) => statuses.push(status));
    const pending = api.getSnapshot();
    await vi.waitFor(() => expect(host.received).toHaveLength(1));

    for (const socket of host.sockets) socket.terminate();

    const disconnected = {
      ok: false,
      error: {
        code: 'disconnected',
        message: 'Lost the connection to Botdeck. Reload to reconnect.',
      },
    };
    await expect(pending).resolves.toEqual(disconnected);
    expect(api.connection.getStatus()).toBe('closed');
    expect(statuses).toEqual(['open', 'closed']);
    await expect(api.leaveAll()).resolves.toEqual(disconnected);
  });

  it('a host that cannot be reached reads as disconnected', async () => {
    const host = await startHost();
    await host.close();
    const api = createWebSocketDashboardApi({ url: host.url, WebSocket });
    await expect(api.getSnapshot()).resolves.toMatchObject({
      ok: false,
      error: { code: 'disconnected' },
    });
    expect(api.connection.getStatus()).toBe('closed');
  });
});
