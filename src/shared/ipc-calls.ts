/**
 * How the IPC contract declares each call and event once, and what is derived from that one
 * declaration: the page APIs (`window.botdeck`, `window.botdeckBot` and their web-host twins),
 * the router's handler types, and the request and answer types of every channel. Adding a call
 * is one line in `ipc-contract.ts` and its handler; a handler answering the wrong type, or a
 * table of handlers missing one, does not compile.
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import type { z } from 'zod';
import type { Result } from './result';

/** Which kind of page may make a call (or hears an event); main enforces it per sender. */
export type PageKind = 'dashboard' | 'bot';

/** Carries a type and nothing else: `{}` at run time, so declarations stay plain data. */
export interface TypeOnly<T> {
  readonly __type?: T;
}
export const typed = <T>(): TypeOnly<T> => ({});

/** One call a page makes: its channel, who may make it, its request schema, its answer type. */
export interface CallDeclaration<
  P extends PageKind = PageKind,
  C extends string = string,
  S extends z.ZodType = z.ZodType,
  A = unknown,
> {
  readonly page: P;
  readonly channel: C;
  readonly request: S;
  readonly answer: TypeOnly<A>;
}

/** One event main pushes to a kind of page. */
export interface EventDeclaration<
  P extends PageKind = PageKind,
  C extends string = string,
  T = unknown,
> {
  readonly page: P;
  readonly channel: C;
  readonly payload: TypeOnly<T>;
}

export const call = <const P extends PageKind, const C extends string, S extends z.ZodType, A>(
  page: P,
  channel: C,
  request: S,
  answer: TypeOnly<A>,
): CallDeclaration<P, C, S, A> => ({ page, channel, request, answer });

export const event = <const P extends PageKind, const C extends string, T>(
  page: P,
  channel: C,
  payload: TypeOnly<T>,
): EventDeclaration<P, C, T> => ({ page, channel, payload });

export type CallTable = Record<string, CallDeclaration>;
export type EventTable = Record<string, EventDeclaration>;

type AnswerOfCall<D> = D extends CallDeclaration<PageKind, string, z.ZodType, infer A> ? A : never;
/** What an event carries. */
export type PayloadOfEvent<D> = D extends EventDeclaration<PageKind, string, infer T> ? T : never;

/** A call as a page method: no argument when the request has no fields, else one object. */
type PageMethod<D extends CallDeclaration> =
  z.input<D['request']> extends Record<string, never>
    ? () => Promise<Result<AnswerOfCall<D>>>
    : (request: z.input<D['request']>) => Promise<Result<AnswerOfCall<D>>>;

/** The API a page of kind `P` sees: its calls as methods, its events as `on…` subscriptions. */
export type PageApiOf<Calls extends CallTable, Events extends EventTable, P extends PageKind> = {
  [M in keyof Calls as Calls[M]['page'] extends P ? M : never]: PageMethod<Calls[M]>;
} & {
  [E in keyof Events as Events[E]['page'] extends P ? E : never]: (
    listener: (payload: PayloadOfEvent<Events[E]>) => void,
  ) => () => void;
};

/** The declaration of the call on `channel`. */
type CallOn<Calls extends CallTable, C extends string> = {
  [M in keyof Calls]: Calls[M]['channel'] extends C ? Calls[M] : never;
}[keyof Calls];

/** Channels a page of kind `P` may call. */
export type ChannelsOf<Calls extends CallTable, P extends PageKind> = {
  [M in keyof Calls]: Calls[M]['page'] extends P ? Calls[M]['channel'] : never;
}[keyof Calls];

/** What a handler of `channel` receives: the request as its schema parsed it. */
export type RequestOn<Calls extends CallTable, C extends string> = z.output<
  CallOn<Calls, C>['request']
>;
/** What a page sends on `channel`, before parsing. */
export type RequestInputOn<Calls extends CallTable, C extends string> = z.input<
  CallOn<Calls, C>['request']
>;
/** What `channel` answers with. */
export type AnswerOn<Calls extends CallTable, C extends string> = AnswerOfCall<CallOn<Calls, C>>;

/** How a page reaches main: invoke a channel, hear an event. Each host's bridge provides one. */
export interface PageTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Returns an unsubscribe function. */
  listen(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds a page's API from the declarations: one method per call of kind `page` and one
 * subscription per event of that kind, nothing else. The transport's answers are taken as the
 * declared types: main's router produced them from the same declarations.
 */
export function buildPageApi<
  Calls extends CallTable,
  Events extends EventTable,
  P extends PageKind,
>(calls: Calls, events: Events, page: P, transport: PageTransport): PageApiOf<Calls, Events, P> {
  const api: Record<string, unknown> = {};
  for (const [method, declaration] of Object.entries(calls)) {
    if (declaration.page !== page) continue;
    // A call without fields may come with no argument; main parses `{}` then.
    api[method] = (request?: unknown) => transport.invoke(declaration.channel, request ?? {});
  }
  for (const [method, declaration] of Object.entries(events)) {
    if (declaration.page !== page) continue;
    api[method] = (listener: (payload: unknown) => void) =>
      transport.listen(declaration.channel, listener);
  }
  return api as PageApiOf<Calls, Events, P>;
}
