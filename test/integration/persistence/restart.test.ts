import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { addFault, call, createMeeting, participants } from '../../support/sandbox-client';
import {
  filesHolding,
  killedHostDataDir,
  secretsOfRun,
  startDeck,
  type Deck,
} from './persistence-kit';

const NAMES = ['Support 1', 'Support 2', 'Support 3'];

let sandbox: RunningSandbox;
let dirs: string[];
let decks: Deck[];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'botdeck-restart-'));
  dirs.push(dir);
  return dir;
}

async function deckOn(dir: string, keychain = true): Promise<Deck> {
  const deck = await startDeck(sandbox, dir, {}, { keychain });
  decks.push(deck);
  return deck;
}

interface RosterOnDisk {
  bots: { id: string; name: string; passcode?: string; sealedPasscode?: string; state: string }[];
  stopped: { id: string; name: string }[];
}
const rosterIn = async (dir: string): Promise<RosterOnDisk> =>
  JSON.parse(await readFile(join(dir, 'roster.json'), 'utf8')) as RosterOnDisk;

const namesIn = async (meetingNumber: string): Promise<string[]> =>
  (await participants(sandbox, meetingNumber)).map((p) => p.displayName).sort();

/**
 * Launches the support bots with a slow ZAK endpoint, so the launch is still under way, and
 * "kills" the host: the data folder as it is on disk right after the launch was accepted.
 */
