/**
 * Client View draws the meeting over the whole bot page: it appends its own elements to the body
 * (`#zmmtg-root`, `#aria-notify-area`, a `#wc-loading` overlay). When the meeting is over for
 * this bot, the SDK keeps showing its last screen (after a failed join, "Joining Meeting..."
 * forever), so the bot page hides what the SDK appended and its own card shows again: whoever
 * looks at a visible bot window, or a screenshot of one, reads why it stopped.
 */
import type { MeetingClient } from './meeting-client';
import { isFinalStatus } from './zoom-sdk-events';

/** The bot page's own card (src/renderer/bot/index.html). */
const OWN_CARD = '.bot-page';

export function hideZoomUiWhenFinished(client: MeetingClient, root: Document = document): void {
  client.onStatus((status) => {
    if (!isFinalStatus(status.status)) return;
    for (const element of root.body.children) {
      if (element instanceof HTMLElement && !element.matches(OWN_CARD)) {
        element.style.setProperty('display', 'none', 'important');
      }
    }
  });
}
