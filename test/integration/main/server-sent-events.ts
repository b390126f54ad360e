/**
 * Reads a Server-Sent Events stream over fetch, as a browser's EventSource would (minus its
 * automatic reconnect: a cut stream ends the loop with an error, which is what a page reads as
 * a dropped connection).
 */

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

export async function* readServerSentEvents(
  url: string,
  signal: AbortSignal,
): AsyncGenerator<ServerSentEvent> {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body) throw new Error(`Event stream answered ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const boundary = buffer.indexOf('\n\n');
    if (boundary >= 0) {
      const lines = buffer
        .slice(0, boundary)
        .split('\n')
        .filter((line) => !line.startsWith(':'));
      buffer = buffer.slice(boundary + 2);
      if (lines.length === 0) continue;
      const field = (name: string) =>
        lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = field('data');
      yield {
        event: field('event') ?? 'message',
        data: data ? (JSON.parse(data) as unknown) : null,
      };
      continue;
    }
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
  }
}
