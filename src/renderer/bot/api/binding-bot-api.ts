/**
 * The bot API in the web host, where a bot page is a headless Chromium page driven by
 * Playwright: calls go through a function Playwright exposed on the page (it knows which page
 * called), and commands arrive as a DOM event the host dispatches on the window.
 */
import {
  BOT_CHANNELS,
  WEB_BOT_COMMAND_EVENT,
  type BotApi,
  type BotChannel,
  type BotCommand,
  type BotResponses,
  type Result,
} from '../../../shared/ipc-contract';

/** The exposed binding: one channel and payload in, the contract's Result out. */
export type BotBinding = (channel: BotChannel, payload: unknown) => Promise<unknown>;

export function createBindingBotApi(binding: BotBinding, target: EventTarget = window): BotApi {
  async function call<C extends BotChannel>(
    channel: C,
    payload: unknown,
  ): Promise<Result<BotResponses[C]>> {
    try {
      const result = await binding(channel, payload);
      if (isResult(result)) return result as Result<BotResponses[C]>;
      return failure('bridge', 'Botdeck answered this bot page with something unexpected.');
    } catch (error) {
      // A closed page or a host that went away: keep the contract's "failures are values".
      const detail = error instanceof Error ? `: ${error.message}` : '';
      return failure('bridge', `This bot page lost its link to Botdeck${detail}`);
    }
  }

  return {
    ready: () => call(BOT_CHANNELS.ready, {}),
    reportStatus: (report) => call(BOT_CHANNELS.status, report),
    onCommand(listener) {
      const handler = (event: Event): void => {
        const detail: unknown = (event as CustomEvent<unknown>).detail;
        if (isBotCommand(detail)) listener(detail);
      };
      target.addEventListener(WEB_BOT_COMMAND_EVENT, handler);
      return () => target.removeEventListener(WEB_BOT_COMMAND_EVENT, handler);
    },
  } satisfies BotApi;
}

const failure = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true || (value.ok === false && 'error' in value);
}

function isBotCommand(value: unknown): value is BotCommand {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'leave';
}
