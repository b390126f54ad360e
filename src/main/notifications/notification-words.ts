/**
 * Notifications in words: bots that ended the same way in the same meeting become one
 * notification ("3 bots left meeting 123 456 7890: the host ended it"), so an ended meeting
 * full of bots is one interruption, not thirty. Built from names, meeting numbers and the
 * table's own reasons only, and passed through `redactText` all the same: no notification
 * carries a secret or a passcode.
 */
import type { BotNotification } from '../../shared/ipc-contract';
import { joinNames } from '../../shared/name-list';
import { redactText } from '../log/redact-text';
import type { Notable, NotableKind } from './notable-changes';

/** Past this many groups at once, the rest become one "and more" notification. */
export const MAX_NOTIFICATIONS_AT_ONCE = 3;
const BODY_MAX = 240;

/** Zoom's own grouping: 123 456 789, 123 456 7890, 123 4567 8901. */
export function formatMeetingNumber(meetingNumber: string): string {
  const groups: Record<number, number[]> = { 9: [3, 3, 3], 10: [3, 3, 4], 11: [3, 4, 4] };
  const sizes = groups[meetingNumber.length];
  if (!sizes || !/^\d+$/.test(meetingNumber)) return meetingNumber;
  let at = 0;
  return sizes.map((size) => meetingNumber.slice(at, (at += size))).join(' ');
}

/** The notifications for changes that arrived together, grouped by meeting and kind. */
export function notificationsFor(notables: readonly Notable[]): BotNotification[] {
  const groups = new Map<string, Notable[]>();
  for (const notable of notables) {
    const key = `${notable.kind}\u0000${notable.meetingNumber}`;
    groups.set(key, [...(groups.get(key) ?? []), notable]);
  }
  const all = [...groups.values()].map(groupNotification);
  if (all.length <= MAX_NOTIFICATIONS_AT_ONCE) return all;
  const shown = all.slice(0, MAX_NOTIFICATIONS_AT_ONCE - 1);
  const rest = all.slice(MAX_NOTIFICATIONS_AT_ONCE - 1);
  return [
    ...shown,
    clean({
      title: `${rest.length} more meetings need a look`,
      body: rest.map((note) => note.title).join('. '),
    }),
  ];
}

function groupNotification(group: Notable[]): BotNotification {
  const first = group[0] as Notable;
  const meeting = formatMeetingNumber(first.meetingNumber);
  // In a stable order, whichever bot's end arrived first.
  const names = group.map((notable) => notable.name).sort((a, b) => a.localeCompare(b));
  const who = group.length === 1 ? first.name : `${group.length} bots`;
  const titles: Record<NotableKind, string> = {
    ended: `${who} left meeting ${meeting}: the host ended it`,
    removed: `${who} ${group.length === 1 ? 'was' : 'were'} removed from meeting ${meeting} by the host`,
    failed: `${who} failed in meeting ${meeting}`,
  };
  const bodies: Record<NotableKind, string> = {
    ended: group.length === 1 ? 'The meeting is over.' : `${joinNames(names)} left.`,
    removed: `Botdeck will not rejoin ${group.length === 1 ? 'it' : `them (${joinNames(names)})`}.`,
    failed: failureBody(group, names),
  };
  return clean({ title: titles[first.kind], body: bodies[first.kind] });
}

/** The reason when they share one, else each bot with its own. */
function failureBody(group: Notable[], names: string[]): string {
  const reasons = new Set(group.map((notable) => notable.reason ?? 'No reason was given.'));
  if (reasons.size === 1) {
    const [reason] = reasons;
    return group.length === 1 ? `${reason}` : `${joinNames(names)}: ${reason}`;
  }
  return group
    .map((notable) => `${notable.name}: ${notable.reason ?? 'no reason given'}`)
    .join(' ');
}

function clean(note: BotNotification): BotNotification {
  const clip = (text: string) =>
    text.length > BODY_MAX ? `${text.slice(0, BODY_MAX - 1)}…` : text;
  return { title: clip(redactText(note.title)), body: clip(redactText(note.body)) };
}
