/**
 * Presence over Server-Sent Events: one stream per participant tells its page what happens to
 * it (admitted from the waiting room, kicked, the meeting ended) and how many people are in the
 * meeting, and the stream's own lifetime is the participant's connection: when the page goes
 * away (closed, network lost) the participant leaves the meeting.
 *
 * Events, in order: `joined` (admitted at once) or `waiting` (in the waiting room), then
 * `admitted` when the host lets a waiting participant in; `participants`
 * `{"count": n, "others": [{"displayName", "avatarUrl"}…]}` (everyone admitted, this participant
 * included, and the first few others in join order: what a Zoom window shows of the gallery)
 * once admitted and whenever the number changes; and at most one final `kicked`, `ended` or
 * `left`. A drop cuts the stream with no event at all.
 */
import type { ServerResponse } from 'node:http';
import { HttpError } from './http-kit';
import type { DepartureReason, MeetingChange, MeetingService } from './meeting-service';
import type { ParticipantView } from './meeting-model';

/** Zoom's code for "removed from the meeting by the host". */
export const KICKED_CODE = 3009;
// Idle proxies and browsers drop silent connections after tens of seconds.
const HEARTBEAT_MS = 15_000;
/** Others a head count names: enough for a bot page to draw, small on every change. */
export const OTHERS_NAMED = 8;

interface OpenStream {
  res: ServerResponse;
  meetingNumber: string;
  participantId: string;
  heartbeat: NodeJS.Timeout;
  /** Set when the server ends the stream, so its close is not taken for a disconnect. */
  endedByServer: boolean;
  /** In the waiting room: hears no head counts until admitted. */
  waiting: boolean;
  /** The last head count sent, so only changes are sent. */
  lastCount: number | null;
}

// CORS headers for the bot page were set on the response before the route ran.
const SSE_HEADERS = {
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

const KICKED_FROM_WAITING_ROOM = {
  event: 'kicked',
  data: { reason: 'removed from the waiting room by host', code: KICKED_CODE },
};

const frame = (event: string, data: unknown): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Open presence streams, keyed by participant id. */
export class PresenceStreams {
  private readonly streams = new Map<string, OpenStream>();

  constructor(private readonly meetings: MeetingService) {
    meetings.onDeparture((_meetingNumber, participantId, why) => this.depart(participantId, why));
    meetings.onChange((change) => this.changed(change));
  }

  /** Serves `GET /sandbox/meetings/{n}/participants/{id}/events`. */
  open(res: ServerResponse, meetingNumber: string, participantId: string): void {
    const place = this.meetings.place(meetingNumber, participantId);
    if (!place) {
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
    const stream: OpenStream = {
      res,
      meetingNumber,
      participantId,
      heartbeat: setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS),
      endedByServer: false,
      waiting: place.waiting,
      lastCount: null,
    };
    if (place.waiting) {
      res.write(frame('waiting', { ...place.participant, waitingRoom: true }));
    } else {
      res.write(frame('joined', place.participant));
      this.sendCount(stream);
    }
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

  private changed(change: MeetingChange): void {
    if (change.kind === 'admitted') {
      const stream = this.streams.get(change.participantId);
      const place = this.meetings.place(change.meetingNumber, change.participantId);
      if (!stream || !place) return;
      stream.waiting = false;
      stream.res.write(frame('admitted', place.participant));
      this.sendCount(stream);
      return;
    }
    // Looked up once per change, not once per stream: a big meeting has many streams.
    const first = this.meetings.firstParticipants(change.meetingNumber, OTHERS_NAMED + 1);
    for (const stream of this.streams.values()) {
      if (stream.meetingNumber === change.meetingNumber)
        this.sendCount(stream, change.count, first);
    }
  }

  /** Sends the head count to an admitted participant's stream when it differs from the last. */
  private sendCount(stream: OpenStream, count?: number, first?: ParticipantView[]): void {
    if (stream.waiting) return;
    const now = count ?? this.meetings.participants(stream.meetingNumber)?.length ?? null;
    if (now === null || now === stream.lastCount) return;
    stream.lastCount = now;
    const others = (
      first ?? this.meetings.firstParticipants(stream.meetingNumber, OTHERS_NAMED + 1)
    )
      .filter((participant) => participant.participantId !== stream.participantId)
      .slice(0, OTHERS_NAMED)
      .map(({ displayName, avatarUrl }) => ({ displayName, avatarUrl }));
    stream.res.write(frame('participants', { count: now, others }));
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
    const terminal =
      why === 'kicked' && stream.waiting ? KICKED_FROM_WAITING_ROOM : TERMINAL_EVENTS[why];
    stream.res.end(terminal ? frame(terminal.event, terminal.data) : undefined);
  }
}
