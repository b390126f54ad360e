import { describe, expect, it, vi } from 'vitest';
import {
  describeHistoryEntry,
  formatHistoryTime,
} from '../../../../src/renderer/dashboard/components/history-words';
import { createAppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { HISTORY_SHOWN } from '../../../../src/renderer/dashboard/store/history-slice';
import type { HistoryEntry, Result } from '../../../../src/shared/ipc-contract';
import { createFakeDashboard } from '../helpers/fake-dashboard-api';

const bot = { botId: 'a', name: 'Ada', meetingNumber: '81234567890', accountId: 'sandbox' };
const joined: HistoryEntry = { kind: 'join', at: 2_000, ...bot, rejoin: false };

describe('history in the store', () => {
  it('opening the panel reads the newest entries', async () => {
    const fake = createFakeDashboard();
    fake.answers.listHistory = () => Promise.resolve({ ok: true, value: { entries: [joined] } });
    const store = createAppStore({ api: fake.api });

    store.getState().setHistoryOpen(true);

    await vi.waitFor(() => expect(store.getState().history).toEqual([joined]));
    expect(fake.requests.listHistory.map((request) => request.limit)).toEqual([HISTORY_SHOWN]);
    expect(store.getState().historyLoading).toBe(false);
  });

  it('folds reads asked for during a read into one more read', async () => {
    const fake = createFakeDashboard();
    const answers: ((result: Result<{ entries: HistoryEntry[] }>) => void)[] = [];
    fake.answers.listHistory = () => new Promise((resolve) => answers.push(resolve));
    const store = createAppStore({ api: fake.api });

    const first = store.getState().loadHistory();
    void store.getState().loadHistory();
    void store.getState().loadHistory();
    expect(answers).toHaveLength(1);
    answers[0]?.({ ok: true, value: { entries: [] } });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]?.({ ok: true, value: { entries: [joined] } });
    await first;

    expect(answers).toHaveLength(2);
    expect(store.getState().history).toEqual([joined]);
  });

  it('a history that cannot be read says why, and export hands back the JSON lines', async () => {
    const fake = createFakeDashboard();
    fake.answers.listHistory = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'no_data_folder', message: 'This Botdeck keeps no data folder.' },
      });
    fake.answers.exportHistory = () =>
      Promise.resolve({ ok: true, value: { jsonl: '{"kind":"join"}\n', count: 1 } });
    const store = createAppStore({ api: fake.api });

    await store.getState().loadHistory();
    expect(store.getState().historyError).toBe('This Botdeck keeps no data folder.');
    expect(await store.getState().exportHistory()).toBe('{"kind":"join"}\n');
    expect(store.getState().historyError).toBeNull();
  });
});

describe('history in words', () => {
  it('says who, what happened and why for every kind of entry', () => {
    expect(
      describeHistoryEntry({
        kind: 'launch',
        at: 1,
        launchId: 'L',
        meetingNumber: '81234567890',
        accountId: 'sandbox',
        botIds: ['a', 'b', 'c', 'd'],
        names: ['Ada', 'Grace', 'Linus', 'Ken'],
        relaunch: true,
      }),
    ).toEqual({
      bot: 'Ada, Grace and 2 more',
      what: 'Relaunched 4 bots into meeting 81234567890',
      reason: 'Stopped by an app restart',
    });
    expect(describeHistoryEntry({ ...joined, rejoin: true }).what).toBe(
      'Rejoined meeting 81234567890',
    );
    expect(
      describeHistoryEntry({ kind: 'leave', at: 1, ...bot, reason: 'Alone for 5 min.' }),
    ).toEqual({ bot: 'Ada', what: 'Left meeting 81234567890', reason: 'Alone for 5 min.' });
    expect(
      describeHistoryEntry({
        kind: 'failure',
        at: 1,
        ...bot,
        failureKind: 'join',
        code: 3001,
        message: 'The meeting does not exist.',
      }).reason,
    ).toBe('The meeting does not exist. (Zoom code 3001)');
    expect(describeHistoryEntry({ kind: 'stopped', at: 1, ...bot }).what).toBe(
      'Stopped by app restart',
    );
    expect(formatHistoryTime(Date.UTC(2026, 10, 28, 12))).toMatch(/28/);
  });
});
