/**
 * Meeting passcodes in `roster.json`: sealed under the keychain's key, kept only in memory
 * without one, and an older roster's plain passcodes still load and leave the file at once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/main/log/logger';
import {
  createPasscodeSeal,
  type PasscodeSeal,
} from '../../../../src/main/persistence/passcode-seal';
import { createRosterStore } from '../../../../src/main/persistence/roster-store';
import type { RosterBot } from '../../../../src/main/persistence/roster-schema';
import { toStoppedBot } from '../../../../src/main/persistence/stopped-relaunch';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'botdeck-passcodes-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const PASSCODE = 'Pq7x2z';
const store = (seal: PasscodeSeal | null) =>
  createRosterStore({ dataDir: dir, now: () => 5, logger: silentLogger, seal });
const fileText = () => readFile(join(dir, 'roster.json'), 'utf8');

const bot = (id: string, passcode: string | null = PASSCODE): RosterBot => ({
  id,
  name: `Bot ${id}`,
  meetingNumber: '81234567890',
  passcode,
  accountId: 'sandbox',
  state: 'in_meeting',
  createdAt: 1,
  launchId: 'L1',
});

/** A bot as Botdeck 0.1 wrote it: the passcode in the clear. */
const oldEntry = (id: string) => ({ ...bot(id), passcode: PASSCODE });

describe('meeting passcodes at rest', () => {
  it('are sealed in the file and open again at the next start under the same key', async () => {
    const seal = createPasscodeSeal(randomBytes(32));
    await store(seal).addLaunched([bot('a'), bot('b', '')]);
    expect(await fileText()).not.toContain(PASSCODE);

    const next = store(seal);
    await next.load();
    expect(next.stopped().map((b) => [b.id, b.passcode])).toEqual([
      ['a', PASSCODE],
      ['b', ''],
    ]);
    expect(next.stopped().map((b) => toStoppedBot(b).needsPasscode)).toEqual([false, false]);
  });

  it('without a keychain stay in memory only: after a restart the relaunch must ask', async () => {
    const first = store(null);
    await first.addLaunched([bot('a'), bot('b', '')]);
    expect(await fileText()).not.toContain(PASSCODE);
    const stopped = await first.stopAll(9);
    expect(stopped.map((b) => b.passcode)).toEqual([PASSCODE, '']);

    const next = store(null);
    await next.load();
    expect(next.stopped().map((b) => [b.id, toStoppedBot(b).needsPasscode])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('from an older roster still load, and the file loses them at once', async () => {
    const roster = {
      version: 1,
      bots: [oldEntry('a')],
      stopped: [{ ...oldEntry('b'), stoppedAt: 2 }],
    };
    for (const seal of [createPasscodeSeal(randomBytes(32)), null]) {
      await writeFile(join(dir, 'roster.json'), JSON.stringify(roster));
      const loaded = store(seal);
      await loaded.load();
      expect(loaded.stopped().map((b) => [b.id, b.passcode])).toEqual([
        ['b', PASSCODE],
        ['a', PASSCODE],
      ]);
      expect(await fileText()).not.toContain(PASSCODE);
    }
  });

  it('sealed under a key that is not here right now ride along unchanged, not lost', async () => {
    const seal = createPasscodeSeal(randomBytes(32));
    await store(seal).addLaunched([bot('a')]);
    await store(null).load();
    const back = store(seal);
    await back.load();
    expect(back.stopped().map((b) => b.passcode)).toEqual([PASSCODE]);
  });

  it('sealed under another key are unknown, so the relaunch asks', async () => {
    await store(createPasscodeSeal(randomBytes(32))).addLaunched([bot('a')]);
    const other = store(createPasscodeSeal(randomBytes(32)));
    await other.load();
    expect(other.stopped().map((b) => toStoppedBot(b).needsPasscode)).toEqual([true]);
  });
});
