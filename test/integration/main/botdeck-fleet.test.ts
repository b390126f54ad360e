import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBotdeck, type Botdeck } from '../../../src/main/app/create-botdeck';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type { AppSnapshot, BotsChangedEvent, BotView } from '../../../src/shared/ipc-contract';
import { describeJoinError } from '../../../src/shared/zoom-errors';
import { silentLogger } from '../../../src/main/log/logger';
import { createNodeBotHost, type NodeBotHost } from './node-bot-host';
import { addFault, audit, createMeeting, participants } from '../../support/sandbox-client';
import { sandboxAccount } from './fleet-test-kit';

let sandbox: RunningSandbox;
let host: NodeBotHost;
let botdeck: Botdeck;
let events: BotsChangedEvent[];

async function start(options: { userId?: string; joinTimeoutMs?: number } = {}): Promise<void> {
  host = createNodeBotHost();
  botdeck = await createBotdeck({
    accounts: [sandboxAccount(sandbox, options.userId ? { userId: options.userId } : {})],
    sandboxUrl: sandbox.url,
    windowHost: host,
    logger: silentLogger,
    joinTimeoutMs: options.joinTimeoutMs ?? 10_000,
    leaveGraceMs: 2_000,
  });
  host.attach(botdeck);
  events = [];
  botdeck.onBotsChanged((event) => events.push(event));
}

async function snapshot(): Promise<AppSnapshot> {
  const result = await botdeck.handleDashboard('app:snapshot', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AppSnapshot;
}

async function launch(meeting: string, names: string[], passcode = ''): Promise<string[]> {
  const result = await botdeck.handleDashboard('bots:launch', { meeting, names, passcode });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { botIds: string[] }).botIds;
}

const botsOf = async (ids: string[]): Promise<BotView[]> =>
  (await snapshot()).bots.filter((bot) => ids.includes(bot.id));

async function waitForStates(ids: string[], state: BotView['state']): Promise<BotView[]> {
  await vi.waitFor(
    async () => expect((await botsOf(ids)).map((bot) => bot.state)).toEqual(ids.map(() => state)),
    {
      timeout: 15_000,
    },
  );
  return botsOf(ids);
}

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
});
afterEach(async () => {
  await botdeck.dispose();
  await sandbox.close();
});

