/**
 * Presence over Server-Sent Events: one stream per participant tells its page when it was
 * kicked or the meeting ended, and the stream's own lifetime is the participant's connection:
 * when the page goes away (closed, network lost) the participant leaves the meeting.
 */
import type { ServerResponse } from 'node:http';
import { CROSS_ORIGIN_HEADERS, HttpError } from './http-kit';
import type { DepartureReason, MeetingService } from './meeting-service';

/** Zoom's code for "removed from the meeting by the host". */
export const KICKED_CODE = 3009;
// Idle proxies and browsers drop silent connections after tens of seconds.
const HEARTBEAT_MS = 15_000;

interface OpenStream {
  res: ServerResponse;
  heartbeat: NodeJS.Timeout;
  /** Set when the server ends the stream, so its close is not taken for a disconnect. */
  endedByServer: boolean;
}

const SSE_HEADERS = {
  ...CROSS_ORIGIN_HEADERS,
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // Tells nginx-style proxies not to buffer the stream.
  'X-Accel-Buffering': 'no',
};

const TERMINAL_EVENTS: Partial<Record<DepartureReason, { event: string; data: unknown }>> = {
  kicked: { event: 'kicked', data: { reason: 'kicked by host', code: KICKED_CODE } },
  ended: { event: 'ended', data: { reason: 'ended by host' } },
  left: { event: 'left', data: { reason: 'left' } },
};

const frame = (event: string, data: unknown): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Open presence streams, keyed by participant id. */
export class PresenceStreams {
  private readonly streams = new Map<string, OpenStream>();

  constructor(private readonly meetings: MeetingService) {
    meetings.onDeparture((_meetingNumber, participantId, why) => this.depart(participantId, why));
  }

  /** Serves `GET /sandbox/meetings/{n}/participants/{id}/events`. */
  open(res: ServerResponse, meetingNumber: string, participantId: string): void {
    const participant = this.meetings.participant(meetingNumber, participantId);
    if (!participant) {
      const verdict = this.meetings.verdict(participantId);
      if (!verdict) {
        throw new HttpError(404, { errorCode: 200, message: 'No such participant.' });
      }
      // Removed before the page got here: tell it why, so it does not read a 404 as a drop.
      const terminal = TERMINAL_EVENTS[verdict];
      res.writeHead(200, SSE_HEADERS);
      res.end(terminal ? frame(terminal.event, terminal.data) : '');
      return;
    }
    if (this.streams.has(participantId)) {
      throw new HttpError(409, {
        errorCode: 200,
        message: 'This participant already has an open event stream.',
      });
    }
    res.socket?.setNoDelay(true);
    res.socket?.setTimeout(0);
    res.writeHead(200, SSE_HEADERS);
    res.write(frame('joined', participant));
    const stream: OpenStream = {
      res,
      heartbeat: setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS),
      endedByServer: false,
    };
    this.streams.set(participantId, stream);
    res.on('close', () => {
      clearInterval(stream.heartbeat);
      if (this.streams.get(participantId) === stream) this.streams.delete(participantId);
      if (!stream.endedByServer) this.meetings.remove(meetingNumber, participantId, 'disconnected');
    });
  }

  /** Cuts every stream (server shutdown). */
  closeAll(): void {
    for (const stream of this.streams.values()) {
      stream.endedByServer = true;
      stream.res.destroy();
    }
    this.streams.clear();
  }

  private depart(participantId: string, why: DepartureReason): void {
    const stream = this.streams.get(participantId);
    if (!stream || why === 'disconnected') return;
    stream.endedByServer = true;
    this.streams.delete(participantId);
    clearInterval(stream.heartbeat);
    if (why === 'dropped') {
      // No event and no clean end: the client must see a broken connection.
      stream.res.destroy();
      return;
    }
    const terminal = TERMINAL_EVENTS[why];
    stream.res.end(terminal ? frame(terminal.event, terminal.data) : undefined);
  }
}
