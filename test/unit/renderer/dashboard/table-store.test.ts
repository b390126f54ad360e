/**
 * The bot table as the operator drives it: filters, grouping by meeting, clearing finished
 * bots, selections and what leaving them sends, and the newest launch's progress.
 */
import { describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import {
  latestLaunchProgress,
  tableRows,
  type TableRow,
  type TableViewOptions,
} from '../../../../src/renderer/dashboard/store/table-view';
import { describeLaunchProgress } from '../../../../src/renderer/dashboard/components/launch-progress';
import type { BotState, BotView } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';
import { createFakeDashboard, emptySnapshot } from '../helpers/fake-dashboard-api';

const A = '111111111';
const B = '222222222';
let created = 0;
const bot = (id: string, state: BotState, meetingNumber = A, launchId = 'L1'): BotView =>
  makeBot({ id, state, meetingNumber, launchId, createdAt: ++created });

const byId = (bots: BotView[]) => new Map(bots.map((b) => [b.id, b]));
const view = (patch: Partial<TableViewOptions> = {}): TableViewOptions => ({
  stateFilter: 'all',
  meetingFilter: null,
  groupByMeeting: false,
  ...patch,
});
const shown = (rows: TableRow[]): string[] =>
  rows.map((row) => (row.kind === 'bot' ? row.bot.id : `[${row.meetingNumber}]`));

async function startedWith(bots: BotView[]) {
  const fake = createFakeDashboard();
  fake.answers.getSnapshot = () => Promise.resolve({ ok: true, value: emptySnapshot({ bots }) });
  const store: AppStore = createAppStore({ api: fake.api });
  store.getState().start();
  await vi.waitFor(() => expect(store.getState().bots.size).toBe(bots.length));
  return { store, fake, s: () => store.getState() };
}

describe('which rows the table shows', () => {
  const fleet = byId([
    bot('a1', 'in_meeting'),
    bot('b1', 'failed', B),
    bot('a2', 'left'),
    bot('b2', 'joining', B),
    bot('a3', 'waiting_room'),
  ]);

  it('filters by state, by phase and by meeting, keeping creation order', () => {
    expect(shown(tableRows(fleet, view()))).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
    expect(shown(tableRows(fleet, view({ stateFilter: 'live' })))).toEqual(['a1', 'b2', 'a3']);
    expect(shown(tableRows(fleet, view({ stateFilter: 'ended' })))).toEqual(['b1', 'a2']);
    expect(shown(tableRows(fleet, view({ stateFilter: 'waiting_room' })))).toEqual(['a3']);
    expect(shown(tableRows(fleet, view({ meetingFilter: B })))).toEqual(['b1', 'b2']);
    expect(shown(tableRows(fleet, view({ meetingFilter: B, stateFilter: 'failed' })))).toEqual([
      'b1',
    ]);
  });

  it('groups by meeting under headings that count every bot of the meeting', () => {
    const rows = tableRows(fleet, view({ groupByMeeting: true, stateFilter: 'live' }));
    expect(shown(rows)).toEqual([`[${A}]`, 'a1', 'a3', `[${B}]`, 'b2']);
    expect(rows[0]).toMatchObject({ counts: { total: 3, live: 2, inMeeting: 1 } });
    expect(rows[3]).toMatchObject({ counts: { total: 2, live: 1, inMeeting: 0 } });
    // A meeting none of whose bots pass the filters has no heading either.
    const failed = tableRows(fleet, view({ groupByMeeting: true, stateFilter: 'failed' }));
    expect(shown(failed)).toEqual([`[${B}]`, 'b1']);
  });

  it('groups and filters a thousand bots: one heading per meeting, only the matching rows', () => {
    const many = byId(
      Array.from({ length: 1_000 }, (_, n) =>
        bot(`m${n}`, n % 3 === 0 ? 'failed' : 'in_meeting', n % 2 === 0 ? A : B),
      ),
    );
    const grouped = tableRows(many, view({ groupByMeeting: true, stateFilter: 'in_meeting' }));
    expect(grouped.filter((row) => row.kind === 'meeting')).toHaveLength(2);
    expect(grouped.filter((row) => row.kind === 'bot')).toHaveLength(666);
  });
});

describe('the newest launch’s progress', () => {
  it('counts the bots of the newest launch only, in words', () => {
    const bots = byId([
      bot('old', 'in_meeting', A, 'L0'),
      ...Array.from({ length: 12 }, (_, n) => bot(`in${n}`, 'in_meeting', A, 'L1')),
      ...Array.from({ length: 6 }, (_, n) => bot(`q${n}`, 'queued', A, 'L1')),
      bot('w', 'waiting_room', A, 'L1'),
      bot('f', 'failed', A, 'L1'),
    ]);
    const progress = latestLaunchProgress(bots);
    expect(progress).toMatchObject({ launchId: 'L1', total: 20, inMeeting: 12 });
    expect(progress && describeLaunchProgress(progress)).toBe(
      '12 of 20 in meeting · 6 joining · 1 in the waiting room · 1 failed',
    );
  });

  it('goes once every bot of it has ended', () => {
    expect(latestLaunchProgress(byId([bot('x', 'left'), bot('y', 'failed')]))).toBeNull();
    expect(latestLaunchProgress(new Map())).toBeNull();
  });
});

describe('clearing, selecting and leaving', () => {
  it('bots main cleared leave the table and the selection; the rest stay in order', async () => {
    const { fake, s } = await startedWith([
      bot('a', 'left'),
      bot('b', 'in_meeting'),
      bot('c', 'failed'),
    ]);
    s().setSelected(['a', 'b'], true);
    fake.answers.clearFinished = () => {
      fake.push({ bots: [], removed: ['a', 'c'] });
      return Promise.resolve({ ok: true, value: { count: 2 } });
    };
    await s().clearFinished();
    expect([...s().bots.keys()]).toEqual(['b']);
    expect([...s().selectedBotIds]).toEqual(['b']);
    expect(fake.requests.clearFinished).toEqual([{}]);
  });

  it('Leave selected sends only the selected bots still live', async () => {
    const { fake, s } = await startedWith([
      bot('a', 'in_meeting'),
      bot('b', 'failed'),
      bot('c', 'joining'),
      bot('d', 'in_meeting'),
    ]);
    s().setSelected(['a', 'b', 'c', 'unknown'], true);
    expect([...s().selectedBotIds]).toEqual(['a', 'b', 'c']);
    await s().leaveSelected();
    expect(fake.requests.leaveBots).toEqual([{ botIds: ['a', 'c'] }]);
    s().setSelected(['a'], false);
    expect([...s().selectedBotIds]).toEqual(['b', 'c']);
  });

  it("a meeting's Leave all names the meeting, and a refusal shows in words", async () => {
    const { fake, s } = await startedWith([bot('a', 'in_meeting', B)]);
    fake.answers.leaveMeeting = () =>
      Promise.resolve({ ok: false, error: { code: 'x', message: 'Botdeck is shutting down.' } });
    await s().leaveMeeting(B);
    expect(fake.requests.leaveMeeting).toEqual([{ meetingNumber: B }]);
    expect(s().tableError).toBe('Botdeck is shutting down.');
  });
});
