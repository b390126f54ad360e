/**
 * What the bot table shows, as pure functions of the bots and the operator's view choices:
 * which rows pass the filters, grouped by meeting or not, what each meeting and the latest
 * launch add up to. One pass over the bots each (a Map in creation order), so a table of
 * thousands of bots is rebuilt in well under a frame when a batch of changes arrives.
 */
import {
  BOT_STATES,
  isEnded,
  isLive,
  type BotState,
  type BotView,
} from '../../../shared/ipc-contract';

/** One state, or a phase: on the way in or in ("live"), or left or failed ("ended"). */
export type StateFilter = 'all' | 'live' | 'ended' | BotState;

export const STATE_FILTERS: readonly StateFilter[] = ['all', 'live', 'ended', ...BOT_STATES];

export interface TableViewOptions {
  stateFilter: StateFilter;
  /** Only this meeting's bots; null for every meeting. */
  meetingFilter: string | null;
  groupByMeeting: boolean;
}

export interface MeetingCounts {
  total: number;
  live: number;
  inMeeting: number;
}

export type TableRow =
  { kind: 'bot'; bot: BotView } | { kind: 'meeting'; meetingNumber: string; counts: MeetingCounts };

export function passesStateFilter(state: BotState, filter: StateFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'live') return isLive(state);
  if (filter === 'ended') return isEnded(state);
  return state === filter;
}

/**
 * The table's rows in creation order; grouped, each meeting (in the order its first bot came)
 * is a heading row followed by its bots that pass the filters. A meeting none of whose bots
 * pass is left out; its counts are of all its bots, so the heading says what "Leave all" hits.
 */
export function tableRows(bots: ReadonlyMap<string, BotView>, view: TableViewOptions): TableRow[] {
  const shown = (bot: BotView): boolean =>
    (view.meetingFilter === null || bot.meetingNumber === view.meetingFilter) &&
    passesStateFilter(bot.state, view.stateFilter);
  if (!view.groupByMeeting) {
    const rows: TableRow[] = [];
    for (const bot of bots.values()) if (shown(bot)) rows.push({ kind: 'bot', bot });
    return rows;
  }
  const groups = new Map<string, { counts: MeetingCounts; rows: TableRow[] }>();
  for (const bot of bots.values()) {
    let group = groups.get(bot.meetingNumber);
    if (!group) {
      group = { counts: { total: 0, live: 0, inMeeting: 0 }, rows: [] };
      groups.set(bot.meetingNumber, group);
    }
    group.counts.total += 1;
    if (isLive(bot.state)) group.counts.live += 1;
    if (bot.state === 'in_meeting') group.counts.inMeeting += 1;
    if (shown(bot)) group.rows.push({ kind: 'bot', bot });
  }
  const rows: TableRow[] = [];
  for (const [meetingNumber, group] of groups) {
    if (group.rows.length === 0) continue;
    rows.push({ kind: 'meeting', meetingNumber, counts: group.counts }, ...group.rows);
  }
  return rows;
}

/** The meetings bots are in, in the order their first bot came: the meeting filter's choices. */
export function meetingsOf(bots: ReadonlyMap<string, BotView>): string[] {
  const meetings = new Set<string>();
  for (const bot of bots.values()) meetings.add(bot.meetingNumber);
  return [...meetings];
}

export interface LaunchProgress {
  launchId: string;
  total: number;
  inMeeting: number;
  /** Queued, minting, joining or reconnecting: still on the way in. */
  joining: number;
  waitingRoom: number;
  failed: number;
  /** Left, or leaving. */
  left: number;
}

/**
 * How the newest launch is doing ("12 of 20 in meeting"): the launch of the newest bot, while
 * any of its bots is live; null when there is none, or all of them have ended.
 */
export function latestLaunchProgress(bots: ReadonlyMap<string, BotView>): LaunchProgress | null {
  let newest: BotView | undefined;
  for (const bot of bots.values()) newest = bot;
  if (!newest) return null;
  const progress: LaunchProgress = {
    launchId: newest.launchId,
    total: 0,
    inMeeting: 0,
    joining: 0,
    waitingRoom: 0,
    failed: 0,
    left: 0,
  };
  let live = 0;
  for (const bot of bots.values()) {
    if (bot.launchId !== progress.launchId) continue;
    progress.total += 1;
    if (isLive(bot.state)) live += 1;
    if (bot.state === 'in_meeting') progress.inMeeting += 1;
    else if (bot.state === 'waiting_room') progress.waitingRoom += 1;
    else if (bot.state === 'failed') progress.failed += 1;
    else if (bot.state === 'left' || bot.state === 'leaving') progress.left += 1;
    else progress.joining += 1;
  }
  return live > 0 ? progress : null;
}