describe('Botdeck fleet end to end against the sandbox', () => {
  it('launches three named bots into a sign-in-only meeting, each with its own fresh ZAK and the account avatar', async () => {
    await start();
    const meeting = await createMeeting(sandbox);
    const link = `https://us02web.zoom.us/j/${meeting.meetingNumber}?pwd=${meeting.passcode}`;
    const ids = await launch(link, ['Ada', 'Grace', 'Linus']);
    const bots = await waitForStates(ids, 'in_meeting');
    expect(bots.map((bot) => bot.joinedAt)).not.toContain(null);

    const account = (await snapshot()).accounts[0];
    expect(account).toMatchObject({
      id: 'sandbox',
      displayName: sandbox.account.displayName,
      email: sandbox.account.email,
      hasSecrets: true,
    });
    expect(account?.avatarUrl).toMatch(/\/avatars\//);

    const people = await participants(sandbox, meeting.meetingNumber);
    expect(people.map((person) => person.displayName).sort()).toEqual(['Ada', 'Grace', 'Linus']);
    for (const person of people) {
      expect(person.avatarUrl).toBe(account?.avatarUrl);
      expect(person.userId).toBe(sandbox.account.userId);
    }
    for (const bot of bots) expect(bot.avatarUrl).toBe(account?.avatarUrl);

    const { joins, zaks } = await audit(sandbox);
    const usedZaks = joins.map((join) => join.zak);
    expect(joins).toHaveLength(3);
    expect(new Set(usedZaks).size).toBe(3);
    for (const zak of usedZaks) expect(zaks.map((minted) => minted.token)).toContain(zak);
  });

  it('mints each ZAK to live only its join timeout plus five minutes, not Zoom’s two hours', async () => {
    await start({ joinTimeoutMs: 60_000 });
    const meeting = await createMeeting(sandbox);
    const [quick] = await launch(meeting.meetingNumber, ['Quick'], meeting.passcode);
    await waitForStates([quick ?? ''], 'in_meeting');
    const result = await botdeck.handleDashboard('bots:launch', {
      meeting: meeting.meetingNumber,
      passcode: meeting.passcode,
      names: ['Patient'],
      timeouts: { joinTimeoutMs: 10 * 60_000 },
    });
    if (!result.ok) throw new Error(result.error.message);
    await waitForStates((result.value as { botIds: string[] }).botIds, 'in_meeting');
    expect((await audit(sandbox)).zaks.map((zak) => zak.ttl)).toEqual([60 + 300, 600 + 300]);
  });

  it('refuses a second bot:ready: the ticket is handed out once', async () => {
    await start();
    const meeting = await createMeeting(sandbox);
    const [id] = (await launch(meeting.meetingNumber, ['Ada'], meeting.passcode)) as [string];
    await waitForStates([id], 'in_meeting');
    const again = await botdeck.handleBot(id, 'bot:ready', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'ticket_taken' } });
    expect(JSON.stringify(again)).not.toContain(host.tickets[0]?.zak ?? 'no-zak');
    expect(await botdeck.handleBot('no-such-bot', 'bot:ready', {})).toMatchObject({
      ok: false,
      error: { code: 'no_ticket' },
    });
  });

  it('leave-all empties the meeting and every bot ends as left', async () => {
    await start();
    const meeting = await createMeeting(sandbox);
    const ids = await launch(meeting.meetingNumber, ['A', 'B', 'C'], meeting.passcode);
    await waitForStates(ids, 'in_meeting');
    expect(await botdeck.handleDashboard('bots:leave-all', {})).toEqual({
      ok: true,
      value: { count: 3 },
    });
    const bots = await waitForStates(ids, 'left');
    expect(bots.map((bot) => bot.note)).toEqual(ids.map(() => 'Left at the operator’s request.'));
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
    expect(host.pages.size).toBe(0);
  });

  it('leaves one bot and keeps the others', async () => {
    await start();
    const meeting = await createMeeting(sandbox);
    const [first, second] = (await launch(meeting.meetingNumber, ['A', 'B'], meeting.passcode)) as [
      string,
      string,
    ];
    await waitForStates([first, second], 'in_meeting');
    expect(await botdeck.handleDashboard('bots:leave', { botId: first })).toEqual({
      ok: true,
      value: null,
    });
    await waitForStates([first], 'left');
    expect(
      (await participants(sandbox, meeting.meetingNumber)).map((person) => person.displayName),
    ).toEqual(['B']);
  });

  it('a meeting number that does not exist fails with 3001’s words', async () => {
    await start();
    const [id] = (await launch('999 999 9999', ['Lost'])) as [string];
    const [bot] = await waitForStates([id], 'failed');
    expect(bot?.failure).toEqual({ kind: 'join', code: 3001, message: describeJoinError(3001) });
    expect(host.pages.size).toBe(0);
  });

  it('a ZAK that cannot be minted fails the bot with Zoom’s readable words, before any page opens', async () => {
    await start();
    await addFault(sandbox, { target: 'zak', status: 400 });
    const meeting = await createMeeting(sandbox);
    const [id] = (await launch(meeting.meetingNumber, ['Ada'], meeting.passcode)) as [string];
    const [bot] = await waitForStates([id], 'failed');
    expect(bot?.failure).toMatchObject({
      kind: 'api',
      code: 400,
      message: expect.stringMatching(/Zoom refused the request/),
    });
    expect(host.readyAnswers).toEqual([]);
  });

  it('bad launch requests fail readably and launch nothing', async () => {
    await start();
    const cases: [unknown, string, RegExp][] = [
      [
        { meeting: 'https://zoom.us.evil.com/j/123456789', names: ['A'] },
        'invalid_meeting',
        /not a Zoom link/,
      ],
      [{ meeting: 'https://zoom.us/s/123456789', names: ['A'] }, 'invalid_meeting', /start link/],
      [{ meeting: 'https://zoom.us/my/alice', names: ['A'] }, 'invalid_meeting', /vanity/],
      [{ meeting: '123456789012', names: ['A'] }, 'invalid_meeting', /9 to 11 digits/],
      [{ meeting: '123456789', names: [] }, 'invalid_request', /^Launch at least one bot\.$/],
      [{ meeting: '123456789', names: [''] }, 'invalid_request', /^Every bot needs a name\.$/],
      [{ meeting: '', names: ['A'] }, 'invalid_request', /^Enter a meeting link or number\.$/],
      [{ names: ['A'] }, 'invalid_request', /meeting/],
      [{ meeting: '123456789', names: ['A'], accountId: 'other' }, 'unknown_account', /account/],
      [
        { meeting: '123456789', names: ['A'], timeouts: { aloneTimeoutMs: 10 } },
        'invalid_request',
        /at least one second/,
      ],
      [
        { meeting: '123456789', names: ['A'], timeouts: { reconnectAttempts: 99 } },
        'invalid_request',
        /At most 20 rejoin attempts/,
      ],
      ['launch', 'invalid_request', /object/],
    ];
    for (const [payload, code, message] of cases) {
      const result = await botdeck.handleDashboard('bots:launch', payload);
      expect(result, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code, message: expect.stringMatching(message) },
      });
    }
    expect((await snapshot()).bots).toEqual([]);
    expect(await botdeck.handleDashboard('bot:ready', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('an account whose profile cannot be read becomes a notice, not a crash', async () => {
    await start({ userId: 'nobody@example.com' });
    const snap = await snapshot();
    expect(snap.notices).toEqual([
      'Could not load the Zoom profile of “Sandbox demo account”: The Zoom user nobody@example.com does not exist in this account.',
    ]);
    expect(snap.accounts[0]).toMatchObject({
      displayName: 'Sandbox demo account',
      avatarUrl: null,
    });
  });

  it('a bot whose window crashes, with rejoining turned off for its launch, fails readably', async () => {
    await start();
    const meeting = await createMeeting(sandbox);
    const launched = await botdeck.handleDashboard('bots:launch', {
      meeting: meeting.meetingNumber,
      passcode: meeting.passcode,
      names: ['Ada'],
      timeouts: { reconnectAttempts: 0 },
    });
    if (!launched.ok) throw new Error(launched.error.message);
    const [id] = (launched.value as { botIds: string[] }).botIds as [string];
    await waitForStates([id], 'in_meeting');
    host.crash(id, 'crashed');
    const [bot] = await waitForStates([id], 'failed');
    expect(bot?.failure).toEqual({ kind: 'app', code: null, message: 'The bot window crashed.' });
  });

  it('no dashboard event or snapshot ever carries a secret, an access token, a signature or a ZAK', async () => {
    await start();
    const meeting = await createMeeting(sandbox);
    const ids = await launch(meeting.meetingNumber, ['A', 'B', 'C'], meeting.passcode);
    await waitForStates(ids, 'in_meeting');
    await botdeck.handleDashboard('bots:leave-all', {});
    await waitForStates(ids, 'left');
    const seen = JSON.stringify([events, await snapshot()]);
    const { accessTokens, zaks } = await audit(sandbox);
    const secrets = [
      sandbox.account.clientSecret,
      sandbox.account.sdkSecret,
      ...accessTokens,
      ...zaks.map((zak) => zak.token),
      ...host.tickets.map((ticket) => ticket.signature),
    ];
    expect(accessTokens.length).toBeGreaterThan(0);
    expect(zaks).toHaveLength(3);
    for (const secret of secrets) expect(seen).not.toContain(secret);
    // Events carried the bots through their states, batched.
    expect(events.length).toBeGreaterThan(0);
    expect(events.flatMap((event) => event.bots).some((bot) => bot.state === 'in_meeting')).toBe(
      true,
    );
  });

  it('dispose leaves every bot in the meeting', async () => {
    await start();
    const meeting = await createMeeting(sandbox);
    const ids = await launch(meeting.meetingNumber, ['A', 'B'], meeting.passcode);
    await waitForStates(ids, 'in_meeting');
    await botdeck.dispose();
    expect((await botsOf(ids)).map((bot) => bot.state)).toEqual(['left', 'left']);
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
  });
});
