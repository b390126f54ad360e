/**
 * The MeetingClient for Botdeck's embedded Zoom sandbox. Joining is one POST (the sandbox checks
 * the signature and the ZAK, as Zoom would); presence is an SSE stream for that participant,
 * which also brings the host's actions: `waiting` (held in the waiting room), `admitted`, head
 * counts (`participants`), and the final kick or end. A stream that breaks is a lost connection.
 * Chat and renaming are one POST each for this participant, refused as the sandbox says.
 */
import { chatRefusal, refused, renameRefusal, type CommandOutcome } from './command-outcome';
import {
  MeetingJoinError,
  repeatJoinRefusal,
  createStatusEmitter,
  type MeetingClient,
  type MeetingJoinParams,
  type MeetingPerson,
  type MeetingScene,
  type MeetingStatus,
} from './meeting-client';

/** The part of EventSource this client uses; the browser's fits, tests pass a stand-in. */
export interface EventSourceLike {
  addEventListener(
    type: string,
    listener: (event: { readonly type: string; data?: unknown }) => void,
  ): void;
  close(): void;
}
export type EventSourceConstructor = new (url: string) => EventSourceLike;

export interface SandboxMeetingClientOptions {
  /** The ticket's `sandboxUrl`. */
  sandboxUrl: string;
  fetch?: typeof fetch;
  EventSource?: EventSourceConstructor;
}

/** Zoom's "removed by the host"; the sandbox sends it, this is only the fallback. */
const KICKED_CODE = 3009;

export function createSandboxMeetingClient(options: SandboxMeetingClientOptions): MeetingClient {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const Source: EventSourceConstructor = options.EventSource ?? EventSource;
  const base = options.sandboxUrl.replace(/\/+$/, '');
  const { emit, onStatus } = createStatusEmitter();
  const sceneListeners = new Set<(scene: MeetingScene) => void>();
  let scene: MeetingScene = { self: null, others: [], count: null };
  const showScene = (patch: Partial<MeetingScene>): void => {
    scene = { ...scene, ...patch };
    for (const listener of [...sceneListeners]) listener(scene);
  };

  let joinStarted = false;
  let joinSettled: Promise<unknown> = Promise.resolve();
  let leavePromise: Promise<void> | null = null;
  let meetingUrl = '';
  let participantId: string | null = null;
  let stream: EventSourceLike | null = null;
  // Set once the meeting is over for this bot (failed, kicked, ended, dropped or leaving): after
  // that the stream's own closing is expected and must not read as a dropped connection.
  let finished = false;

  const report = (status: MeetingStatus): void => emit({ participantId, ...status });

  /** Ends presence once: closes the stream so EventSource does not reconnect on its own. */
  const finish = (status: MeetingStatus): void => {
    if (finished) return;
    finished = true;
    stream?.close();
    stream = null;
    report(status);
  };

  const failJoin = (code: number | null, message: string): never => {
    finish({ status: 'failed', code, message });
    throw new MeetingJoinError(code, message);
  };

  function openStream(id: string): void {
    const source = new Source(`${meetingUrl}/participants/${encodeURIComponent(id)}/events`);
    stream = source;
    source.addEventListener('joined', () => {
      if (!finished) report({ status: 'in_meeting' });
    });
    source.addEventListener('waiting', () => {
      if (!finished) report({ status: 'waiting_room' });
    });
    source.addEventListener('admitted', () => {
      if (!finished) report({ status: 'in_meeting' });
    });
    source.addEventListener('participants', (event) => {
      const count = readCount(event.data);
      if (finished || count === null) return;
      report({ status: 'in_meeting', participantCount: count });
      showScene({ count, others: readPeople(parseEventData(event.data).others) });
    });
    source.addEventListener('kicked', (event) => {
      const data = readEventData(event.data);
      finish({ status: 'kicked', code: data.code ?? KICKED_CODE, message: data.reason });
    });
    source.addEventListener('ended', (event) => {
      const data = readEventData(event.data);
      finish({ status: 'ended', code: data.code, message: data.reason });
    });
    source.addEventListener('error', () => {
      finish({ status: 'disconnected', message: 'Lost the connection to the sandbox meeting.' });
    });
  }

  async function join(params: MeetingJoinParams): Promise<void> {
    const refusal = repeatJoinRefusal({ joinStarted, left: leavePromise !== null });
    if (refusal) throw refusal;
    joinStarted = true;
    meetingUrl = `${base}/sandbox/meetings/${encodeURIComponent(params.meetingNumber)}`;
    report({ status: 'connecting' });

    let response: Response;
    try {
      response = await fetchFn(`${meetingUrl}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          signature: params.signature,
          zak: params.zak,
          userName: params.userName,
          passcode: params.passcode,
        }),
      });
    } catch (error) {
      return failJoin(null, `Could not reach the Botdeck sandbox (${describe(error)}).`);
    }
    const body = await readJsonBody(response);
    if (!response.ok) {
      const code = typeof body.errorCode === 'number' ? body.errorCode : null;
      const message =
        typeof body.message === 'string'
          ? body.message
          : `The sandbox refused the join (HTTP ${response.status}).`;
      return failJoin(code, message);
    }
    if (typeof body.participantId !== 'string' || body.participantId === '') {
      return failJoin(null, 'The sandbox accepted the join but named no participant.');
    }
    participantId = body.participantId;
    showScene({ self: readPerson(body) });
    // leave() during the POST: it waits for this join and then removes the participant.
    if (!leavePromise) openStream(participantId);
  }

  async function leaveOnce(): Promise<void> {
    await joinSettled;
    const wasPresent = !finished && participantId !== null;
    finished = true;
    if (wasPresent) {
      try {
        await fetchFn(
          `${meetingUrl}/participants/${encodeURIComponent(participantId ?? '')}/leave`,
          {
            method: 'POST',
          },
        );
      } catch {
        // The sandbox also drops a participant whose stream closed, so leaving still happens.
      }
    }
    stream?.close();
    stream = null;
    report({ status: 'left' });
  }

  /** One POST as this participant; a refusal is sorted by what the meeting answered. */
  async function act(
    action: 'chat' | 'rename',
    body: unknown,
    sort: (code: number | null, message: string | null) => CommandOutcome,
  ): Promise<CommandOutcome> {
    if (participantId === null || finished) {
      return refused('not_in_meeting', null, 'This bot is not in the sandbox meeting.');
    }
    let response: Response;
    try {
      response = await fetchFn(
        `${meetingUrl}/participants/${encodeURIComponent(participantId)}/${action}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      );
    } catch (error) {
      return refused('other', null, `Could not reach the Botdeck sandbox (${describe(error)}).`);
    }
    if (response.ok) return { ok: true };
    const answer = await readJsonBody(response);
    const code = typeof answer.errorCode === 'number' ? answer.errorCode : null;
    const message = typeof answer.message === 'string' ? answer.message : `HTTP ${response.status}`;
    return sort(code, message);
  }

  return {
    join(params) {
      const attempt = join(params);
      joinSettled = attempt.catch(() => undefined);
      return attempt;
    },
    leave() {
      leavePromise ??= leaveOnce();
      return leavePromise;
    },
    sendChat: (text) => act('chat', { text }, chatRefusal),
    rename: (name) =>
      act('rename', { displayName: name }, (code, message) =>
        // The sandbox refuses a rename the meeting does not allow with a 403 and Zoom's code 1.
        code === 1 ? refused('rename_not_allowed', code, message) : renameRefusal(code, message),
      ),
    onStatus,
    onScene(listener) {
      sceneListeners.add(listener);
      return () => sceneListeners.delete(listener);
    },
  };
}

