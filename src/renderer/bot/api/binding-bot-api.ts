/**
 * The bot API in the web host, where a bot page is a headless Chromium page driven by
 * Playwright: calls go through a function Playwright exposed on the page (it knows which page
 * called), and commands arrive as a DOM event the host dispatches on the window. The API is
 * built from the contract's bot declarations, like the Electron preload's.
 */
import { buildPageApi } from '../../../shared/ipc-calls';
import {
  IPC_CALLS,
  IPC_EVENTS,
  BotCommandSchema,
  WEB_BOT_COMMAND_EVENT,
  fail,
  isResult,
  type BotApi,
  type BotChannel,
} from '../../../shared/ipc-contract';

/** The exposed binding: one channel and payload in, the contract's Result out. */
export type BotBinding = (channel: BotChannel, payload: unknown) => Promise<unknown>;

export function createBindingBotApi(binding: BotBinding, target: EventTarget = window): BotApi {
  return buildPageApi(IPC_CALLS, IPC_EVENTS, 'bot', {
    async invoke(channel, request) {
      try {
        const result = await binding(channel as BotChannel, request);
        if (isResult(result)) return result;
        return fail('bridge', 'Botdeck answered this bot page with something unexpected.');
      } catch (error) {
        // A closed page or a host that went away: keep the contract's "failures are values".
        const detail = error instanceof Error ? `: ${error.message}` : '';
        return fail('bridge', `This bot page lost its link to Botdeck${detail}`);
      }
    },
    // The bot page hears one event, its commands, as a DOM event the host dispatches.
    listen(_channel, listener) {
      const handler = (event: Event): void => {
        const command = BotCommandSchema.safeParse((event as CustomEvent<unknown>).detail);
        if (command.success) listener(command.data);
      };
      target.addEventListener(WEB_BOT_COMMAND_EVENT, handler);
      return () => target.removeEventListener(WEB_BOT_COMMAND_EVENT, handler);
    },
  });
}
