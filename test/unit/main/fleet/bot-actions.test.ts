/**
 * Chat messages, renames and relaunch plans through the fleet, with the test playing every bot
 * page: what each page is asked to do, what its row says at each step, what the history hears,
 * and what is refused (in words) when the bot is not where the request needs it.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../../src/main/fleet/bot-commands';
import type { BotCommand } from '../../../../src/shared/ipc-contract';
import { fleetHarness } from './fleet-harness';

function setup() {
  const harness = fleetHarness({ commandTimeoutMs: 15_000 });
  const history: ActivityEntry[] = [];
  harness.fleet.onActivity((entry) => history.push(entry));
  /** The commands of one kind sent to `botId`, oldest first. */
  const sent = <T extends BotCommand['type']>(botId: string, type: T) =>
    harness.windows.commands
      .filter(([id, command]) => id === botId && command.type === type)
      .map(([, command]) => command as Extract<BotCommand, { type: T }>);
  const answer = (
    botId: string,
    commandId: string,
    outcome: Partial<{
      ok: boolean;
      refusal: 'chat_disabled' | 'rename_not_allowed' | 'other';
      message: string;
    }> = {},
  ) =>
    harness.fleet.botCommandResult(botId, {
      commandId,
      ok: outcome.ok ?? true,
      refusal: outcome.refusal ?? null,
      code: null,
      message: outcome.message ?? null,
    });
  return { ...harness, history, sent, answer };
}

describe('chat', () => {
  it('says the chat message on join once per bot, with its own name, right after it first joins', async () => {
    const t = setup();
    const [ada, grace] = await t.launch(
      ['Ada', 'Grace'],
      undefined,
      {},
      {
        chatOnJoin: 'Hello, I am {name}.',
      },
    );
    await t.joinPage(ada as string);
    expect(t.sent(grace as string, 'chat')).toEqual([]);
    await t.joinPage(grace as string);
    const [toAda] = t.sent(ada as string, 'chat');
    expect(toAda?.text).toBe('Hello, I am Ada.');
    expect(t.sent(grace as string, 'chat').map((c) => c.text)).toEqual(['Hello, I am Grace.']);
    expect(t.view(ada as string).activity).toMatchObject({
      kind: 'chat',
      outcome: 'pending',
      message: 'Sending chat: “Hello, I am Ada.”…',
    });

    expect(t.answer(ada as string, toAda?.commandId ?? '').ok).toBe(true);
    expect(t.view(ada as string).activity).toMatchObject({
      outcome: 'done',
      message: 'Chat sent: “Hello, I am Ada.”',
    });
    expect(t.history).toEqual([
      expect.objectContaining({ kind: 'chat', name: 'Ada', text: 'Hello, I am Ada.', sent: true }),
    ]);

    // A drop and a rejoin do not say it again.
    await t.report(ada as string, 'disconnected');
    await t.clock.advance(3_000);
    await t.joinPage(ada as string);
    expect(t.view(ada as string).state).toBe('in_meeting');
    expect(t.sent(ada as string, 'chat')).toHaveLength(1);
  });

  it('goes to every bot of Botdeck’s in one meeting, and only to bots in it', async () => {
    const t = setup();
    const [ada, grace, linus] = await t.launch(['Ada', 'Grace', 'Linus']);
    await t.joinPage(ada as string);
    await t.joinPage(grace as string);
    const result = t.fleet.sendChat({ meetingNumber: '123456789' }, 'Thanks, all');
    expect(result).toEqual({ ok: true, value: { asked: 2 } });
    expect(t.sent(ada as string, 'chat').map((c) => c.text)).toEqual(['Thanks, all']);
    expect(t.sent(grace as string, 'chat')).toHaveLength(1);
    expect(t.sent(linus as string, 'chat')).toEqual([]);

    const other = t.fleet.sendChat({ meetingNumber: '987654321' }, 'Anyone?');
    expect(other).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/None of Botdeck's bots is in meeting 987654321/) },
    });
    const notIn = t.fleet.sendChat({ botIds: [linus as string] }, 'Hi');
    expect(notIn).toMatchObject({
      ok: false,
      error: { message: 'Linus is not in the meeting, so it cannot chat.' },
    });
  });

  it('says in words when the host turned chat off, or when the page never answers', async () => {
    const t = setup();
    const [ada] = await t.launch(['Ada']);
    await t.joinPage(ada as string);
    t.fleet.sendChat({ botIds: [ada as string] }, 'First');
    const [first] = t.sent(ada as string, 'chat');
    t.answer(ada as string, first?.commandId ?? '', { ok: false, refusal: 'chat_disabled' });
    expect(t.view(ada as string).activity).toMatchObject({
      outcome: 'refused',
      message: 'Chat is turned off in this meeting: the host does not let participants chat.',
    });
    expect(t.history.at(-1)).toMatchObject({
      kind: 'chat',
      sent: false,
      reason: expect.stringMatching(/turned off/),
    });

    t.fleet.sendChat({ botIds: [ada as string] }, 'Second');
    await t.clock.advance(15_000);
    expect(t.view(ada as string).activity?.message).toMatch(
      /did not say whether the chat message went out/,
    );
  });

  it('takes each answer once, and only from the bot it was sent to', async () => {
    const t = setup();
    const [ada, grace] = await t.launch(['Ada', 'Grace']);
    await t.joinPage(ada as string);
    await t.joinPage(grace as string);
    t.fleet.sendChat({ botIds: [ada as string] }, 'Mine');
    const [command] = t.sent(ada as string, 'chat');
    expect(t.answer(grace as string, command?.commandId ?? '').ok).toBe(false);
    expect(t.view(ada as string).activity?.outcome).toBe('pending');
    expect(t.answer(ada as string, command?.commandId ?? '').ok).toBe(true);
    expect(t.answer(ada as string, command?.commandId ?? '').ok).toBe(false);
    expect(t.history).toHaveLength(1);
  });
});

