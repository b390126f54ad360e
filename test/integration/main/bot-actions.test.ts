/**
 * Chat, renames and relaunching under a new name through Botdeck's own composition (router,
 * fleet, persistence on a data folder) with pages that speak HTTP to a real sandbox: what the
 * meeting's chat log and participant list show afterwards, what the rows say, and what the
 * history keeps.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type { BotView } from '../../../src/shared/ipc-contract';
import { startDeck, type Deck } from '../persistence/persistence-kit';
import { chatLog, createMeeting, participants } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let dir: string;
let deck: Deck;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
  dir = await mkdtemp(join(tmpdir(), 'botdeck-actions-'));
  deck = await startDeck(sandbox, dir);
});
afterEach(async () => {
  await deck.botdeck.dispose();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const bot = async (id: string): Promise<BotView> => {
  const found = (await deck.snapshot()).bots.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no bot ${id}`);
  return found;
};
/** What was said in the meeting's chat, oldest first, as `who: text`. */
const said = async (meetingNumber: string): Promise<string[]> =>
  (await chatLog(sandbox, meetingNumber)).map((line) => `${line.displayName}: ${line.text}`);
const waitFor = (id: string, check: (view: BotView) => boolean) =>
  vi.waitFor(async () => expect(check(await bot(id))).toBe(true), { timeout: 15_000 });

async function launch(
  meeting: { meetingNumber: string; passcode: string },
  names: string[],
  chatOnJoin?: string,
): Promise<string[]> {
  const { botIds } = await deck.call('bots:launch', {
    meeting: meeting.meetingNumber,
    passcode: meeting.passcode,
    names,
    chatOnJoin,
  });
  return botIds;
}

describe('chat through the sandbox', () => {
  it('each bot says its chat message on join under its name; one message goes to all', async () => {
    const meeting = await createMeeting(sandbox);
    const ids = await launch(meeting, ['Ada', 'Grace'], 'Hello, I am {name} from support.');
    for (const id of ids) await waitFor(id, (view) => view.activity?.outcome === 'done');
    expect((await said(meeting.meetingNumber)).sort()).toEqual([
      'Ada: Hello, I am Ada from support.',
      'Grace: Hello, I am Grace from support.',
    ]);

    expect(
      await deck.call('bots:chat', { meetingNumber: meeting.meetingNumber, text: 'Thanks!' }),
    ).toEqual({ asked: 2 });
    await vi.waitFor(async () => expect(await said(meeting.meetingNumber)).toHaveLength(4));
    expect((await said(meeting.meetingNumber)).slice(2).sort()).toEqual([
      'Ada: Thanks!',
      'Grace: Thanks!',
    ]);
    const chats = (await deck.history()).filter((entry) => entry.kind === 'chat');
    expect(chats).toHaveLength(4);
    expect(chats.every((entry) => entry.kind === 'chat' && entry.sent)).toBe(true);
  });

  it('a meeting with chat turned off refuses, and the row says so in words', async () => {
    const meeting = await createMeeting(sandbox, { chatDisabled: true });
    const [ada] = (await launch(meeting, ['Ada'], 'Hello')) as [string];
    await waitFor(ada, (view) => view.activity?.outcome === 'refused');
    expect((await bot(ada)).activity?.message).toBe(
      'Chat is turned off in this meeting: the host does not let participants chat.',
    );
    expect(await said(meeting.meetingNumber)).toEqual([]);
  });
});

describe('names through the sandbox', () => {
  it('renames a bot in the meeting where the meeting allows it', async () => {
    const meeting = await createMeeting(sandbox);
    const [ada] = (await launch(meeting, ['Ada'])) as [string];
    await waitFor(ada, (view) => view.state === 'in_meeting');
    await deck.call('bots:rename', { botId: ada, name: 'Ada Lovelace' });
    await waitFor(ada, (view) => view.name === 'Ada Lovelace');
    expect((await participants(sandbox, meeting.meetingNumber)).map((p) => p.displayName)).toEqual([
      'Ada Lovelace',
    ]);
  });

  it('keeps the name where the host forbids renaming, and says so', async () => {
    const meeting = await createMeeting(sandbox, { allowRename: false });
    const [ada] = (await launch(meeting, ['Ada'])) as [string];
    await waitFor(ada, (view) => view.state === 'in_meeting');
    await deck.call('bots:rename', { botId: ada, name: 'Other' });
    await waitFor(ada, (view) => view.activity?.outcome === 'refused');
    expect(await bot(ada)).toMatchObject({
      name: 'Ada',
      activity: { message: expect.stringMatching(/does not let participants rename themselves/) },
    });
    expect((await participants(sandbox, meeting.meetingNumber))[0]?.displayName).toBe('Ada');
  });

  it('relaunches a left bot into the same meeting under a new name, kept in the roster', async () => {
    const meeting = await createMeeting(sandbox);
    const [ada] = (await launch(meeting, ['Ada'])) as [string];
    await waitFor(ada, (view) => view.state === 'in_meeting');
    await deck.call('bots:leave', { botId: ada });
    await waitFor(ada, (view) => view.state === 'left');
    const { botId } = await deck.call('bots:relaunch-as', { botId: ada, name: 'Ada, again' });
    await waitFor(botId, (view) => view.state === 'in_meeting');
    expect((await participants(sandbox, meeting.meetingNumber)).map((p) => p.displayName)).toEqual([
      'Ada, again',
    ]);
    const launches = (await deck.history()).filter((entry) => entry.kind === 'launch');
    expect(launches[0]).toMatchObject({ names: ['Ada, again'], botIds: [botId] });
  });
});
