/**
 * Presets and recent meetings in the launch form: what "Save as preset" sends, what a preset
 * or a recent meeting fills in (asking for a passcode Botdeck could not keep), and Peek's
 * frames in the store.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../../src/renderer/dashboard/store/app-store';
import {
  parseTimeouts,
  timeoutTexts,
} from '../../../../src/renderer/dashboard/store/launch-timeouts';
import type {
  LaunchPresetView,
  LaunchShortcuts,
  RecentMeetingView,
} from '../../../../src/shared/ipc-contract';
import { LaunchTimeoutsSchema } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';
import { PIXEL_JPEG, createFakeDashboard, emptySnapshot } from '../helpers/fake-dashboard-api';

const PRESET: LaunchPresetView = {
  id: 'p1',
  name: 'Weekly demo',
  meeting: 'https://zoom.us/j/81234567890',
  passcode: 'Pq7x2z',
  accountId: 'acme',
  nameTemplate: 'Demo {n}',
  names: ['Demo 1', 'Greeter', 'Demo 3'],
  timeouts: { aloneTimeoutMs: 90_000, waitingRoomTimeoutMs: null, reconnectAttempts: 2 },
  chatOnJoin: 'Welcome, I am {name}.',
  savedAt: 1,
};
const RECENT: RecentMeetingView = {
  meetingNumber: '987654321',
  meeting: '987 654 321',
  passcode: null,
  accountId: 'sandbox',
  launchedAt: 2,
};
const ACCOUNTS = [
  { id: 'sandbox', label: 'Sandbox' },
  { id: 'acme', label: 'Acme' },
].map((account) => ({
  ...account,
  displayName: account.label,
  email: 'bots@example.com',
  avatarUrl: null,
  isSandbox: account.id === 'sandbox',
  hasSecrets: true,
  serviceUser: 'bots@example.com',
  plan: 'pro' as const,
  lastTest: null,
}));

async function started(
  shortcuts: LaunchShortcuts = { presets: [PRESET], recentMeetings: [RECENT] },
) {
  const fake = createFakeDashboard();
  fake.answers.getSnapshot = () =>
    Promise.resolve({
      ok: true,
      value: emptySnapshot({ accounts: ACCOUNTS, bots: [makeBot({ id: 'b1' })] }),
    });
  fake.answers.listLaunchShortcuts = () => Promise.resolve({ ok: true, value: shortcuts });
  const store = createAppStore({ api: fake.api });
  store.getState().start();
  await vi.waitFor(() => expect(store.getState().shortcuts).toEqual(shortcuts));
  return { fake, s: () => store.getState() };
}

describe('presets and recent meetings in the launch form', () => {
  it('a preset fills every field, keeping the names typed by hand as typed', async () => {
    const { s } = await started();
    s().applyPreset('p1');
    expect(s().launch).toMatchObject({
      meeting: 'https://zoom.us/j/81234567890',
      passcode: 'Pq7x2z',
      passcodeNeeded: false,
      countText: '3',
      nameTemplate: 'Demo {n}',
      names: ['Demo 1', 'Greeter', 'Demo 3'],
      nameEdited: [false, true, false],
      accountId: 'acme',
      timeouts: { aloneMinutes: '1.5', waitingRoomMinutes: '0', reconnectAttempts: '2' },
      chatOnJoin: 'Welcome, I am {name}.',
    });
    // The template still drives the rows it made.
    s().setNameTemplate('Host {n}');
    expect(s().launch.names).toEqual(['Host 1', 'Greeter', 'Host 3']);
  });

  it('a recent meeting whose passcode was not kept fills the meeting and asks for the passcode', async () => {
    const { s, fake } = await started();
    s().applyRecentMeeting('987654321');
    expect(s().launch).toMatchObject({
      meeting: '987 654 321',
      passcode: '',
      passcodeNeeded: true,
    });
    expect(await s().submitLaunch()).toBe(false);
    expect(s().launch.errors).toContain(
      'Enter the meeting passcode: Botdeck could not keep it (no system keychain).',
    );
    s().setPasscode('abc123');
    expect(await s().submitLaunch()).toBe(true);
    expect(fake.requests.launchBots.at(-1)).toMatchObject({
      meeting: '987 654 321',
      passcode: 'abc123',
    });
    // The launch made this meeting the newest recent one: the list is read again.
    await vi.waitFor(() => expect(fake.requests.listLaunchShortcuts.length).toBeGreaterThan(1));
  });

  it('Save as preset sends the form as it would launch, under the typed name', async () => {
    const { s, fake } = await started();
    s().setMeeting('https://zoom.us/j/81234567890?pwd=Pq7x2z');
    s().setCountText('2');
    s().setBotName(1, '  Greeter  ');
    s().setTimeoutText('aloneMinutes', '3');
    s().setChatOnJoin(' Hi, I am {name}. ');
    s().setPresetName(' Support rota ');
    expect(await s().saveLaunchPreset()).toBe(true);
    expect(fake.requests.savePreset).toEqual([
      {
        name: 'Support rota',
        form: {
          meeting: 'https://zoom.us/j/81234567890?pwd=Pq7x2z',
          passcode: '',
          accountId: null,
          nameTemplate: 'Botdeck {n}',
          names: ['Botdeck 1', 'Greeter'],
          timeouts: { aloneTimeoutMs: 180_000 },
          chatOnJoin: 'Hi, I am {name}.',
        },
      },
    ]);
    expect(s().presetName).toBe('');
  });

  it('refuses to save a form that could not launch, saying what to fix, and sends nothing', async () => {
    const { s, fake } = await started();
    s().setPresetName('Broken');
    expect(await s().saveLaunchPreset()).toBe(false);
    expect(s().launch.errors).toEqual(['Enter a meeting link or number.']);
    expect(s().shortcutsError).toBe('Fix the launch form before saving it as a preset.');
    s().setPresetName('');
    s().setMeeting('123456789');
    expect(await s().saveLaunchPreset()).toBe(false);
    expect(s().shortcutsError).toBe('Give the preset a name.');
    expect(fake.requests.savePreset).toEqual([]);
  });

  it('limits filled back from a preset read back as the same limits (property)', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            joinTimeoutMs: fc.integer({ min: 1_000, max: 600_000 }),
            waitingRoomTimeoutMs: fc.option(fc.integer({ min: 1_000, max: 86_400_000 })),
            aloneTimeoutMs: fc.option(fc.integer({ min: 1_000, max: 86_400_000 })),
            maxDurationMs: fc.option(fc.integer({ min: 1_000, max: 86_400_000 })),
            reconnectAttempts: fc.integer({ min: 0, max: 20 }),
          },
          { requiredKeys: [] },
        ),
        (timeouts) => {
          expect(LaunchTimeoutsSchema.safeParse(timeouts).success).toBe(true);
          const back = parseTimeouts(timeoutTexts(timeouts));
          expect(back).toEqual({
            ok: true,
            timeouts: Object.keys(timeouts).length > 0 ? timeouts : undefined,
          });
        },
      ),
    );
  });
});

describe('Peek in the store', () => {
  it('asks main for frames of the open peek at its size, and drops answers for a closed one', async () => {
    const { s, fake } = await started();
    s().openPeek('b1');
    await s().refreshPeek();
    expect(s().peek?.frame?.image).toBe(PIXEL_JPEG);
    s().setPeekLarge(true);
    let answer: (value: { ok: false; error: { code: string; message: string } }) => void = () =>
      undefined;
    fake.answers.peekBot = () => new Promise((resolve) => (answer = resolve));
    const late = s().refreshPeek();
    s().closePeek();
    answer({ ok: false, error: { code: 'no_window', message: 'gone' } });
    await late;
    expect(s().peek).toBeNull();
    expect(fake.requests.peekBot).toEqual([
      { botId: 'b1', size: 'thumbnail' },
      { botId: 'b1', size: 'large' },
    ]);
  });
});
