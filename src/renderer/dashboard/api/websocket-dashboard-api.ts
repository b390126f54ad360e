/**
 * The dashboard API over the web host's WebSocket, for when no preload exists.
 *
 * The web host authenticates the socket with an HttpOnly cookie it set when it served the page,
 * so no token ever passes through script. Requests are `{id, channel, payload}` frames; answers
 * come back as `{type:'response', id, result}` and pushed events as `{type:'event', ...}`.
 * There is no automatic reconnect: events sent while the socket was down are lost, so a fresh
 * snapshot (a reload) is the only honest recovery, and the banner says so.
 */
import { buildPageApi } from '../../../shared/ipc-calls';
import { IPC_CALLS, IPC_EVENTS, type Result } from '../../../shared/ipc-contract';
import {
  DISCONNECTED_ERROR,
  type BrowserDashboardApi,
  type ConnectionSource,
  type ConnectionStatus,
} from './connection';
import { parseServerFrame } from './server-frame';

/** The part of a WebSocket this bridge uses; the browser's and `ws`'s both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(
    type: 'open' | 'message' | 'close' | 'error',
    listener: (event: { readonly type: string; data?: unknown }) => void,
  ): void;
}
export type SocketConstructor = new (url: string) => SocketLike;

export interface WebSocketDashboardOptions {
  /** Defaults to `/ipc` on the page's own host. */
  url?: string;
  /** Defaults to the browser's WebSocket; tests in Node pass `ws`. */
  WebSocket?: SocketConstructor;
}

export interface WebSocketDashboardApi extends BrowserDashboardApi {
  readonly connection: ConnectionSource;
  /** Closes the socket; pending and later calls resolve as disconnected. */
  close(): void;
}

const SOCKET_OPEN = 1;

export function defaultIpcUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ipc`;
}

export function createWebSocketDashboardApi(
  options: WebSocketDashboardOptions = {},
): WebSocketDashboardApi {
  const Socket = options.WebSocket ?? WebSocket;
  const socket = new Socket(options.url ?? defaultIpcUrl());

  let status: ConnectionStatus = 'connecting';
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  // Frames written before the socket opened; sent in order on open.
  const outbox: string[] = [];
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  /** Listeners by event channel. */
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();

  const setStatus = (next: ConnectionStatus): void => {
    if (status === next) return;
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  };

  socket.addEventListener('open', () => {
    if (status === 'closed') return;
    setStatus('open');
    for (const frame of outbox.splice(0)) socket.send(frame);
  });

  socket.addEventListener('message', (event) => {
    const frame = parseServerFrame(event.data);
    if (frame === null) {
      console.warn('Botdeck: ignored a malformed frame from the web host.');
      return;
    }
    if (frame.type === 'response') {
      const resolve = pending.get(frame.id);
      pending.delete(frame.id);
      resolve?.(frame.result);
      return;
    }
    for (const listener of [...(eventListeners.get(frame.channel) ?? [])]) listener(frame.payload);
  });

  const onClosed = (): void => {
    setStatus('closed');
    outbox.length = 0;
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error: { ...DISCONNECTED_ERROR } });
  };
  // A failed handshake fires `error` then `close`; treating both as closed is idempotent.
  socket.addEventListener('close', onClosed);
  socket.addEventListener('error', onClosed);

  function call(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (status === 'closed') {
      return Promise.resolve({ ok: false, error: { ...DISCONNECTED_ERROR } });
    }
    const id = nextId++;
    const frame = JSON.stringify({ id, channel, payload });
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (socket.readyState === SOCKET_OPEN) socket.send(frame);
      else outbox.push(frame);
    });
  }

  const connection: ConnectionSource = {
    getStatus: () => status,
    subscribe: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };

  // parseServerFrame already checked each event's shape for its channel.
  const api = buildPageApi(IPC_CALLS, IPC_EVENTS, 'dashboard', {
    invoke: call,
    listen(channel, listener) {
      const listeners = eventListeners.get(channel) ?? new Set();
      eventListeners.set(channel, listeners);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });

  return {
    ...api,
    connection,
    close: () => {
      socket.close();
      onClosed();
    },
  } satisfies WebSocketDashboardApi;
}