type JsonObject = Record<string, unknown>;

async function readJsonBody(response: Response): Promise<JsonObject> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as JsonObject) : {};
  } catch {
    return {};
  }
}

/** `participants` carries `{count}`: everyone admitted, this participant included. */
function readCount(data: unknown): number | null {
  const count = parseEventData(data).count;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
}

/** A person as the sandbox describes one; anything malformed is no one (null). */
function readPerson(value: unknown): MeetingPerson | null {
  if (typeof value !== 'object' || value === null) return null;
  const { displayName, avatarUrl } = value as JsonObject;
  if (typeof displayName !== 'string') return null;
  const picture =
    typeof avatarUrl === 'string' && /^https?:\/\//.test(avatarUrl) ? avatarUrl : null;
  return { displayName: displayName.slice(0, 64), avatarUrl: picture };
}

/** `participants` names the first few others; at most a screenful is drawn. */
function readPeople(value: unknown): MeetingPerson[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, 12)
    .map(readPerson)
    .filter((person) => person !== null);
}

/** `kicked` and `ended` carry `{reason, code}`; anything else reads as no detail. */
function readEventData(data: unknown): { reason: string | null; code: number | null } {
  const record = parseEventData(data);
  return {
    reason: typeof record.reason === 'string' ? record.reason : null,
    code: typeof record.code === 'number' ? record.code : null,
  };
}

/** An event's JSON data as an object; anything unreadable reads as an empty one. */
function parseEventData(data: unknown): JsonObject {
  let parsed: unknown = null;
  if (typeof data === 'string' && data !== '') {
    try {
      parsed = JSON.parse(data);
    } catch {
      parsed = null;
    }
  }
  return typeof parsed === 'object' && parsed !== null ? (parsed as JsonObject) : {};
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : 'network error';
