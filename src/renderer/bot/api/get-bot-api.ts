/**
 * Picks the bot page's bridge to main: the preload's `window.botdeckBot` in Electron, or the
 * Playwright binding in the web host. Neither means the page was opened outside Botdeck.
 */
import { WEB_BOT_BINDING, type BotApi } from '../../../shared/ipc-contract';
import { createBindingBotApi, type BotBinding } from './binding-bot-api';

export function getBotApi(): BotApi | null {
  if (window.botdeckBot) return window.botdeckBot;
  const binding: unknown = Reflect.get(window, WEB_BOT_BINDING);
  if (typeof binding === 'function') return createBindingBotApi(binding as BotBinding);
  return null;
}