describe('names', () => {
  it('a queued or minting bot joins under its new name', async () => {
    let release: (zak: string) => void = () => undefined;
    const t = fleetHarness({
      concurrency: 1,
      mint: (n) =>
        n === 1 ? new Promise((resolve) => (release = resolve)) : Promise.resolve(`zak-${n}`),
    });
    const [first, second] = await t.launch(['First', 'Second']);
    expect([t.view(first as string).state, t.view(second as string).state]).toEqual([
      'minting',
      'queued',
    ]);
    expect(t.fleet.rename(first as string, 'First renamed').ok).toBe(true);
    expect(t.fleet.rename(second as string, 'Second renamed').ok).toBe(true);
    expect(t.view(second as string)).toMatchObject({
      name: 'Second renamed',
      activity: { outcome: 'done' },
    });
    release('zak-1');
    await t.clock.advance(0);
    expect(t.fleet.botReady(first as string)).toMatchObject({
      ok: true,
      value: { userName: 'First renamed' },
    });
    await t.report(first as string, 'in_meeting');
    expect(t.fleet.botReady(second as string)).toMatchObject({
      ok: true,
      value: { userName: 'Second renamed' },
    });
  });

  it('a bot in the meeting asks the meeting; the new name sticks only once it agrees', async () => {
    const t = setup();
    const [ada] = await t.launch(['Ada']);
    await t.joinPage(ada as string);
    expect(t.fleet.rename(ada as string, 'Ada Lovelace').ok).toBe(true);
    expect(t.view(ada as string).name).toBe('Ada');
    const [asked] = t.sent(ada as string, 'rename');
    expect(asked?.name).toBe('Ada Lovelace');
    t.answer(ada as string, asked?.commandId ?? '');
    expect(t.view(ada as string)).toMatchObject({
      name: 'Ada Lovelace',
      activity: {
        kind: 'rename',
        outcome: 'done',
        message: 'Renamed from “Ada” to “Ada Lovelace”.',
      },
    });
    expect(t.history.at(-1)).toMatchObject({
      kind: 'rename',
      from: 'Ada',
      to: 'Ada Lovelace',
      done: true,
    });

    // A rejoin comes back under the name the meeting took.
    await t.report(ada as string, 'disconnected');
    await t.clock.advance(3_000);
    expect(t.fleet.botReady(ada as string)).toMatchObject({
      ok: true,
      value: { userName: 'Ada Lovelace' },
    });
  });

  it('where the host forbids it, the bot keeps its name and the row says why', async () => {
    const t = setup();
    const [ada] = await t.launch(['Ada']);
    await t.joinPage(ada as string);
    t.fleet.rename(ada as string, 'Other');
    const [asked] = t.sent(ada as string, 'rename');
    t.answer(ada as string, asked?.commandId ?? '', { ok: false, refusal: 'rename_not_allowed' });
    expect(t.view(ada as string)).toMatchObject({
      name: 'Ada',
      activity: {
        outcome: 'refused',
        message:
          'The host does not let participants rename themselves in this meeting; the bot is still “Ada”.',
      },
    });
  });

  it('is refused in words on the way in, and once the bot ended', async () => {
    const t = setup();
    const [ada] = await t.launch(['Ada']);
    t.ready(ada as string);
    await t.report(ada as string, 'connecting');
    expect(t.fleet.rename(ada as string, 'Later')).toMatchObject({
      ok: false,
      error: { message: '“Ada” is on its way in or out of the meeting; rename it once it is in.' },
    });
    t.fleet.leave(ada as string);
    await t.report(ada as string, 'left');
    expect(t.fleet.rename(ada as string, 'Later')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/relaunch it to join under a new name/) },
    });
  });
});

describe('relaunch plan', () => {
  it('gives an ended bot’s meeting, passcode, account, limits and chat message; none for a live one', async () => {
    const t = setup();
    const [ada] = await t.launch(
      ['Ada'],
      { aloneTimeoutMs: 60_000, reconnectAttempts: 2 },
      {},
      { chatOnJoin: 'Hi {name}' },
    );
    expect(t.fleet.relaunchPlan(ada as string)).toMatchObject({
      ok: false,
      error: { code: 'still_live' },
    });
    await t.joinPage(ada as string);
    await t.report(ada as string, 'kicked', { code: 3009 });
    expect(t.view(ada as string).state).toBe('failed');
    expect(t.fleet.relaunchPlan(ada as string)).toEqual({
      ok: true,
      value: {
        meetingNumber: '123456789',
        passcode: 'pw',
        accountId: 'acc',
        timeouts: expect.objectContaining({ aloneTimeoutMs: 60_000, reconnectAttempts: 2 }),
        chatOnJoin: 'Hi {name}',
      },
    });
  });
});
