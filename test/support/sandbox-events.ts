/**
 * Reads a sandbox participant's presence stream (Server-Sent Events) in tests, through fetch's
 * body reader, one event at a time, so a test can tell a clean end from a broken stream.
 */
import type { SandboxEndpoint } from './sandbox-client';

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

/** A presence stream read through fetch's body reader. */
export interface EventStream {
  status: number;
  headers: Headers;
  /** The next event, or null when the stream ended cleanly; rejects when it broke. */
  next(): Promise<ServerSentEvent | null>;
  abort(): void;
}

/** Opens `GET /sandbox/meetings/{n}/participants/{id}/events`. */
export async function openEvents(
  sandbox: SandboxEndpoint,
  meetingNumber: string,
  participantId: string,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(
    `${sandbox.url}/sandbox/meetings/${meetingNumber}/participants/${participantId}/events`,
    { signal: controller.signal, headers },
  );
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    status: response.status,
    headers: response.headers,
    abort: () => controller.abort(),
    async next() {
      for (;;) {
        const boundary = buffer.indexOf('\n\n');
        if (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const lines = block.split('\n').filter((line) => !line.startsWith(':'));
          if (lines.length === 0) continue;
          const field = (name: string) =>
            lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          const data = field('data');
          return { event: field('event') ?? 'message', data: data ? JSON.parse(data) : null };
        }
        if (!reader) return null;
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
  };
}
