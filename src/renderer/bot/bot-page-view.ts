/**
 * The bot page's few words on screen: who this bot is and where it stands, so a visible window
 * or a screenshot makes sense. Text only, through textContent; never the ticket's secrets.
 */
import type { BotPageView } from './run-bot';

const STATUS_WORDS: Record<string, string> = {
  waiting: 'Waiting for the join ticket…',
  error: 'Cannot start',
  connecting: 'Connecting…',
  waiting_room: 'In the waiting room',
  in_meeting: 'In the meeting',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
  kicked: 'Removed by the host',
  ended: 'The meeting ended',
  left: 'Left the meeting',
  failed: 'Could not join',
};

/**
 * Writes text only when it changed: a bot in a meeting hears every head count, and replacing
 * the same words still costs the page a layout and a paint, a hundred bots times over.
 */
function setText(element: HTMLElement | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

export function createBotPageView(root: Document = document): BotPageView {
  const nameEl = root.querySelector<HTMLElement>('[data-testid="bot-page-name"]');
  const statusEl = root.querySelector<HTMLElement>('[data-testid="bot-page-status"]');
  const detailEl = root.querySelector<HTMLElement>('[data-testid="bot-page-detail"]');

  return {
    showName(name) {
      setText(nameEl, name);
      root.title = `${name} · Botdeck`;
    },
    showStatus(status) {
      setText(statusEl, STATUS_WORDS[status.status] ?? status.status);
      if (statusEl && statusEl.dataset.status !== status.status) {
        statusEl.dataset.status = status.status;
      }
      setText(detailEl, status.message ?? '');
    },
  };
}
