/// <reference types="node" />
/**
 * A small EventSource for Node 20 (which has none), faithful in the parts the sandbox client
 * relies on: named events, and on a dropped or ended stream an `error` event followed by an
 * automatic reconnect unless `close()` was called — exactly what the client must stop.
 */
import type { EventSourceLike } from '../../../../src/renderer/bot/meeting/sandbox-meeting-client';

type Listener = (event: { readonly type: string; data?: unknown }) => void;

export class NodeEventSource implements EventSourceLike {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  /** Every instance made, so tests can look at the one the client opened. */
  static readonly instances: NodeEventSource[] = [];

  readyState = NodeEventSource.CONNECTING;
  private readonly listeners = new Map<string, Set<Listener>>();
  private abort = new AbortController();

  constructor(readonly url: string) {
    NodeEventSource.instances.push(this);
    void this.connect();
  }

  addEventListener(type: string, listener: Listener): void {
    const set = this.listeners.get(type) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(type, set);
  }

  close(): void {
    this.readyState = NodeEventSource.CLOSED;
    this.abort.abort();
  }

  /** What the request carries; a browser page's EventSource also sends its Origin. */
  protected requestHeaders(): Record<string, string> {
    return { accept: 'text/event-stream' };
  }

  private dispatch(type: string, data?: string): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener({ type, data });
  }

  private async connect(): Promise<void> {
    try {
      const response = await fetch(this.url, {
        headers: this.requestHeaders(),
        signal: this.abort.signal,
      });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      if (this.readyState === NodeEventSource.CLOSED) return;
      this.readyState = NodeEventSource.OPEN;
      this.dispatch('open');
      await this.read(response.body);
    } catch {
      // Aborted by close(), refused, or dropped: all end below.
    }
    if (this.readyState === NodeEventSource.CLOSED) return;
    // The browser's behaviour: report the error, then try again (its retry delay, shortened).
    this.readyState = NodeEventSource.CONNECTING;
    this.dispatch('error');
    if (this.readyState !== NodeEventSource.CLOSED) {
      this.abort = new AbortController();
      setTimeout(() => void this.connect(), 20);
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        this.dispatchBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  private dispatchBlock(block: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      if (field === 'data') data.push(value);
    }
    if (data.length > 0 && this.readyState !== NodeEventSource.CLOSED) {
      this.dispatch(type, data.join('\n'));
    }
  }
}
