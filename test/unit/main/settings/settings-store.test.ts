import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultSettings,
  type AccountRecordInput,
} from '../../../../src/main/settings/settings-schema';
import { createSettingsStore } from '../../../../src/main/settings/settings-store';

const NOW = Date.UTC(2026, 10, 28, 1, 5, 26, 123);
const STAMP = '2026-11-28T01-05-26-123Z';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'botdeck-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const store = () => createSettingsStore({ dir, now: () => NOW });
const settingsPath = () => join(dir, 'settings.json');

function account(id: string, overrides: Partial<AccountRecordInput> = {}): AccountRecordInput {
  return {
    id,
    label: `Account ${id}`,
    s2sAccountId: `s2s-${id}`,
    clientId: `client-${id}`,
    sdkKey: `sdk-${id}`,
    userId: `${id}@example.com`,
    plan: 'pro',
    ...overrides,
  };
}

describe('settings store', () => {
  it('starts with defaults and no notice when there is no file, without creating one', async () => {
    const loaded = await store().load();
    expect(loaded).toEqual({ settings: defaultSettings(), notices: [] });
    // No launch pace: the fleet's default per kind of bot applies (launch-pace.ts).
    expect(loaded.settings.launchDefaults).toEqual({
      joinTimeoutMs: 60_000,
      waitingRoomTimeoutMs: 15 * 60_000,
      aloneTimeoutMs: 5 * 60_000,
      maxDurationMs: null,
      reconnectAttempts: 5,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps accounts and settings across a restart', async () => {
    const first = store();
    await first.upsertAccount(account('alpha'));
    await first.upsertAccount(account('beta', { plan: 'business' }));
    await first.update({ launchDefaults: { concurrency: 8 }, defaultAccountId: 'beta' });

    const { settings, notices } = await store().load();
    expect(notices).toEqual([]);
    expect(settings.accounts.map((a) => [a.id, a.plan, a.lastTest])).toEqual([
      ['alpha', 'pro', null],
      ['beta', 'business', null],
    ]);
    expect(settings.defaultAccountId).toBe('beta');
    expect(settings.launchDefaults.concurrency).toBe(8);
    expect(settings.launchDefaults.joinTimeoutMs).toBe(60_000);
  });

  it('replaces an account in place and records its last connection test', async () => {
    const settings = store();
    await settings.upsertAccount(account('alpha'));
    await settings.upsertAccount(account('beta'));
    const lastTest = { at: NOW, ok: false, summary: 'Bad client secret.' };
    await settings.upsertAccount(account('alpha', { label: 'Renamed', lastTest }));

    expect(await settings.listAccounts()).toMatchObject([
      { id: 'alpha', label: 'Renamed', lastTest },
      { id: 'beta' },
    ]);
    expect(await settings.getAccount('alpha')).toMatchObject({ label: 'Renamed' });
    expect(await settings.getAccount('nobody')).toBeNull();
  });

  it('removes an account and clears it as the default', async () => {
    const settings = store();
    await settings.upsertAccount(account('alpha'));
    await settings.update({ defaultAccountId: 'alpha' });

    expect(await settings.removeAccount('alpha')).toBe(true);
    expect(await settings.removeAccount('alpha')).toBe(false);
    const { settings: reloaded } = await store().load();
    expect(reloaded.accounts).toEqual([]);
    expect(reloaded.defaultAccountId).toBeNull();
  });

  it('loses no change when many are made at once', async () => {
    const settings = store();
    const ids = Array.from({ length: 25 }, (_, i) => `acct-${i}`);
    await Promise.all([
      ...ids.map((id) => settings.upsertAccount(account(id))),
      settings.update({ relaunchAfterRestart: true }),
      settings.update({ notifications: false }),
      settings.update({ launchDefaults: { reconnectAttempts: 2 } }),
    ]);

    const { settings: reloaded } = await store().load();
    expect(reloaded.accounts.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(reloaded.relaunchAfterRestart).toBe(true);
    expect(reloaded.notifications).toBe(false);
    expect(reloaded.launchDefaults.reconnectAttempts).toBe(2);
  });

  it('sets a corrupt settings file aside and tells the operator it started with defaults', async () => {
    await writeFile(settingsPath(), '{"version":1,"accounts":[{"id":"alp');
    const { settings, notices } = await store().load();

    expect(settings).toEqual(defaultSettings());
    expect(notices).toEqual([
      {
        code: 'settings_set_aside',
        setAsidePath: join(dir, `settings.corrupt-${STAMP}.json`),
        message:
          `settings.json was unreadable (not valid JSON) and was set aside as ` +
          `settings.corrupt-${STAMP}.json; Botdeck started with default settings. Accounts saved ` +
          'in it must be added again (their secrets are still in the system keychain).',
      },
    ]);
    expect(await readdir(dir)).toEqual([`settings.corrupt-${STAMP}.json`]);
  });

  it('sets aside a settings file of the wrong shape, naming the field', async () => {
    const bad = { version: 1, accounts: [{ ...account('alpha'), plan: 'enterprise-ultra' }] };
    await writeFile(settingsPath(), JSON.stringify(bad));
    const { notices } = await store().load();

    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(
      /^settings\.json was not in the expected format \(accounts\.0\.plan: .*\) and was set aside as settings\.corrupt-.*; Botdeck started with default settings\./,
    );
  });

  it('never writes over a set-aside file: the next change starts a fresh settings.json', async () => {
    await writeFile(settingsPath(), 'not json at all');
    const settings = store();
    await settings.upsertAccount(account('fresh'));

    expect(await readFile(join(dir, `settings.corrupt-${STAMP}.json`), 'utf8')).toBe(
      'not json at all',
    );
    expect((await store().load()).settings.accounts.map((a) => a.id)).toEqual(['fresh']);
  });

  it('never writes a secret to disk, even one handed in by mistake', async () => {
    const clientSecret = 'canaryClientSecret0123456789abcd';
    const sdkSecret = 'canarySdkSecret0123456789abcdefg';
    const settings = store();
    // A caller that spreads a whole form (secrets included) into the record.
    const careless = { ...account('alpha'), clientSecret, sdkSecret } as AccountRecordInput;
    const saved = await settings.upsertAccount(careless);
    await settings.update({ relaunchAfterRestart: true });

    expect(JSON.stringify(saved)).not.toContain(clientSecret);
    for (const name of await readdir(dir)) {
      const text = await readFile(join(dir, name), 'utf8');
      expect(text).not.toContain(clientSecret);
      expect(text).not.toContain(sdkSecret);
      expect(text).not.toMatch(/secret/i);
    }
  });

  it('refuses invalid input with the field and rule, and changes nothing', async () => {
    const settings = store();
    await settings.upsertAccount(account('alpha'));
    const before = await readFile(settingsPath(), 'utf8');

    await expect(settings.upsertAccount(account('bad:id'))).rejects.toMatchObject({
      name: 'SettingsInputError',
      message: expect.stringMatching(/^Invalid account \(id\): An account id is 1–64 letters/),
    });
    await expect(settings.update({ launchDefaults: { concurrency: 0 } })).rejects.toMatchObject({
      name: 'SettingsInputError',
    });
    await expect(
      settings.update({ accounts: [] } as unknown as Parameters<typeof settings.update>[0]),
    ).rejects.toMatchObject({ name: 'SettingsInputError' });
    await expect(settings.update({ defaultAccountId: 'nobody' })).rejects.toMatchObject({
      message: 'Invalid settings change (defaultAccountId): no such account.',
    });
    expect(await readFile(settingsPath(), 'utf8')).toBe(before);
  });

  it('hands out copies, so editing a returned object changes nothing stored', async () => {
    const settings = store();
    await settings.upsertAccount(account('alpha'));
    const [listed] = await settings.listAccounts();
    if (listed) listed.label = 'Edited outside';
    expect((await settings.getAccount('alpha'))?.label).toBe('Account alpha');
  });
});
