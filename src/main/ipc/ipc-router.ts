/**
 * The one router both transports (Electron IPC, the web host's WebSocket and Playwright
 * bindings) call after resolving who is calling. It enforces the contract's rules in one
 * place: dashboard channels only on the dashboard path and bot channels only on the bot path,
 * every payload parsed from `unknown` with the contract's schema, expected failures returned
 * as `Result` values, and unexpected errors logged here and answered with a generic message.
 */
import type { z } from 'zod';
import {
  BOT_REQUESTS,
  DASHBOARD_REQUESTS,
  fail,
  type BotChannel,
  type BotResponses,
  type DashboardChannel,
  type DashboardResponses,
  type Result,
} from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { describeIssue } from './describe-issue';

type MaybePromise<T> = T | Promise<T>;
type DashboardPayload<C extends DashboardChannel> = z.output<(typeof DASHBOARD_REQUESTS)[C]>;
type BotPayload<C extends BotChannel> = z.output<(typeof BOT_REQUESTS)[C]>;

/** One handler per dashboard channel, given the parsed payload. */
export type DashboardHandlers = {
  [C in DashboardChannel]: (
    payload: DashboardPayload<C>,
  ) => MaybePromise<Result<DashboardResponses[C]>>;
};

/** One handler per bot channel, given the calling bot (resolved by the transport) and the parsed payload. */
export type BotHandlers = {
  [C in BotChannel]: (
    botId: string,
    payload: BotPayload<C>,
  ) => MaybePromise<Result<BotResponses[C]>>;
};

export interface IpcRouterOptions {
  dashboard: DashboardHandlers;
  bot: BotHandlers;
  logger: Logger;
}

export interface IpcRouter {
  handleDashboard(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** `botId` comes from the transport's sender registry, never from the page. */
  handleBot(botId: string, channel: string, payload: unknown): Promise<Result<unknown>>;
}

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong in Botdeck; see the log.';

/** A schema and handler pair with the channel's correlation erased, for dispatch by name. */
interface Route {
  schema: z.ZodType;
  run: (payload: unknown) => MaybePromise<Result<unknown>>;
}

export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  const { logger } = options;

  async function dispatch(
    side: 'dashboard' | 'bot',
    channel: string,
    route: Route | null,
    payload: unknown,
    botId?: string,
  ): Promise<Result<unknown>> {
    if (!route) {
      logger.warn('Refused a call on an unknown channel', {
        side,
        channel: String(channel).slice(0, 64),
        botId,
      });
      return fail(
        'unknown_channel',
        `Botdeck has no ${side} request called “${String(channel).slice(0, 64)}”.`,
      );
    }
    // Calls with no arguments (getSnapshot(), ready()) may arrive with no payload at all.
    const parsed = route.schema.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) return fail('invalid_request', describeIssue(parsed.error.issues[0]));
    try {
      return await route.run(parsed.data);
    } catch (error) {
      logger.error('A request handler failed', { side, channel, botId, error });
      return fail('internal', INTERNAL_ERROR_MESSAGE);
    }
  }

  return {
    handleDashboard(channel, payload) {
      const route = isDashboardChannel(channel)
        ? { schema: DASHBOARD_REQUESTS[channel], run: options.dashboard[channel] as Route['run'] }
        : null;
      return dispatch('dashboard', channel, route, payload);
    },
    handleBot(botId, channel, payload) {
      const route = isBotChannel(channel)
        ? {
            schema: BOT_REQUESTS[channel],
            run: (parsed: unknown) =>
              (options.bot[channel] as (id: string, p: unknown) => MaybePromise<Result<unknown>>)(
                botId,
                parsed,
              ),
          }
        : null;
      return dispatch('bot', channel, route, payload, botId);
    },
  };
}

/** Own keys only: `constructor` or `__proto__` are not channels. */
export const isDashboardChannel = (channel: string): channel is DashboardChannel =>
  Object.hasOwn(DASHBOARD_REQUESTS, channel);

export const isBotChannel = (channel: string): channel is BotChannel =>
  Object.hasOwn(BOT_REQUESTS, channel);
