import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type { AppSnapshot, HistoryEntry } from '../../../src/shared/ipc-contract';
import { createMeeting } from '../../support/sandbox-client';
import { filesHolding, secretsOfRun, startDeck, stateOf, type Deck } from './persistence-kit';

let sandbox: RunningSandbox;
let dir: string;
let deck: Deck | null;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
  dir = await mkdtemp(join(tmpdir(), 'botdeck-history-'));
  deck = null;
});
afterEach(async () => {
  await deck?.botdeck.dispose();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

/** The entries as the dashboard lists them, oldest first, without times and ids. */
const story = (entries: HistoryEntry[]) =>
  [...entries].reverse().map((entry) => {
    switch (entry.kind) {
      case 'launch':
        return `launch ${entry.names.join(', ')}${entry.relaunch ? ' (relaunch)' : ''}`;
      case 'join':
        return `join ${entry.name}`;
      case 'leave':
        return `leave ${entry.name}: ${entry.reason ?? ''}`;
      case 'failure':
        return `failure ${entry.name}: ${entry.code ?? ''} ${entry.message}`;
      case 'stopped':
        return `stopped ${entry.name}`;
      case 'chat':
        return `chat ${entry.name}: ${entry.text}`;
      case 'rename':
        return `rename ${entry.from} to ${entry.to}`;
    }
  });

describe('the history log', () => {
  it('records a launch, each join, a leave with its reason and a failure with its code', async () => {
    deck = await startDeck(sandbox, dir);
    const meeting = await createMeeting(sandbox);
    const { botIds } = await deck.call('bots:launch', {
      meeting: meeting.meetingNumber,
      passcode: meeting.passcode,
      names: ['Ada', 'Grace'],
    });
    const [ada, grace] = botIds as [string, string];
    await vi.waitFor(async () => expect(await stateOf(deck as Deck, grace)).toBe('in_meeting'));
    await vi.waitFor(async () => expect(await stateOf(deck as Deck, ada)).toBe('in_meeting'));
    await deck.call('bots:leave', { botId: ada });
    await vi.waitFor(async () => expect(await stateOf(deck as Deck, ada)).toBe('left'));
    // A meeting that does not exist: the join fails with Zoom's 3001.
    const { botIds: lost } = await deck.call('bots:launch', {
      meeting: '999000111',
      names: ['Linus'],
    });
    await vi.waitFor(async () => expect(await stateOf(deck as Deck, lost[0] ?? '')).toBe('failed'));

    const entries = await deck.history();
    const lines = story(entries);
    expect(lines.slice(0, 1)).toEqual(['launch Ada, Grace']);
    expect(lines.slice(1, 3).sort()).toEqual(['join Ada', 'join Grace']);
    expect(lines.slice(3)).toEqual([
      'leave Ada: Left at the operator’s request.',
      'launch Linus',
      expect.stringMatching(/^failure Linus: 3001 /),
    ]);
    const times = [...entries].reverse().map((entry) => entry.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect((await deck.history(2)).map((entry) => entry.kind)).toEqual(['failure', 'launch']);
  });

  it('rotates by size and exports every kept entry as JSON lines, oldest first', async () => {
    deck = await startDeck(sandbox, dir, { persistence: { dataDir: dir, historyMaxBytes: 600 } });
    const meeting = await createMeeting(sandbox);
    for (const name of ['A', 'B', 'C', 'D']) {
      const { botIds } = await deck.call('bots:launch', {
        meeting: meeting.meetingNumber,
        passcode: meeting.passcode,
        names: [name],
      });
      await vi.waitFor(async () =>
        expect(await stateOf(deck as Deck, botIds[0] ?? '')).toBe('in_meeting'),
      );
    }
    await deck.history();

    expect(await readdir(dir)).toEqual(
      expect.arrayContaining(['history.jsonl', 'history.1.jsonl']),
    );
    const exported = await deck.call('history:export');
    const lines = exported.jsonl.trimEnd().split('\n');
    expect(lines).toHaveLength(exported.count);
    const parsed = lines.map((line) => JSON.parse(line) as HistoryEntry);
    expect(parsed.at(-1)).toMatchObject({ kind: 'join', name: 'D' });
    expect(parsed.map((entry) => entry.at)).toEqual(
      [...parsed.map((entry) => entry.at)].sort((a, b) => a - b),
    );
  });

  it('a clean quit lists the bots as stopped and says why they left; no file holds a secret', async () => {
    deck = await startDeck(sandbox, dir);
    const meeting = await createMeeting(sandbox);
    const { botIds } = await deck.call('bots:launch', {
      meeting: meeting.meetingNumber,
      passcode: meeting.passcode,
      names: ['Ada'],
    });
    await vi.waitFor(async () =>
      expect(await stateOf(deck as Deck, botIds[0] ?? '')).toBe('in_meeting'),
    );
    await deck.botdeck.dispose();

    deck = await startDeck(sandbox, dir);
    const snapshot: AppSnapshot = await deck.snapshot();
    expect(snapshot.stoppedByRestart.map((bot) => bot.name)).toEqual(['Ada']);
    expect(story(await deck.history()).slice(-2)).toEqual([
      'stopped Ada',
      'leave Ada: Left because Botdeck quit; listed for relaunch at the next start.',
    ]);
    const history = await readFile(join(dir, 'history.jsonl'), 'utf8');
    expect(history).not.toContain(meeting.passcode);
    expect(await filesHolding(dir, await secretsOfRun(sandbox))).toEqual([]);
  });
});
