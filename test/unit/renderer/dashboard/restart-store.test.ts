import { describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import type { StoppedBot } from '../../../../src/shared/ipc-contract';
import {
  createFakeDashboard,
  emptySnapshot,
  type FakeDashboard,
} from '../helpers/fake-dashboard-api';

const stopped = (id: string, name = `Bot ${id}`, extra: Partial<StoppedBot> = {}): StoppedBot => ({
  id,
  name,
  meetingNumber: '81234567890',
  accountId: 'sandbox',
  stoppedAt: 1_000,
  needsPasscode: false,
  ...extra,
});

async function started(
  stoppedByRestart: StoppedBot[],
  relaunchAfterRestart = false,
): Promise<{ store: AppStore; fake: FakeDashboard }> {
  const fake = createFakeDashboard();
  fake.answers.getSnapshot = () =>
    Promise.resolve({
      ok: true,
      value: emptySnapshot({ stoppedByRestart, relaunchAfterRestart }),
    });
  const store = createAppStore({ api: fake.api });
  store.getState().start();
  await vi.waitFor(() => expect(store.getState().loading).toBe(false));
  return { store, fake };
}

const names = (store: AppStore): string[] =>
  store.getState().stoppedByRestart.map((bot) => bot.name);

describe('bots stopped by an app restart, in the store', () => {
  it('come from the snapshot, with the relaunch setting', async () => {
    const { store } = await started([stopped('a', 'Ada'), stopped('b', 'Grace')], true);
    expect(names(store)).toEqual(['Ada', 'Grace']);
    expect(store.getState().relaunchAfterRestart).toBe(true);
  });

  it('Relaunch all asks main for every listed bot and takes main’s list as it stands', async () => {
    const { store, fake } = await started([stopped('a'), stopped('b')]);
    fake.answers.relaunchStopped = () =>
      Promise.resolve({ ok: true, value: { botIds: ['n1', 'n2'], stoppedByRestart: [] } });

    await store.getState().relaunchAllStopped();

    expect(fake.requests.relaunchStopped).toEqual([{ ids: ['a', 'b'] }]);
    expect(store.getState().stoppedByRestart).toEqual([]);
    expect(store.getState().restartBusy).toBe(false);
    expect(store.getState().restartError).toBeNull();
  });

  it('sends the passcode typed for a meeting with each of its bots that needs one', async () => {
    const { store, fake } = await started([
      stopped('a', 'Ada', { needsPasscode: true }),
      stopped('b', 'Grace', { needsPasscode: true }),
      stopped('c', 'Linus', { needsPasscode: true, meetingNumber: '987654321' }),
      stopped('d', 'Kept'),
    ]);
    store.getState().setStoppedPasscode('81234567890', 'Pq7x2z');

    await store.getState().relaunchAllStopped();

    // Meeting 987654321's field was left empty: it has no passcode.
    expect(fake.requests.relaunchStopped).toEqual([
      { ids: ['a', 'b', 'c', 'd'], passcodes: { a: 'Pq7x2z', b: 'Pq7x2z', c: '' } },
    ]);
  });

  it('sends no passcodes when main kept them all', async () => {
    const { store, fake } = await started([stopped('a')]);
    await store.getState().relaunchStopped(['a']);
    expect(fake.requests.relaunchStopped).toEqual([{ ids: ['a'] }]);
  });

  it('a refused relaunch shows main’s words and re-reads the list from a snapshot', async () => {
    const { store, fake } = await started([stopped('a'), stopped('b')]);
    fake.answers.relaunchStopped = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'relaunch_failed', message: '1 of 2 bots were relaunched; …' },
      });
    fake.answers.getSnapshot = () =>
      Promise.resolve({
        ok: true,
        value: emptySnapshot({ stoppedByRestart: [stopped('b')] }),
      });

    await store.getState().relaunchStopped(['a', 'b']);

    expect(store.getState().restartError).toBe('1 of 2 bots were relaunched; …');
    expect(store.getState().stoppedByRestart.map((bot) => bot.id)).toEqual(['b']);
    expect(store.getState().restartBusy).toBe(false);
  });

  it('Dismiss forgets the bots main says are gone', async () => {
    const { store, fake } = await started([stopped('a'), stopped('b')]);
    fake.answers.dismissStopped = () =>
      Promise.resolve({ ok: true, value: { stoppedByRestart: [stopped('b')] } });

    await store.getState().dismissStopped(['a']);

    expect(fake.requests.dismissStopped).toEqual([{ ids: ['a'] }]);
    expect(store.getState().stoppedByRestart.map((bot) => bot.id)).toEqual(['b']);
  });

  it('a second relaunch while one runs is ignored rather than sent twice', async () => {
    const { store, fake } = await started([stopped('a')]);
    let finish: () => void = () => undefined;
    fake.answers.relaunchStopped = () =>
      new Promise((resolve) => {
        finish = () => resolve({ ok: true, value: { botIds: ['n1'], stoppedByRestart: [] } });
      });

    const first = store.getState().relaunchStopped(['a']);
    await store.getState().relaunchStopped(['a']);
    finish();
    await first;

    expect(fake.requests.relaunchStopped).toHaveLength(1);
  });

  it('the relaunch setting follows main’s answer, and a failure is shown', async () => {
    const { store, fake } = await started([]);
    await store.getState().setRelaunchAfterRestart(true);
    expect(fake.requests.setRelaunchAfterRestart.map((request) => request.enabled)).toEqual([true]);
    expect(store.getState().relaunchAfterRestart).toBe(true);

    fake.answers.setRelaunchAfterRestart = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'settings_not_saved', message: 'Botdeck could not save the setting.' },
      });
    await store.getState().setRelaunchAfterRestart(false);
    expect(store.getState().relaunchAfterRestart).toBe(true);
    expect(store.getState().restartError).toBe('Botdeck could not save the setting.');
    expect(store.getState().savingRelaunchSetting).toBe(false);
  });
});
