import { describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { parseMeetingInput } from '../../../../src/shared/meeting-link';
import type { AppSnapshot, Result } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';
import {
  createFakeDashboard,
  emptySnapshot,
  type FakeDashboard,
} from '../helpers/fake-dashboard-api';

function started(fake: FakeDashboard = createFakeDashboard()): {
  store: AppStore;
  fake: FakeDashboard;
} {
  const store = createAppStore({ api: fake.api });
  store.getState().start();
  return { store, fake };
}

const ids = (store: AppStore): string[] => [...store.getState().bots.keys()];

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('bots in the store', () => {
  it('loads the snapshot oldest bot first, with mode, accounts and notices', async () => {
    const fake = createFakeDashboard();
    fake.answers.getSnapshot = () =>
      Promise.resolve({
        ok: true,
        value: emptySnapshot({
          mode: 'sandbox',
          notices: ['Profile could not be fetched.'],
          bots: [makeBot({ id: 'b', createdAt: 20 }), makeBot({ id: 'a', createdAt: 10 })],
        }),
      });
    const { store } = started(fake);
    await vi.waitFor(() => expect(store.getState().loading).toBe(false));
    expect(ids(store)).toEqual(['a', 'b']);
    expect(store.getState().mode).toBe('sandbox');
    expect(store.getState().notices).toEqual(['Profile could not be fetched.']);
  });

  it('a bots:changed event replaces known bots in place, appends new ones, and gives a new Map', async () => {
    const fake = createFakeDashboard();
    fake.answers.getSnapshot = () =>
      Promise.resolve({
        ok: true,
        value: emptySnapshot({
          bots: [makeBot({ id: 'a', createdAt: 1 }), makeBot({ id: 'b', createdAt: 2 })],
        }),
      });
    const { store } = started(fake);
    await vi.waitFor(() => expect(store.getState().bots.size).toBe(2));
    const before = store.getState().bots;

    fake.push({
      bots: [
        makeBot({ id: 'd', createdAt: 4 }),
        makeBot({ id: 'a', createdAt: 1, state: 'in_meeting' }),
        makeBot({ id: 'c', createdAt: 3 }),
      ],
    });

    const after = store.getState().bots;
    expect(after).not.toBe(before);
    expect(before.get('a')?.state).toBe('queued');
    expect(ids(store)).toEqual(['a', 'b', 'c', 'd']);
    expect(after.get('a')?.state).toBe('in_meeting');
  });

  it('events that arrive before the snapshot are applied on top of it', async () => {
    const fake = createFakeDashboard();
    const snapshot = deferred<Result<AppSnapshot>>();
    fake.answers.getSnapshot = () => snapshot.promise;
    const { store } = started(fake);

    fake.push({ bots: [makeBot({ id: 'a', createdAt: 1, state: 'joining' })] });
    expect(store.getState().bots.size).toBe(0);
    snapshot.resolve({
      ok: true,
      value: emptySnapshot({ bots: [makeBot({ id: 'a', createdAt: 1, state: 'minting' })] }),
    });

    await vi.waitFor(() => expect(store.getState().bots.get('a')?.state).toBe('joining'));
  });

  it('a snapshot failure is shown in operator words', async () => {
    const fake = createFakeDashboard();
    fake.answers.getSnapshot = () =>
      Promise.resolve({
        ok: false,
        error: {
          code: 'disconnected',
          message: 'Lost the connection to Botdeck. Reload to reconnect.',
        },
      });
    const { store } = started(fake);
    await vi.waitFor(() =>
      expect(store.getState().loadError).toBe(
        'Lost the connection to Botdeck. Reload to reconnect.',
      ),
    );
  });

  it('a failed leave shows why, and the next successful one clears it', async () => {
    const { store, fake } = started();
    fake.answers.leaveBot = () =>
      Promise.resolve({ ok: false, error: { code: 'not_found', message: 'No such bot.' } });
    await store.getState().leaveBot('x');
    expect(store.getState().tableError).toBe('No such bot.');

    fake.answers.leaveBot = () => Promise.resolve({ ok: true, value: null });
    await store.getState().leaveBot('x');
    expect(store.getState().tableError).toBeNull();
  });
});

describe('launch form names', () => {
  const names = (store: AppStore): string[] => store.getState().launch.names;

  it('starts with one bot named from the default template', () => {
    const { store } = started();
    expect(store.getState().launch.nameTemplate).toBe('Botdeck {n}');
    expect(names(store)).toEqual(['Botdeck 1']);
  });

  it('follows the count and the template, but keeps names the operator edited', () => {
    const { store } = started();
    const s = () => store.getState();
    s().setCountText('3');
    expect(names(store)).toEqual(['Botdeck 1', 'Botdeck 2', 'Botdeck 3']);

    s().setBotName(1, 'Alice');
    s().setNameTemplate('Helper {n}');
    expect(names(store)).toEqual(['Helper 1', 'Alice', 'Helper 3']);

    s().setCountText('4');
    expect(names(store)).toEqual(['Helper 1', 'Alice', 'Helper 3', 'Helper 4']);
  });

  it('keeps the rows while the count field holds no valid number', () => {
    const { store } = started();
    store.getState().setCountText('2');
    store.getState().setCountText('');
    expect(names(store)).toEqual(['Botdeck 1', 'Botdeck 2']);
    store.getState().setCountText('500');
    expect(names(store)).toHaveLength(2);
  });
});

describe('launch form validation and submit', () => {
  async function submitWith(
    patch: { meeting?: string; passcode?: string; count?: string; names?: string[] },
    fake?: FakeDashboard,
  ) {
    const { store } = started(fake);
    const s = store.getState();
    if (patch.meeting !== undefined) s.setMeeting(patch.meeting);
    if (patch.passcode !== undefined) s.setPasscode(patch.passcode);
    if (patch.count !== undefined) s.setCountText(patch.count);
    patch.names?.forEach((name, index) => store.getState().setBotName(index, name));
    const accepted = await store.getState().submitLaunch();
    return { store, accepted, errors: store.getState().launch.errors };
  }

  it('asks for a meeting when the field is empty', async () => {
    const { accepted, errors } = await submitWith({ meeting: '   ' });
    expect(accepted).toBe(false);
    expect(errors).toEqual(['Enter a meeting link or number.']);
  });

  it('explains a link it cannot read, in the parser’s words', async () => {
    const link = 'https://zoom.us/my/some.vanity';
    const parsed = parseMeetingInput(link);
    expect(parsed.ok).toBe(false);
    const { errors } = await submitWith({ meeting: link });
    expect(errors).toEqual([parsed.ok ? '' : parsed.message]);
  });

  it('refuses counts outside 1–200, empty names and names over 64 characters', async () => {
    const { errors: countErrors } = await submitWith({ meeting: '123456789', count: '0' });
    expect(countErrors).toEqual(['Enter a number of bots from 1 to 200.']);

    const { errors } = await submitWith({
      meeting: '123456789',
      count: '2',
      names: ['  ', 'x'.repeat(65)],
    });
    expect(errors).toEqual([
      'Bot 1 needs a name.',
      'The name of bot 2 is longer than 64 characters.',
    ]);
  });

  it('allows duplicate names', async () => {
    const { accepted } = await submitWith({
      meeting: '123456789',
      count: '2',
      names: ['Same', 'Same'],
    });
    expect(accepted).toBe(true);
  });

  it('sends trimmed fields and names, and shows progress while main works', async () => {
    const fake = createFakeDashboard();
    const answer = deferred<Result<{ botIds: string[] }>>();
    fake.answers.launchBots = () => answer.promise;
    const { store } = started(fake);
    store.getState().setMeeting(' https://us02web.zoom.us/j/123456789?pwd=abc ');
    store.getState().setCountText('2');
    store.getState().setBotName(0, ' Alice ');

    const submitted = store.getState().submitLaunch();
    expect(store.getState().launch.submitting).toBe(true);
    answer.resolve({ ok: true, value: { botIds: ['1', '2'] } });
    expect(await submitted).toBe(true);

    expect(store.getState().launch.submitting).toBe(false);
    expect(fake.requests.launchBots).toEqual([
      {
        meeting: 'https://us02web.zoom.us/j/123456789?pwd=abc',
        passcode: '',
        names: ['Alice', 'Botdeck 2'],
      },
    ]);
  });

  it('shows main’s reason when a launch fails and keeps the form; success clears only the error', async () => {
    const fake = createFakeDashboard();
    fake.answers.launchBots = () =>
      Promise.resolve({ ok: false, error: { code: 'zoom_api', message: 'Zoom refused the ZAK.' } });
    const { store, accepted } = await submitWith({ meeting: '123 456 789', count: '2' }, fake);
    expect(accepted).toBe(false);
    expect(store.getState().launch.launchError).toBe('Zoom refused the ZAK.');
    expect(store.getState().launch.meeting).toBe('123 456 789');
    expect(store.getState().launch.names).toEqual(['Botdeck 1', 'Botdeck 2']);

    fake.answers.launchBots = () => Promise.resolve({ ok: true, value: { botIds: ['1', '2'] } });
    expect(await store.getState().submitLaunch()).toBe(true);
    expect(store.getState().launch.launchError).toBeNull();
    expect(store.getState().launch.meeting).toBe('123 456 789');
    expect(store.getState().launch.countText).toBe('2');
  });
});

describe('sandbox meetings', () => {
  it('puts a new sandbox meeting’s link in the form, replacing an old passcode', async () => {
    const { store } = started();
    store.getState().setPasscode('old');
    await store.getState().fillNewSandboxMeeting();
    const form = store.getState().launch;
    expect(form.meeting).toBe('https://zoom.us/j/81234567890?pwd=Pq7x2z');
    expect(form.passcode).toBe('');
    expect(form.creatingMeeting).toBe(false);
    expect(parseMeetingInput(form.meeting, form.passcode)).toEqual({
      ok: true,
      meetingNumber: '81234567890',
      passcode: 'Pq7x2z',
      zoomDomain: 'zoom.us',
    });
  });

  it('says why when the sandbox cannot make one, and keeps what was typed', async () => {
    const fake = createFakeDashboard();
    fake.answers.createSandboxMeeting = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'sandbox', message: 'The Zoom sandbox is not answering; restart Botdeck.' },
      });
    const { store } = started(fake);
    store.getState().setMeeting('123 456 789');
    await store.getState().fillNewSandboxMeeting();
    expect(store.getState().launch.launchError).toBe(
      'The Zoom sandbox is not answering; restart Botdeck.',
    );
    expect(store.getState().launch.meeting).toBe('123 456 789');
  });
});
