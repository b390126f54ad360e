/**
 * `presets.json`: presets and recent meetings kept with the roster's care: passcodes sealed
 * (or, with no keychain, in memory only), links kept without their passcode, a private file,
 * and a corrupt file set aside rather than overwritten.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/main/log/logger';
import { createLaunchShortcuts } from '../../../../src/main/persistence/launch-shortcuts';
import {
  createPasscodeSeal,
  type PasscodeSeal,
} from '../../../../src/main/persistence/passcode-seal';
import {
  LaunchFormValuesSchema,
  RECENT_MEETINGS_MAX,
  type LaunchFormValues,
} from '../../../../src/shared/ipc-contract';
import { meetingWithoutPasscode } from '../../../../src/shared/meeting-link';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'botdeck-presets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const PASSCODE = 'Pq7x2z';
let clock = 1_000;
const shortcuts = (seal: PasscodeSeal | null) =>
  createLaunchShortcuts({ dataDir: dir, now: () => clock++, logger: silentLogger, seal });
const fileText = () => readFile(join(dir, 'presets.json'), 'utf8');

const form = (overrides: Partial<LaunchFormValues> = {}): LaunchFormValues => ({
  meeting: `https://us02web.zoom.us/j/81234567890?pwd=${PASSCODE}#success`,
  passcode: '',
  accountId: 'sandbox',
  nameTemplate: 'Support {n}',
  names: ['Support 1', 'Greeter'],
  timeouts: { aloneTimeoutMs: 120_000 },
  chatOnJoin: 'Hi, I am {name} from support.',
  ...overrides,
});

describe('presets', () => {
  it('keep the form under a name, the link without its passcode, and the passcode sealed', async () => {
    const seal = createPasscodeSeal(randomBytes(32));
    const saved = await shortcuts(seal).savePreset('Weekly demo', form());
    expect(saved.ok).toBe(true);
    expect(await fileText()).not.toContain(PASSCODE);
    expect((await stat(join(dir, 'presets.json'))).mode & 0o777).toBe(0o600);

    const next = shortcuts(seal);
    await next.load();
    expect(next.view().presets).toEqual([
      {
        id: expect.any(String),
        name: 'Weekly demo',
        meeting: 'https://us02web.zoom.us/j/81234567890',
        passcode: PASSCODE,
        accountId: 'sandbox',
        nameTemplate: 'Support {n}',
        names: ['Support 1', 'Greeter'],
        timeouts: { aloneTimeoutMs: 120_000 },
        chatOnJoin: 'Hi, I am {name} from support.',
        savedAt: expect.any(Number),
      },
    ]);
  });

  it('saved again under the same name (any case) replace the old one, newest first', async () => {
    const store = shortcuts(null);
    await store.savePreset('Weekly demo', form());
    await store.savePreset('Support rota', form({ names: ['Rota'] }));
    const again = await store.savePreset('weekly DEMO', form({ names: ['Only one'] }));
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.presets.map((preset) => [preset.name, preset.names])).toEqual([
      ['weekly DEMO', ['Only one']],
      ['Support rota', ['Rota']],
    ]);
    const deleted = await store.deletePreset(again.value.presets[0]?.id ?? '');
    expect(deleted.ok && deleted.value.presets.map((preset) => preset.name)).toEqual([
      'Support rota',
    ]);
    expect(await store.deletePreset('gone')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('without a keychain keep passcodes for this run only: after a restart the form must ask', async () => {
    const first = shortcuts(null);
    await first.savePreset('Demo', form());
    await first.savePreset('Open meeting', form({ meeting: '812 3456 7890' }));
    expect(first.view().presets.map((preset) => preset.passcode)).toEqual(['', PASSCODE]);
    expect(await fileText()).not.toContain(PASSCODE);

    const next = shortcuts(null);
    await next.load();
    // '' is "the meeting has none", which needs no keychain; the other is unknown now.
    expect(next.view().presets.map((preset) => [preset.name, preset.passcode])).toEqual([
      ['Open meeting', ''],
      ['Demo', null],
    ]);
  });

  it('refuse a meeting that is not one, in the parser’s words, and write nothing', async () => {
    const refused = await shortcuts(null).savePreset(
      'Bad',
      form({ meeting: 'https://evil.example/j/1' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_meeting' } });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('recent meetings', () => {
  it('list the last ten launches, newest first, each meeting once, passcodes sealed', async () => {
    const seal = createPasscodeSeal(randomBytes(32));
    const store = shortcuts(seal);
    for (let n = 0; n < 12; n++) {
      await store.recordLaunch({
        meeting: `https://zoom.us/j/8123456780${n % 11}?pwd=${PASSCODE}`,
        passcode: '',
        accountId: 'sandbox',
      });
    }
    // 81234567800 was launched into twice (first and last): it is listed once, first.
    const numbers = store.view().recentMeetings.map((meeting) => meeting.meetingNumber);
    expect(numbers).toHaveLength(RECENT_MEETINGS_MAX);
    expect(numbers[0]).toBe('81234567800');
    expect(new Set(numbers).size).toBe(RECENT_MEETINGS_MAX);
    expect(await fileText()).not.toContain(PASSCODE);

    const next = shortcuts(seal);
    await next.load();
    expect(next.view().recentMeetings[0]).toEqual({
      meetingNumber: '81234567800',
      meeting: 'https://zoom.us/j/81234567800',
      passcode: PASSCODE,
      accountId: 'sandbox',
      launchedAt: expect.any(Number),
    });
  });
});

describe('presets.json that cannot be used', () => {
  it('is set aside with a notice, and the next save starts a fresh file', async () => {
    await writeFile(join(dir, 'presets.json'), '{"version":1,"presets":[{"name":');
    const store = shortcuts(null);
    const { notice } = await store.load();
    expect(notice).toMatch(
      /^presets\.json was unreadable \(not valid JSON\) and was set aside as presets\.corrupt-.+\.json\. Saved presets/,
    );
    expect(store.view()).toEqual({ presets: [], recentMeetings: [] });
    await store.savePreset('Fresh', form());
    const files = await readdir(dir);
    expect(files.filter((name) => name.startsWith('presets.corrupt-'))).toHaveLength(1);
    expect(JSON.parse(await fileText())).toMatchObject({
      version: 1,
      presets: [{ name: 'Fresh' }],
    });
  });
});

describe('what a preset keeps of a meeting', () => {
  it('never holds what came after the path of any link (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{1,10}$/),
        fc.stringMatching(/^\d{9,11}$/),
        fc.string({ maxLength: 30 }),
        (host, number, secret) => {
          const link = `https://${host}.zoom.us/j/${number}?pwd=${encodeURIComponent(secret)}&tk=${encodeURIComponent(secret)}`;
          expect(meetingWithoutPasscode(link)).toBe(`https://${host}.zoom.us/j/${number}`);
        },
      ),
    );
  });

  it('a saved form passes the same schema main parses requests with (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 64 }), { maxLength: 3 }),
        (names) => {
          const parsed = LaunchFormValuesSchema.safeParse(form({ names }));
          const valid = names.length > 0 && names.every((name) => name.trim() !== '');
          expect(parsed.success).toBe(valid);
        },
      ),
    );
  });
});