async function killMidLaunch(
  meeting: { meetingNumber: string; passcode: string },
  keychain = true,
) {
  const dir = await dataDir();
  const first = await deckOn(dir, keychain);
  await addFault(sandbox, { target: 'zak', latencyMs: 1_500, fraction: 1 });
  const { botIds } = await first.call('bots:launch', {
    meeting: meeting.meetingNumber,
    passcode: meeting.passcode,
    names: NAMES,
  });
  const roster = await rosterIn(dir);
  const afterKill = await killedHostDataDir(dir);
  dirs.push(afterKill);
  await call(sandbox, 'DELETE', '/sandbox/faults');
  await first.botdeck.dispose();
  return { botIds, roster, dir: afterKill };
}

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
  dirs = [];
  decks = [];
});
afterEach(async () => {
  await Promise.all(decks.map((deck) => deck.botdeck.dispose()));
  await sandbox.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the roster across a restart', () => {
  it('is on disk, passcodes sealed, as soon as a launch is accepted, while the bots are still minting', async () => {
    const meeting = await createMeeting(sandbox);
    const { botIds, roster } = await killMidLaunch(meeting);

    expect(roster.bots.map((bot) => bot.id)).toEqual(botIds);
    expect(roster.bots.map((bot) => bot.name)).toEqual(NAMES);
    expect(roster.bots.every((bot) => bot.sealedPasscode !== undefined)).toBe(true);
    expect(JSON.stringify(roster)).not.toContain(meeting.passcode);
    expect(roster.bots.map((bot) => bot.state)).not.toContain('in_meeting');
  });

  it('lists the bots of a killed host as stopped by app restart, and Relaunch puts them back in the meeting with their names', async () => {
    const meeting = await createMeeting(sandbox);
    const killed = await killMidLaunch(meeting);
    await vi.waitFor(async () => expect(await namesIn(meeting.meetingNumber)).toEqual([]));

    const next = await deckOn(killed.dir);
    const snapshot = await next.snapshot();
    expect(snapshot.bots).toEqual([]);
    expect(snapshot.stoppedByRestart.map((bot) => [bot.id, bot.name, bot.meetingNumber])).toEqual(
      killed.botIds.map((id, i) => [id, NAMES[i], meeting.meetingNumber]),
    );
    expect(JSON.stringify(snapshot.stoppedByRestart)).not.toContain(meeting.passcode);
    // The file keeps them as stopped (a second restart still lists them), not as live bots.
    expect((await rosterIn(killed.dir)).bots).toEqual([]);
    expect((await rosterIn(killed.dir)).stopped.map((bot) => bot.id)).toEqual(killed.botIds);

    const relaunched = await next.call('bots:relaunch', { ids: killed.botIds });
    expect(relaunched.stoppedByRestart).toEqual([]);
    expect(relaunched.botIds).toHaveLength(NAMES.length);
    await vi.waitFor(async () => expect(await namesIn(meeting.meetingNumber)).toEqual(NAMES), {
      timeout: 15_000,
    });
    expect((await next.snapshot()).stoppedByRestart).toEqual([]);
    expect((await rosterIn(killed.dir)).bots.map((bot) => bot.name)).toEqual(NAMES);
  });

  it('without a keychain, asks for the passcode after a restart, and relaunches with it', async () => {
    const meeting = await createMeeting(sandbox);
    const killed = await killMidLaunch(meeting, false);
    expect(JSON.stringify(killed.roster)).not.toContain(meeting.passcode);
    await vi.waitFor(async () => expect(await namesIn(meeting.meetingNumber)).toEqual([]));

    const next = await deckOn(killed.dir, false);
    const stopped = (await next.snapshot()).stoppedByRestart;
    expect(stopped.map((bot) => bot.needsPasscode)).toEqual([true, true, true]);
    const refused = await next.botdeck.handleDashboard('bots:relaunch', { ids: killed.botIds });
    expect(refused).toMatchObject({ ok: false, error: { code: 'passcode_needed' } });

    const passcodes = Object.fromEntries(killed.botIds.map((id) => [id, meeting.passcode]));
    await next.call('bots:relaunch', { ids: killed.botIds, passcodes });
    await vi.waitFor(async () => expect(await namesIn(meeting.meetingNumber)).toEqual(NAMES), {
      timeout: 15_000,
    });
    expect(await readFile(join(killed.dir, 'roster.json'), 'utf8')).not.toContain(meeting.passcode);
  });

  it('relaunches automatically at start when the setting is on, and says so', async () => {
    const meeting = await createMeeting(sandbox);
    const dir = await dataDir();
    const first = await deckOn(dir);
    await first.call('settings:relaunch-after-restart', { enabled: true });
    expect((await first.snapshot()).relaunchAfterRestart).toBe(true);
    await first.call('bots:launch', { ...meeting, meeting: meeting.meetingNumber, names: NAMES });
    await vi.waitFor(async () => expect(await namesIn(meeting.meetingNumber)).toEqual(NAMES), {
      timeout: 15_000,
    });
    // A clean quit: the bots leave, and the next start is to bring them back.
    await first.botdeck.dispose();
    expect(await namesIn(meeting.meetingNumber)).toEqual([]);

    const next = await deckOn(dir);
    await vi.waitFor(async () => expect(await namesIn(meeting.meetingNumber)).toEqual(NAMES), {
      timeout: 15_000,
    });
    const snapshot = await next.snapshot();
    expect(snapshot.stoppedByRestart).toEqual([]);
    expect(snapshot.relaunchAfterRestart).toBe(true);
    expect(snapshot.notices).toContain(
      'Relaunched 3 bots that were running when Botdeck stopped ("Relaunch automatically after ' +
        'a restart" is on).',
    );
  });

  it('refuses to relaunch bots whose account is gone, in words, and Dismiss forgets them', async () => {
    const meeting = await createMeeting(sandbox);
    const killed = await killMidLaunch(meeting);
    const roster = await rosterIn(killed.dir);
    const edited = {
      ...roster,
      bots: roster.bots.map((bot) => ({ ...bot, accountId: 'zoom-gone' })),
    };
    await writeFile(join(killed.dir, 'roster.json'), JSON.stringify(edited));

    const next = await deckOn(killed.dir);
    const result = await next.botdeck.handleDashboard('bots:relaunch', { ids: killed.botIds });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown_account',
        message:
          'Support 1, Support 2 and Support 3 cannot be relaunched: the account they were ' +
          'launched with is no longer set up in Botdeck. Add the account again, or dismiss them.',
      },
    });
    const left = await next.call('bots:dismiss-stopped', {
      ids: killed.botIds.slice(0, 2),
    });
    expect(left.stoppedByRestart.map((bot) => bot.name)).toEqual(['Support 3']);
    expect((await rosterIn(killed.dir)).stopped.map((bot) => bot.name)).toEqual(['Support 3']);
  });

  it('sets a torn roster aside with a notice instead of replacing it', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'roster.json'), '{"version":1,"bots":[{"id":"abc","name":"Supp');
    const deck = await deckOn(dir);

    const snapshot = await deck.snapshot();
    expect(snapshot.stoppedByRestart).toEqual([]);
    expect(snapshot.notices).toEqual([
      expect.stringMatching(
        /^roster\.json was unreadable \(not valid JSON\) and was set aside as roster\.corrupt-[\dTZ-]+\.json\. Bots that were running before this start cannot be listed for relaunch/,
      ),
    ]);
    const aside = (await readdir(dir)).filter((name) => name.startsWith('roster.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] as string), 'utf8')).toContain('"name":"Supp');
  });

  it('writes no secret to any file in the data folder', async () => {
    const meeting = await createMeeting(sandbox);
    const dir = await dataDir();
    const deck = await deckOn(dir);
    await deck.call('settings:relaunch-after-restart', { enabled: true });
    await deck.call('bots:launch', {
      meeting: meeting.meetingNumber,
      passcode: meeting.passcode,
      names: NAMES,
    });
    await vi.waitFor(async () => expect(await namesIn(meeting.meetingNumber)).toEqual(NAMES), {
      timeout: 15_000,
    });
    await deck.botdeck.dispose();

    const secrets = await secretsOfRun(sandbox);
    expect(secrets.length).toBeGreaterThan(NAMES.length + 2);
    for (const secret of secrets) expect(secret.length).toBeGreaterThan(8);
    expect((await readdir(dir)).sort()).toEqual([
      'history.jsonl',
      'presets.json',
      'roster.json',
      'settings.json',
    ]);
    expect(await filesHolding(dir, secrets)).toEqual([]);
  });
});
