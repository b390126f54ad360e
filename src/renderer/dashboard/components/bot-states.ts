/**
 * How the dashboard words and groups bot states. Every BotState must have a label: the Record
 * type makes a new state in the contract a compile error here until it is worded.
 */
import { isEnded, isLive, type BotState, type BotView } from '../../../shared/ipc-contract';
import type { StateFilter } from '../store/table-view';

export const STATE_LABELS: Record<BotState, string> = {
  queued: 'Queued',
  minting: 'Minting ZAK',
  joining: 'Joining',
  waiting_room: 'In waiting room',
  in_meeting: 'In meeting',
  reconnecting: 'Reconnecting',
  leaving: 'Leaving',
  left: 'Left',
  failed: 'Failed',
};

/** The state filter's choices, in words. */
export const STATE_FILTER_LABELS: Record<StateFilter, string> = {
  all: 'All states',
  live: 'Live (not finished)',
  ended: 'Finished (left or failed)',
  ...STATE_LABELS,
};

/** On the way into the meeting (or back into it), for the summary's "joining" count. */
const JOINING_STATES: ReadonlySet<BotState> = new Set<BotState>([
  'queued',
  'minting',
  'joining',
  'waiting_room',
  'reconnecting',
]);

export interface FleetCounts {
  inMeeting: number;
  joining: number;
  failed: number;
  live: number;
  /** Left or failed: what "Clear finished" takes off the table. */
  ended: number;
}

export function countFleet(bots: Iterable<BotView>): FleetCounts {
  const counts: FleetCounts = { inMeeting: 0, joining: 0, failed: 0, live: 0, ended: 0 };
  for (const { state } of bots) {
    if (state === 'in_meeting') counts.inMeeting++;
    if (state === 'failed') counts.failed++;
    if (JOINING_STATES.has(state)) counts.joining++;
    if (isLive(state)) counts.live++;
    if (isEnded(state)) counts.ended++;
  }
  return counts;
}

export const formatFleetSummary = (counts: FleetCounts): string =>
  `${counts.inMeeting} in meeting · ${counts.joining} joining · ${counts.failed} failed`;

const fleetCounts = new WeakMap<ReadonlyMap<string, BotView>, FleetCounts>();

/**
 * The fleet's counts, worked out once per bot table: the store replaces the Map on every change
 * (at most once a frame), and the header and the toolbar both read them. Their selectors then
 * return words and flags, so neither redraws unless what it shows changes.
 */
export function selectFleetCounts(state: { bots: ReadonlyMap<string, BotView> }): FleetCounts {
  let counts = fleetCounts.get(state.bots);
  if (counts === undefined) {
    counts = countFleet(state.bots.values());
    fleetCounts.set(state.bots, counts);
  }
  return counts;
}

/** "12 in meeting · 3 joining · 1 failed", for the header and the toolbar. */
export const selectFleetSummary = (state: { bots: ReadonlyMap<string, BotView> }): string =>
  formatFleetSummary(selectFleetCounts(state));

/** "1 bot", "20 bots". */
export const botCount = (count: number): string => `${count} bot${count === 1 ? '' : 's'}`;

/** A wall-clock time as the table shows it: 14:03:12, in the operator's time zone. */
export function formatClock(epochMs: number): string {
  const at = new Date(epochMs);
  return [at.getHours(), at.getMinutes(), at.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}

/**
 * The reason column: while Botdeck rejoins, the attempt and the next try ("Rejoining: attempt 2
 * of 5, next try 14:03:12 — Lost the connection to the meeting."); once the bot ended, why and
 * when ("Removed from the meeting by the host; … · at 14:02:05"); otherwise any note.
 */
export function describeBotReason(bot: BotView, now: number): string {
  const { reconnect } = bot;
  if (bot.state === 'reconnecting' && reconnect) {
    const when =
      reconnect.nextTryAt !== null && reconnect.nextTryAt > now
        ? `next try ${formatClock(reconnect.nextTryAt)}`
        : 'trying now';
    return `Rejoining: attempt ${reconnect.attempt} of ${reconnect.maxAttempts}, ${when} — ${reconnect.reason}`;
  }
  const reason = bot.failure?.message ?? bot.note ?? '';
  if (reason === '' || bot.endedAt === null) return reason;
  return `${reason} · at ${formatClock(bot.endedAt)}`;
}
