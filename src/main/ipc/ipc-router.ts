/**
 * The one router both transports (Electron IPC, the web host's WebSocket and Playwright
 * bindings) call after resolving who is calling. It enforces the contract's rules in one
 * place: dashboard channels only on the dashboard path and bot channels only on the bot path,
 * every payload parsed from `unknown` with the contract's schema, expected failures returned
 * as `Result` values, and unexpected errors logged here and answered with a generic message.
 */
import {
  callOn,
  fail,
  type AnswerOf,
  type BotChannel,
  type DashboardChannel,
  type PageKind,
  type RequestOf,
  type Result,
} from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { describeIssue } from './describe-issue';

type MaybePromise<T> = T | Promise<T>;

/** One handler per dashboard channel, given the parsed request; it answers the declared type. */
export type DashboardHandlers = {
  [C in DashboardChannel]: (request: RequestOf<C>) => MaybePromise<Result<AnswerOf<C>>>;
};

/** One handler per bot channel, given the calling bot (resolved by the transport) and the parsed request. */
export type BotHandlers = {
  [C in BotChannel]: (botId: string, request: RequestOf<C>) => MaybePromise<Result<AnswerOf<C>>>;
};

export interface IpcRouterOptions {
  dashboard: DashboardHandlers;
  bot: BotHandlers;
  logger: Logger;
}

/** Both entrances answer a contract channel with its declared type, anything else unknown. */
export interface IpcRouter {
  handleDashboard<C extends DashboardChannel>(
    channel: C,
    payload: unknown,
  ): Promise<Result<AnswerOf<C>>>;
  handleDashboard(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** `botId` comes from the transport's sender registry, never from the page. */
  handleBot<C extends BotChannel>(
    botId: string,
    channel: C,
    payload: unknown,
  ): Promise<Result<AnswerOf<C>>>;
  handleBot(botId: string, channel: string, payload: unknown): Promise<Result<unknown>>;
}

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong in Botdeck; see the log.';

export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  const { logger } = options;
  // Handlers by channel with the channel's types erased: the schema of the same declaration
  // parsed the payload, so each handler gets exactly its own request type.
  const dashboard = options.dashboard as Record<string, (request: unknown) => unknown>;
  const bot = options.bot as Record<string, (botId: string, request: unknown) => unknown>;

  async function dispatch(
    side: PageKind,
    channel: string,
    payload: unknown,
    run: (request: unknown) => unknown,
    botId?: string,
  ): Promise<Result<unknown>> {
    const declaration = callOn(channel);
    const shown = String(channel).slice(0, 64);
    if (!declaration || declaration.page !== side) {
      logger.warn('Refused a call on an unknown channel', { side, channel: shown, botId });
      return fail('unknown_channel', `Botdeck has no ${side} request called “${shown}”.`);
    }
    // Calls with no arguments (getSnapshot(), ready()) may arrive with no payload at all.
    const parsed = declaration.request.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) return fail('invalid_request', describeIssue(parsed.error.issues[0]));
    try {
      return (await run(parsed.data)) as Result<unknown>;
    } catch (error) {
      logger.error('A request handler failed', { side, channel, botId, error });
      return fail('internal', INTERNAL_ERROR_MESSAGE);
    }
  }

  // Each handler answers its own channel's declared type (DashboardHandlers, BotHandlers), so
  // the answer to a contract channel is that channel's answer.
  return {
    handleDashboard: (channel: string, payload: unknown) =>
      dispatch('dashboard', channel, payload, (request) => dashboard[channel]?.(request)),
    handleBot: (botId: string, channel: string, payload: unknown) =>
      dispatch('bot', channel, payload, (request) => bot[channel]?.(botId, request), botId),
  } as IpcRouter;
}
