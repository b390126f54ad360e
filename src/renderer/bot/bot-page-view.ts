/**
 * The bot page on screen: who this bot is (name and avatar), which meeting, where it stands,
 * and who else is in the meeting, so a visible window or a Peek makes sense. Text only,
 * through textContent, and pictures only from http(s) URLs; never the ticket's secrets.
 */
import type { MeetingPerson, MeetingScene } from './meeting/meeting-client';
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

/** "812 3456 7890" (11 digits), "123 456 7890", "123 456 789": as Zoom writes them. */
function spacedMeetingNumber(digits: string): string {
  const middle = digits.length === 11 ? 4 : 3;
  return [digits.slice(0, 3), digits.slice(3, 3 + middle), digits.slice(3 + middle)]
    .filter(Boolean)
    .join(' ');
}

export function createBotPageView(root: Document = document): BotPageView {
  const find = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const nameEl = find('bot-page-name');
  const statusEl = find('bot-page-status');
  const detailEl = find('bot-page-detail');
  const avatarEl = root.querySelector<HTMLImageElement>('img[data-testid="bot-page-avatar"]');
  const meetingEl = find('bot-page-meeting');
  const peopleEl = find('bot-page-people');
  const countEl = find('bot-page-count');
  const othersEl = find('bot-page-others');

  /** One person in the list: their avatar (or their initial) and their name. */
  const personItem = (person: MeetingPerson): HTMLElement => {
    const item = root.createElement('li');
    if (person.avatarUrl) {
      const img = root.createElement('img');
      img.src = person.avatarUrl;
      img.alt = '';
      item.append(img);
    } else {
      const initial = root.createElement('span');
      initial.className = 'bot-page-initial';
      initial.textContent = person.displayName.slice(0, 1).toUpperCase();
      item.append(initial);
    }
    const name = root.createElement('span');
    name.textContent = person.displayName;
    item.append(name);
    return item;
  };

  return {
    showName(name) {
      if (nameEl) nameEl.textContent = name;
      root.title = `${name} · Botdeck`;
    },
    showMeeting(meetingNumber) {
      if (meetingEl) meetingEl.textContent = `Meeting ${spacedMeetingNumber(meetingNumber)}`;
    },
    showScene(scene: MeetingScene) {
      if (avatarEl && scene.self?.avatarUrl) {
        avatarEl.src = scene.self.avatarUrl;
        avatarEl.hidden = false;
      }
      if (!peopleEl || !countEl || !othersEl || scene.count === null) return;
      peopleEl.hidden = false;
      const others = scene.count - 1;
      countEl.textContent =
        others <= 0
          ? 'Alone in the meeting'
          : `In the meeting with ${others} other${others === 1 ? '' : 's'}`;
      othersEl.replaceChildren(...scene.others.map(personItem));
      const unnamed = others - scene.others.length;
      if (unnamed > 0) {
        const more = root.createElement('li');
        more.className = 'bot-page-more';
        more.textContent = `and ${unnamed} more`;
        othersEl.append(more);
      }
    },
    showStatus(status) {
      if (statusEl) {
        statusEl.textContent = STATUS_WORDS[status.status] ?? status.status;
        statusEl.dataset.status = status.status;
      }
      if (detailEl) detailEl.textContent = status.message ?? '';
    },
  };
}
