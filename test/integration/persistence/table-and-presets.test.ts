/**
 * What outlives the app stays consistent with the table: bots cleared off it are gone from
 * the snapshot and the roster (nothing to relaunch after a restart) while the history keeps
 * them; presets and recent meetings come back after a restart with their passcodes (or ask for
 * them without a keychain); Peek answers with the bot's own page.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { createMeeting } from '../../support/sandbox-client';
import { filesHolding, secretsOfRun, startDeck, stateOf, type Deck } from './persistence-kit';

let sandbox: RunningSandbox;
let dir: string;
let deck: Deck | null;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
  dir = await mkdtemp(join(tmpdir(), 'botdeck-table-'));
  deck = null;
});
afterEach(async () => {
  await deck?.botdeck.dispose();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const rosterNames = async () =>
  (
    JSON.parse(await readFile(join(dir, 'roster.json'), 'utf8')) as { bots: { name: string }[] }
  ).bots.map((bot) => bot.name);

async function launchInto(
  d: Deck,
  meeting: { meetingNumber: string; passcode: string },
  names: string[],
) {
  const { botIds } = await d.call('bots:launch', {
    meeting: `https://zoom.us/j/${meeting.meetingNumber}?pwd=${meeting.passcode}`,
    names,
  });
  for (const id of botIds) {
    await vi.waitFor(async () => expect(await stateOf(d, id)).toBe('in_meeting'));
  }
  return botIds;
}

describe('Clear finished and what outlives the app', () => {
  it('cleared bots leave the snapshot and the roster, the history keeps them, and a restart relaunches none', async () => {
    deck = await startDeck(sandbox, dir);
    const meeting = await createMeeting(sandbox);
    const [ada] = (await launchInto(deck, meeting, ['Ada', 'Grace'])) as [string, string];
    await deck.call('bots:leave', { botId: ada });
    await vi.waitFor(async () => expect(await stateOf(deck as Deck, ada)).toBe('left'));

    expect(await deck.call('bots:clear-finished')).toEqual({ count: 1 });
    expect((await deck.snapshot()).bots.map((bot) => bot.name)).toEqual(['Grace']);
    await vi.waitFor(async () => expect(await rosterNames()).toEqual(['Grace']));
    const leaves = (await deck.history()).filter((entry) => entry.kind === 'leave');
    expect(leaves.map((entry) => entry.name)).toEqual(['Ada']);

    await deck.botdeck.dispose();
    deck = await startDeck(sandbox, dir);
    expect((await deck.snapshot()).stoppedByRestart.map((bot) => bot.name)).toEqual(['Grace']);
  });
});

describe('presets and recent meetings across restarts', () => {
  it('come back with their passcodes sealed on disk, or ask for them without a keychain', async () => {
    deck = await startDeck(sandbox, dir);
    const meeting = await createMeeting(sandbox);
    await deck.call('presets:save', {
      name: 'Weekly demo',
      form: {
        meeting: `https://zoom.us/j/${meeting.meetingNumber}?pwd=${meeting.passcode}`,
        names: ['Demo 1', 'Demo 2'],
        nameTemplate: 'Demo {n}',
        timeouts: { maxDurationMs: 3_600_000 },
      },
    });
    await launchInto(deck, meeting, ['Ada']);
    const kept = await deck.call('presets:list');
    expect(kept.recentMeetings.map((recent) => [recent.meetingNumber, recent.passcode])).toEqual([
      [meeting.meetingNumber, meeting.passcode],
    ]);
    expect(await readFile(join(dir, 'presets.json'), 'utf8')).not.toContain(meeting.passcode);
    await deck.botdeck.dispose();

    deck = await startDeck(sandbox, dir);
    expect(await deck.call('presets:list')).toEqual(kept);
    await deck.botdeck.dispose();

    deck = await startDeck(sandbox, dir, {}, { keychain: false });
    const asking = await deck.call('presets:list');
    expect(asking.presets.map((preset) => [preset.name, preset.passcode])).toEqual([
      ['Weekly demo', null],
    ]);
    expect(asking.recentMeetings.map((recent) => recent.passcode)).toEqual([null]);
    expect(await filesHolding(dir, await secretsOfRun(sandbox))).toEqual([]);
  });
});

describe('Peek through Botdeck', () => {
  it("answers with a still of the bot's own page, and says so in words when it has none", async () => {
    deck = await startDeck(sandbox, dir);
    const meeting = await createMeeting(sandbox);
    const [ada] = (await launchInto(deck, meeting, ['Ada'])) as [string];
    const frame = await deck.call('bots:peek', { botId: ada });
    const drawn = Buffer.from(frame.image.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
    expect(drawn.toString('utf8')).toBe(
      `Ada · meeting ${meeting.meetingNumber} · in_meeting · 1 in the meeting`,
    );
    expect(frame.width).toBe(320);

    await deck.call('bots:leave', { botId: ada });
    await vi.waitFor(async () => expect(await stateOf(deck as Deck, ada)).toBe('left'));
    const refused = await deck.botdeck.handleDashboard('bots:peek', { botId: ada, size: 'large' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'no_window' } });
    // Only the desktop app shows bot windows; this host cannot either.
    expect(await deck.botdeck.handleDashboard('bots:show-window', { botId: ada })).toMatchObject({
      ok: false,
      error: { code: 'not_available' },
    });
  });
});
