/**
 * The dashboard's IPC over a WebSocket: the same channels, schemas and router as Electron's
 * ipcMain, with the socket itself as the sender (only an authenticated dashboard gets one).
 * Bot changes go out at most once a frame, as deltas (dashboard-feed.ts), one text frame for
 * every socket.
 */
import type { WebSocket, WebSocketServer } from 'ws';
import {
  IPC_EVENTS,
  WebRequestFrameSchema,
  fail,
  type BotsChangedEvent,
  type Result,
  type WebServerFrame,
} from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { createDashboardFeed } from './dashboard-feed';

export interface DashboardEndpoint {
  handleDashboard(channel: string, payload: unknown): Promise<Result<unknown>>;
  onBotsChanged(listener: (event: BotsChangedEvent) => void): () => void;
}

/** Serves every socket of `server` from `endpoint`; returns a function that stops pushing events. */
export function serveDashboardSockets(
  server: WebSocketServer,
  endpoint: DashboardEndpoint,
  logger: Logger,
): () => void {
  server.on('connection', (socket) => {
    // ws reports a client's protocol errors (a text frame that is not UTF-8, a frame over the
    // size limit) here and closes that socket itself (1007, 1009); unheard, the 'error' event
    // would be thrown and take the whole host down.
    socket.on('error', (error) => {
      logger.warn('Closed a dashboard socket after a protocol error', { error: error.message });
    });
    socket.on('message', (data, isBinary) => {
      void answer(socket, isBinary ? null : data.toString(), endpoint, logger);
    });
  });
  const feed = createDashboardFeed((payload) =>
    broadcastEvent(server, { type: 'event', channel: IPC_EVENTS.onBotsChanged.channel, payload }),
  );
  const stop = endpoint.onBotsChanged((event) => feed.push(event));
  return () => {
    stop();
    feed.dispose();
  };
}

/** Sends an event to every dashboard connected now (there may be several tabs, or none). */
export function broadcastEvent(
  server: WebSocketServer,
  frame: Extract<WebServerFrame, { type: 'event' }>,
): void {
  const text = JSON.stringify(frame);
  for (const socket of server.clients) {
    if (socket.readyState === socket.OPEN) socket.send(text);
  }
}

async function answer(
  socket: WebSocket,
  text: string | null,
  endpoint: DashboardEndpoint,
  logger: Logger,
): Promise<void> {
  const frame = WebRequestFrameSchema.safeParse(parseJson(text));
  if (!frame.success) {
    logger.warn('Dropped a malformed dashboard frame');
    socket.close(1008, 'Malformed frame');
    return;
  }
  const { id, channel, payload } = frame.data;
  let result: Result<unknown>;
  try {
    result = await endpoint.handleDashboard(channel, payload);
  } catch (error) {
    logger.error('Dashboard call failed', { channel, error: String(error) });
    result = fail('internal', 'Something went wrong in Botdeck; see the log.');
  }
  if (socket.readyState !== socket.OPEN) return;
  const response: WebServerFrame = { type: 'response', id, result };
  socket.send(JSON.stringify(response));
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
