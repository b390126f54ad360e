import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../src/main/log/logger';
import { createPasscodeSeal } from '../../../../src/main/persistence/passcode-seal';
import { createRosterStore } from '../../../../src/main/persistence/roster-store';
import type { RosterBot } from '../../../../src/main/persistence/roster-schema';
import type { BotView } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';

let dir: string;
let clock: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'botdeck-roster-'));
  clock = Date.UTC(2026, 10, 28, 9, 0, 0);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const SEAL = createPasscodeSeal(randomBytes(32));
const store = (coalesceMs = 10) =>
  createRosterStore({
    dataDir: dir,
    now: () => clock,
    logger: silentLogger,
    coalesceMs,
    seal: SEAL,
  });
const rosterPath = () => join(dir, 'roster.json');
const onDisk = async () =>
  JSON.parse(await readFile(rosterPath(), 'utf8')) as { bots: RosterBot[]; stopped: RosterBot[] };

function bot(id: string, overrides: Partial<RosterBot> = {}): RosterBot {
  return {
    id,
    name: `Bot ${id}`,
    meetingNumber: '81234567890',
    passcode: 'Pq7x2z',
    accountId: 'sandbox',
    state: 'queued',
    createdAt: 1_000,
    launchId: 'launch-1',
    ...overrides,
  };
}

const view = (id: string, state: BotView['state']): BotView =>
  makeBot({ id, state, meetingNumber: '81234567890' });

describe('roster', () => {
  it('is on disk, passcodes sealed, as soon as a launch is recorded, in a 0600 file', async () => {
    const roster = store(60_000);
    await roster.load();
    await roster.addLaunched([bot('a'), bot('b')]);

    const disk = (await onDisk()).bots as unknown as Record<string, unknown>[];
    expect(disk.map((b) => b.id)).toEqual(['a', 'b']);
    for (const entry of disk) {
      expect(entry.passcode).toBeUndefined();
      expect(SEAL.open(String(entry.id), String(entry.sealedPasscode))).toBe('Pq7x2z');
    }
    expect(await readFile(rosterPath(), 'utf8')).not.toContain('Pq7x2z');
    if (process.platform !== 'win32') {
      expect((await stat(rosterPath())).mode & 0o777).toBe(0o600);
    }
  });

  it('follows state changes in coalesced writes and drops bots that leave or fail', async () => {
    const roster = store();
    await roster.addLaunched([bot('a'), bot('b'), bot('c')]);
    roster.applyViews([view('a', 'minting'), view('b', 'minting')]);
    roster.applyViews([view('a', 'in_meeting'), view('b', 'failed'), view('c', 'leaving')]);

    await vi.waitFor(async () =>
      expect((await onDisk()).bots.map((b) => [b.id, b.state])).toEqual([['a', 'in_meeting']]),
    );
  });

  it('never writes a field the schema does not name', async () => {
    const roster = store();
    const withSecret = { ...bot('a'), zak: 'zak-canary', signature: 'sig-canary' } as RosterBot;
    await roster.addLaunched([withSecret]);
    const text = await readFile(rosterPath(), 'utf8');
    expect(text).not.toContain('canary');
  });

  it('on the next start lists the last run’s bots as stopped and clears them from the live list', async () => {
    const first = store();
    await first.addLaunched([bot('a'), bot('b')]);

    clock += 60_000;
    const second = store();
    const loaded = await second.load();
    expect(loaded.notice).toBeNull();
    expect(loaded.newlyStopped.map((b) => [b.id, b.stoppedAt])).toEqual([
      ['a', clock],
      ['b', clock],
    ]);
    expect(second.stopped().map((b) => b.id)).toEqual(['a', 'b']);
    const disk = await onDisk();
    expect(disk.bots).toEqual([]);
    expect(disk.stopped.map((b) => b.id)).toEqual(['a', 'b']);
  });

  it('keeps stopped bots through a second restart until they are taken or dismissed', async () => {
    await store().addLaunched([bot('a'), bot('b')]);
    await store().load();

    clock += 60_000;
    const third = store();
    const loaded = await third.load();
    expect(loaded.newlyStopped).toEqual([]);
    expect(third.stopped().map((b) => b.id)).toEqual(['a', 'b']);

    expect(third.takeStopped(['b', 'nope']).map((b) => b.id)).toEqual(['b']);
    await third.save();
    expect((await onDisk()).stopped.map((b) => b.id)).toEqual(['a']);
  });

  it('sets a corrupt roster aside with a notice and never silently replaces it', async () => {
    await writeFile(rosterPath(), '{"version":1,"bots":[{"id":"a","na');
    const roster = store();
    const loaded = await roster.load();

    expect(loaded.notice).toMatch(
      /^roster\.json was unreadable \(not valid JSON\) and was set aside as roster\.corrupt-.*\.json\. Bots that were running/,
    );
    expect(roster.stopped()).toEqual([]);
    const names = await readdir(dir);
    const aside = names.find((name) => name.startsWith('roster.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside as string), 'utf8')).toBe(
      '{"version":1,"bots":[{"id":"a","na',
    );
  });

  it('on a clean quit lists the live bots as stopped and ignores their leaving', async () => {
    const roster = store();
    await roster.addLaunched([bot('a')]);
    clock += 5_000;
    const stopped = await roster.stopAll(clock);
    roster.applyViews([view('a', 'left')]);
    await roster.close();

    expect(stopped.map((b) => [b.id, b.stoppedAt])).toEqual([['a', clock]]);
    const disk = await onDisk();
    expect(disk.bots).toEqual([]);
    expect(disk.stopped.map((b) => b.id)).toEqual(['a']);
  });
});
