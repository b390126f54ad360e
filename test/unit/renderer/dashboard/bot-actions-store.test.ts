/**
 * The dashboard's side of chat, names and notifications, against the in-memory main: what is
 * sent and what is refused before sending (in the contract's words), what main's refusal looks
 * like in the dialog, the chat message on join in the launch, and when a browser notification
 * is shown.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BrowserNotifications } from '../../../../src/renderer/dashboard/api/browser-notifications';
import { createAppStore } from '../../../../src/renderer/dashboard/store/app-store';
import type { NotificationSettings } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';
import { createFakeDashboard, emptySnapshot } from '../helpers/fake-dashboard-api';

function fakeBrowser(permission: NotificationPermission) {
  const shown: { title: string; body: string }[] = [];
  const browser: BrowserNotifications & { granted: NotificationPermission } = {
    granted: permission,
    permission: () => browser.granted,
    request: () => Promise.resolve((browser.granted = 'granted')),
    show: (title, body) => shown.push({ title, body }),
  };
  return { browser, shown };
}

async function started(
  notifications: NotificationSettings = { enabled: true, shownBy: 'browser' },
  permission: NotificationPermission = 'default',
) {
  const fake = createFakeDashboard();
  const ada = makeBot({ id: 'a', name: 'Ada', state: 'in_meeting', meetingNumber: '81234567890' });
  fake.answers.getSnapshot = () =>
    Promise.resolve({ ok: true, value: emptySnapshot({ bots: [ada], notifications }) });
  const { browser, shown } = fakeBrowser(permission);
  const store = createAppStore({ api: fake.api, browserNotifications: browser });
  store.getState().start();
  await vi.waitFor(() => expect(store.getState().loading).toBe(false));
  return { store, fake, shown, browser };
}

describe('the bot dialog', () => {
  it('refuses a message the contract refuses, in its words, and sends none', async () => {
    const { store, fake } = await started();
    store.getState().openBotDialog('chat', 'a');
    expect(await store.getState().sendChat({ botIds: ['a'] }, 'two\nlines')).toBe(false);
    expect(store.getState().botDialogError).toMatch(/line breaks, tabs or other control/);
    expect(fake.requests.sendChat).toEqual([]);
  });

  it('sends to one bot or to the meeting, trimmed, and closes once main accepted', async () => {
    const { store, fake } = await started();
    store.getState().openBotDialog('chat', 'a');
    expect(await store.getState().sendChat({ meetingNumber: '81234567890' }, '  Hi all  ')).toBe(
      true,
    );
    expect(fake.requests.sendChat).toEqual([{ meetingNumber: '81234567890', text: 'Hi all' }]);
    expect(store.getState().botDialog).toBeNull();
  });

  it('keeps the dialog open with main’s words when main refuses', async () => {
    const { store, fake } = await started();
    fake.answers.renameBot = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'not_now', message: '“Ada” is on its way in or out of the meeting.' },
      });
    store.getState().openBotDialog('rename', 'a');
    expect(await store.getState().renameBot('a', 'Ada L.')).toBe(false);
    expect(store.getState().botDialog).toEqual({ kind: 'rename', botId: 'a' });
    expect(store.getState().botDialogError).toBe('“Ada” is on its way in or out of the meeting.');
    expect(await store.getState().relaunchBot('a', ' ')).toBe(false);
    expect(store.getState().botDialogError).toBe('Every bot needs a name.');
    expect(fake.requests.relaunchBot).toEqual([]);
  });
});

describe('the chat message on join', () => {
  it('goes with the launch, trimmed; an empty one is left out; a bad one is refused', async () => {
    const { store, fake } = await started();
    const state = store.getState();
    state.setMeeting('81234567890');
    state.setChatOnJoin('  Hello, I am {name}.  ');
    expect(await store.getState().submitLaunch()).toBe(true);
    expect(fake.requests.launchBots[0]).toMatchObject({ chatOnJoin: 'Hello, I am {name}.' });

    store.getState().setChatOnJoin('   ');
    await store.getState().submitLaunch();
    expect(fake.requests.launchBots[1]).not.toHaveProperty('chatOnJoin');

    store.getState().setChatOnJoin('tab\there');
    expect(await store.getState().submitLaunch()).toBe(false);
    expect(store.getState().launch.errors).toEqual([
      expect.stringMatching(/^Chat message on join: .*control characters/),
    ]);
    expect(fake.requests.launchBots).toHaveLength(2);
  });
});

describe('browser notifications', () => {
  it('show what main sends only once the operator allowed them', async () => {
    const { store, fake, shown } = await started();
    fake.notify({ title: '3 bots left meeting 812 3456 7890: the host ended it', body: 'x' });
    expect(shown).toEqual([]);
    await store.getState().allowBrowserNotifications();
    expect(store.getState().browserPermission).toBe('granted');
    fake.notify({ title: 'Ada failed in meeting 812 3456 7890', body: 'Wrong passcode.' });
    expect(shown).toEqual([
      { title: 'Ada failed in meeting 812 3456 7890', body: 'Wrong passcode.' },
    ]);
  });

  it('the setting goes to main, and off means none shown here either', async () => {
    const { store, fake, shown } = await started(undefined, 'granted');
    await store.getState().setNotificationsEnabled(false);
    expect(fake.requests.setNotifications).toEqual([{ enabled: false }]);
    expect(store.getState().notifications).toEqual({ enabled: false, shownBy: 'browser' });
    fake.notify({ title: 'late', body: 'late' });
    expect(shown).toEqual([]);
  });

  it('a setting main could not save goes back, with main’s words', async () => {
    const { store, fake } = await started();
    fake.answers.setNotifications = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'settings_not_saved', message: 'Botdeck could not save the setting.' },
      });
    const saving = store.getState().setNotificationsEnabled(false);
    expect(store.getState().notifications.enabled).toBe(false);
    await saving;
    expect(store.getState().notifications.enabled).toBe(true);
    expect(store.getState().notificationsError).toBe('Botdeck could not save the setting.');
  });

  it('the desktop app shows its own: the dashboard shows none', async () => {
    const { fake, shown } = await started({ enabled: true, shownBy: 'desktop' }, 'granted');
    fake.notify({ title: 'Ada failed', body: '' });
    expect(shown).toEqual([]);
  });
});
