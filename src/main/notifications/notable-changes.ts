/**
 * Which bot changes are worth interrupting the operator for: a bot that failed, one the host
 * removed, and one whose meeting the host ended. Everything else (joins, rejoins, leaving on
 * request or by an auto-leave rule) is what the operator asked for or Botdeck handles alone.
 * Read from the dashboard's own bot views, so a notification never knows more than the table.
 */
import { isEnded, type BotState, type BotView } from '../../shared/ipc-contract';
import { KICKED_FAILURE, NOTES } from '../fleet/bot-words';

export type NotableKind = 'failed' | 'removed' | 'ended';

/** One bot's change the operator should hear about. */
export interface Notable {
  kind: NotableKind;
  name: string;
  meetingNumber: string;
  /** Why, in the table's words (a failure's message); null for a removal or an end. */
  reason: string | null;
}

export interface NotableTracker {
  /** The notable changes in one batch of views (each bot's end is reported once). */
  notableIn(views: readonly BotView[]): Notable[];
}

export function createNotableTracker(): NotableTracker {
  /** Bots seen live, with their last state; an ended bot is forgotten once reported. */
  const live = new Map<string, BotState>();

  return {
    notableIn(views) {
      const found: Notable[] = [];
      for (const view of views) {
        if (!isEnded(view.state)) {
          live.set(view.id, view.state);
          continue;
        }
        // Only an end seen happening: not one read again, nor one from before Botdeck started.
        if (!live.delete(view.id)) continue;
        const notable = notableEnd(view);
        if (notable) found.push(notable);
      }
      return found;
    },
  };
}

function notableEnd(view: BotView): Notable | null {
  const { name, meetingNumber } = view;
  if (view.state === 'failed') {
    if (view.failure?.code === KICKED_FAILURE.code) {
      return { kind: 'removed', name, meetingNumber, reason: null };
    }
    return { kind: 'failed', name, meetingNumber, reason: view.failure?.message ?? null };
  }
  if (view.note === NOTES.hostEnded) return { kind: 'ended', name, meetingNumber, reason: null };
  return null;
}
