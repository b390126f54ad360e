/**
 * How the History panel words an entry: which bot (or bots), what happened, and why. The
 * switch over the entry's kind makes a new kind in the contract a compile error here until it
 * is worded.
 */
import type { HistoryEntry } from '../../../shared/ipc-contract';
import { joinNames } from '../../../shared/name-list';
import { botCount } from './bot-states';

export interface HistoryLine {
  bot: string;
  what: string;
  reason: string;
}

export function describeHistoryEntry(entry: HistoryEntry): HistoryLine {
  switch (entry.kind) {
    case 'launch':
      return {
        bot: joinNames(entry.names),
        what: `${entry.relaunch ? 'Relaunched' : 'Launched'} ${botCount(entry.names.length)} into meeting ${entry.meetingNumber}`,
        reason: entry.relaunch ? 'Stopped by an app restart' : '',
      };
    case 'join':
      return {
        bot: entry.name,
        what: `${entry.rejoin ? 'Rejoined' : 'Joined'} meeting ${entry.meetingNumber}`,
        reason: '',
      };
    case 'leave':
      return {
        bot: entry.name,
        what: `Left meeting ${entry.meetingNumber}`,
        reason: entry.reason ?? '',
      };
    case 'failure':
      return {
        bot: entry.name,
        what: `Failed in meeting ${entry.meetingNumber}`,
        reason: entry.code === null ? entry.message : `${entry.message} (Zoom code ${entry.code})`,
      };
    case 'stopped':
      return { bot: entry.name, what: 'Stopped by app restart', reason: '' };
    case 'chat':
      return {
        bot: entry.name,
        what: `${entry.sent ? 'Said in the chat' : 'Could not say in the chat'}: “${entry.text}”`,
        reason: entry.reason ?? '',
      };
    case 'rename':
      return {
        bot: entry.name,
        what: `${entry.done ? 'Renamed' : 'Could not rename'} “${entry.from}” to “${entry.to}”`,
        reason: entry.reason ?? '',
      };
  }
}

/** "28 Nov, 14:03:12": a log spans days, so the date is always there. */
export function formatHistoryTime(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
