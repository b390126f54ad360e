/**
 * Which origin bot pages run on. Zoom's first join request carries the page's origin
 * (`sdkOrigin`): whether Zoom accepts the desktop app's custom `app://botdeck` is the first thing
 * to learn on a real meeting, and the desktop app can switch to a loopback http origin
 * (settings.json `botPageOrigin`). This check only says which one is in use and how to switch.
 */
import { passed, type CheckSpec } from './diagnostic-check';

export interface BotPageOrigin {
  /** The origin in use (app://botdeck, http://127.0.0.1:PORT), or what the setting picks. */
  origin: string;
  /** Who chose it, in words ("settings.json botPageOrigin: \"app\""). */
  chosenBy: string;
}

const HOW_TO_SWITCH =
  'If Zoom refuses joins with "Zoom refused this app\'s origin", set "botPageOrigin" to ' +
  '"loopback" (or back to "app") in settings.json in the data folder and restart Botdeck.';

export function pageOriginCheck(origin: BotPageOrigin | undefined): CheckSpec {
  return {
    id: 'bot-page-origin',
    title: 'Origin of bot pages',
    required: false,
    async run() {
      if (!origin) return passed('Bot pages are served by this host’s own page server.');
      return passed(
        `Bot pages are served from ${origin.origin} (${origin.chosenBy}). ${HOW_TO_SWITCH}`,
      );
    },
  };
}
