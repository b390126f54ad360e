import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BotCommand, BotsChangedEvent, BotState } from '../../../../src/shared/ipc-contract';
import { createFleet, type Fleet, type FleetOptions } from '../../../../src/main/fleet/fleet';
import type {
  BotPageSpec,
  BotWindowHost,
  WindowGoneReason,
} from '../../../../src/main/fleet/bot-window-host';
import type { FleetAccount } from '../../../../src/main/fleet/join-preparer';
import { ZoomApiError } from '../../../../src/main/zoom/zoom-api-error';
import type { Logger } from '../../../../src/main/log/logger';

/** A window host that records what the fleet asks of it; pages act only when a test says so. */
function fakeHost() {
  const open = new Set<string>();
  const opened: string[] = [];
  const pages = new Map<string, BotPageSpec>();
  const commands: [string, BotCommand][] = [];
  const gone = new Set<(botId: string, reason: WindowGoneReason) => void>();
  let onOpen: (botId: string) => void = () => undefined;
  const host: BotWindowHost = {
    open(botId, page) {
      open.add(botId);
      opened.push(botId);
      pages.set(botId, page);
      onOpen(botId);
      return Promise.resolve();
    },
    close(botId) {
      open.delete(botId);
      return Promise.resolve();
    },
    send(botId, command) {
      commands.push([botId, command]);
    },
    onGone(listener) {
      gone.add(listener);
      return () => gone.delete(listener);
    },
  };
  return {
    host,
    open,
    opened,
    pages,
    commands,
    setOnOpen: (fn: (botId: string) => void) => (onOpen = fn),
    crash: (botId: string, reason: WindowGoneReason) => {
      open.delete(botId);
      for (const listener of gone) listener(botId, reason);
    },
  };
}

function setup(options: Partial<FleetOptions> & { mint?: () => Promise<string> } = {}) {
  const windows = fakeHost();
  let zaks = 0;
  const mintZak = vi.fn(options.mint ?? (() => Promise.resolve(`zak-${++zaks}`)));
  const account: FleetAccount = {
    id: 'acc',
    zoom: { mintZak },
    userId: 'svc@example.com',
    sdkKey: 'sdk-key',
    sdkSecret: 'sdk-secret',
    avatarUrl: 'http://avatar',
    sdk: 'sandbox',
  };
  const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const events: BotsChangedEvent[] = [];
  const fleet = createFleet({
    windowHost: windows.host,
    logger,
    now: Date.now,
    sandboxUrl: 'http://sandbox',
    joinTimeoutMs: 2_000,
    leaveGraceMs: 2_000,
    ...options,
  });
  fleet.onChanged((event) => events.push(event));
  fleets.push(fleet);
  const launch = (names: string[], sdk: FleetAccount['sdk'] = account.sdk) => {
    const result = fleet.launch({
      meetingNumber: '123456789',
      passcode: 'pw',
      names,
      account: { ...account, sdk },
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.botIds;
  };
  const stateOf = (botId: string): BotState | undefined =>
    fleet.list().find((bot) => bot.id === botId)?.state;
  const waitState = (botId: string, state: BotState) =>
    vi.waitFor(() => expect(stateOf(botId)).toBe(state));
  return { fleet, windows, mintZak, logger, events, launch, stateOf, waitState, account };
}

const fleets: Fleet[] = [];
afterEach(async () => {
  await Promise.all(fleets.splice(0).map((fleet) => fleet.dispose(100)));
});

describe('fleet: launching', () => {
  it('mints, opens the page, hands the ticket once and follows the page into the meeting', async () => {
    const { fleet, windows, launch, waitState } = setup();
    const [id] = launch(['Ada']) as [string];
    await vi.waitFor(() => expect(windows.opened).toEqual([id]));
    const ticket = fleet.botReady(id);
    expect(ticket).toMatchObject({
      ok: true,
      value: {
        sdk: 'sandbox',
        meetingNumber: '123456789',
        passcode: 'pw',
        userName: 'Ada',
        zak: 'zak-1',
        zoomDomain: 'zoom.us',
        sandboxUrl: 'http://sandbox',
      },
    });
    expect(fleet.botReady(id)).toMatchObject({ ok: false, error: { code: 'ticket_taken' } });
    fleet.botStatus(id, { status: 'connecting', code: null, message: null, participantId: null });
    fleet.botStatus(id, { status: 'in_meeting', code: null, message: null, participantId: 'p1' });
    await waitState(id, 'in_meeting');
    expect(fleet.list()[0]).toMatchObject({
      name: 'Ada',
      avatarUrl: 'http://avatar',
      accountId: 'acc',
    });
  });

  it('tells a ZoomGov meeting’s page which Zoom cloud to join', async () => {
    const { fleet, windows, account } = setup();
    const launched = fleet.launch({
      meetingNumber: '1612345678',
      passcode: '',
      zoomDomain: 'zoomgov.com',
      names: ['Gov'],
      account: { ...account, sdk: 'zoom' },
    });
    const [id] = launched.ok ? launched.value.botIds : [];
    await vi.waitFor(() => expect(windows.opened).toEqual([id]));
    expect(fleet.botReady(id as string)).toMatchObject({
      ok: true,
      value: { sdk: 'zoom', zoomDomain: 'zoomgov.com' },
    });
  });

  it('tells the window host which meeting client each page runs, as its ticket says', async () => {
    const { fleet, windows, launch } = setup();
    const [sandboxBot] = launch(['Sandbox']) as [string];
    const [zoomBot] = launch(['Zoom'], 'zoom') as [string];
    await vi.waitFor(() => expect(windows.opened).toHaveLength(2));
    expect(windows.pages.get(sandboxBot)).toEqual({ sdk: 'sandbox' });
    expect(windows.pages.get(zoomBot)).toEqual({ sdk: 'zoom' });
    const ticket = fleet.botReady(zoomBot);
    expect(ticket.ok && ticket.value.sdk).toBe('zoom');
  });

  it('mints a different ZAK for every bot', async () => {
    const { fleet, launch, windows } = setup();
    const ids = launch(['A', 'B', 'C']);
    await vi.waitFor(() => expect(windows.opened).toHaveLength(3));
    const zaks = ids.map((id) => {
      const ticket = fleet.botReady(id);
      return ticket.ok ? ticket.value.zak : null;
    });
    expect(new Set(zaks).size).toBe(3);
  });

  it('keeps at most `concurrency` bots minting or joining', async () => {
    const { fleet, launch, windows } = setup({ concurrency: 2 });
    const ids = launch(['1', '2', '3', '4', '5']);
    await vi.waitFor(() => expect(windows.opened).toHaveLength(2));
    const busy = () =>
      fleet.list().filter((bot) => bot.state === 'minting' || bot.state === 'joining').length;
    expect(busy()).toBe(2);
    expect(fleet.list().filter((bot) => bot.state === 'queued')).toHaveLength(3);
    // A bot reaching the waiting room frees its slot.
    fleet.botStatus(ids[0] as string, {
      status: 'waiting_room',
      code: null,
      message: null,
      participantId: null,
    });
    await vi.waitFor(() => expect(windows.opened).toHaveLength(3));
    expect(busy()).toBe(2);
  });

  it('batches changes made in one tick into one event', async () => {
    const { launch, events } = setup();
    launch(['A', 'B', 'C']);
    await vi.waitFor(() => expect(events.length).toBeGreaterThan(0));
    expect(events[0]?.bots.map((bot) => bot.name)).toEqual(['A', 'B', 'C']);
  });

  it('a mint error fails the bot with Zoom’s readable words', async () => {
    const error = new ZoomApiError({
      reason: 'user_not_found',
      status: 404,
      code: 1001,
      zoomMessage: 'User does not exist',
      operatorMessage: 'The Zoom user svc@example.com does not exist in this account.',
    });
    const { fleet, launch, waitState, windows } = setup({ mint: () => Promise.reject(error) });
    const [id] = launch(['Ada']) as [string];
    await waitState(id, 'failed');
    expect(fleet.list()[0]?.failure).toEqual({
      kind: 'api',
      code: 1001,
      message: 'The Zoom user svc@example.com does not exist in this account.',
    });
    expect(windows.opened).toEqual([]);
  });

  it('a page that never gets in is stopped after the join timeout and its window closed', async () => {
    const { fleet, launch, waitState, windows } = setup({ joinTimeoutMs: 50 });
    const [id] = launch(['Slow']) as [string];
    await waitState(id, 'failed');
    expect(fleet.list()[0]?.failure?.message).toMatch(/did not get into the meeting/);
    expect(windows.open.size).toBe(0);
    expect(fleet.botReady(id)).toMatchObject({ ok: false, error: { code: 'no_ticket' } });
  });

  it('a join failure report closes the window with the join error’s words', async () => {
    const { fleet, launch, waitState, windows } = setup();
    const [id] = launch(['Ada']) as [string];
    await vi.waitFor(() => expect(windows.open.has(id)).toBe(true));
    fleet.botStatus(id, {
      status: 'failed',
      code: 3001,
      message: 'Meeting does not exist',
      participantId: null,
    });
    await waitState(id, 'failed');
    expect(fleet.list()[0]?.failure).toMatchObject({
      kind: 'join',
      code: 3001,
      message: expect.stringMatching(/does not exist/),
    });
    expect(windows.open.size).toBe(0);
  });
});

describe('fleet: leaving', () => {
  async function inMeeting(options: Partial<FleetOptions> = {}) {
    const ctx = setup(options);
    const [id] = ctx.launch(['Ada']) as [string];
    await vi.waitFor(() => expect(ctx.windows.open.has(id)).toBe(true));
    ctx.fleet.botReady(id);
    ctx.fleet.botStatus(id, {
      status: 'in_meeting',
      code: null,
      message: null,
      participantId: null,
    });
    await ctx.waitState(id, 'in_meeting');
    return { ...ctx, id };
  }

  it('asks the page to leave, then closes the window when it confirms', async () => {
    const { fleet, windows, id, waitState } = await inMeeting();
    expect(fleet.leave(id)).toEqual({ ok: true, value: null });
    expect(fleet.list()[0]?.state).toBe('leaving');
    expect(windows.commands).toEqual([[id, { type: 'leave' }]]);
    fleet.botStatus(id, { status: 'left', code: null, message: null, participantId: null });
    await waitState(id, 'left');
    expect(fleet.list()[0]?.note).toBe('Left at the operator’s request.');
    expect(windows.open.size).toBe(0);
  });

  it('closes the window anyway when the page does not confirm within the grace', async () => {
    const { fleet, windows, id, waitState } = await inMeeting({ leaveGraceMs: 50 });
    fleet.leave(id);
    await waitState(id, 'left');
    expect(windows.open.size).toBe(0);
  });

  it('cancels a queued bot without minting for it', async () => {
    const { fleet, launch, mintZak, stateOf } = setup({ concurrency: 1, joinTimeoutMs: 5_000 });
    const [, second] = launch(['First', 'Second']) as [string, string];
    expect(fleet.leave(second)).toEqual({ ok: true, value: null });
    expect(stateOf(second)).toBe('left');
    expect(fleet.list()[1]?.note).toBe('Cancelled before joining.');
    await vi.waitFor(() => expect(mintZak).toHaveBeenCalledTimes(1));
  });

  it('leaving a bot that ended is refused readably; an unknown bot is not found', async () => {
    const { fleet, id, waitState } = await inMeeting();
    fleet.botStatus(id, { status: 'ended', code: null, message: null, participantId: null });
    await waitState(id, 'left');
    expect(fleet.leave(id)).toMatchObject({ ok: false, error: { code: 'not_live' } });
    expect(fleet.leave('nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('leaveAll asks every live bot and counts them', async () => {
    const { fleet, launch, windows } = setup({ concurrency: 1 });
    launch(['A', 'B', 'C']);
    await vi.waitFor(() => expect(windows.opened).toHaveLength(1));
    expect(fleet.leaveAll()).toBe(3);
    await vi.waitFor(() => expect(fleet.list().every((bot) => bot.state === 'left')).toBe(true));
    expect(fleet.leaveAll()).toBe(0);
  });
});

describe('fleet: windows and reports', () => {
  it('a window that disappears is recreated; one that disappears while leaving completes the leave', async () => {
    const { fleet, launch, windows, waitState } = setup({ backoff: { baseDelayMs: 10 } });
    const [a, b] = launch(['A', 'B']) as [string, string];
    await vi.waitFor(() => expect(windows.opened).toHaveLength(2));
    windows.crash(a, 'crashed');
    expect(fleet.list()[0]?.reconnect?.reason).toBe('The bot window crashed.');
    await vi.waitFor(() => expect(windows.opened).toEqual([a, b, a]));
    expect(fleet.botReady(a)).toMatchObject({ ok: true, value: { zak: 'zak-3' } });
    fleet.botReady(b);
    fleet.leave(b);
    windows.crash(b, 'closed');
    await waitState(b, 'left');
  });

  it('ignores (and logs) a report that does not fit the bot’s state', async () => {
    const { fleet, launch, windows, logger, stateOf } = setup();
    const [id] = launch(['A']) as [string];
    await vi.waitFor(() => expect(windows.opened).toHaveLength(1));
    expect(
      fleet.botStatus(id, {
        status: 'reconnecting',
        code: null,
        message: null,
        participantId: null,
      }),
    ).toEqual({ ok: true, value: null });
    expect(stateOf(id)).toBe('joining');
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignored a bot report that does not fit its state',
      expect.objectContaining({ botId: id }),
    );
  });

  it('refuses launches after dispose', async () => {
    const { fleet } = setup();
    await fleet.dispose(10);
    const account = {
      id: 'a',
      zoom: { mintZak: () => Promise.resolve('z') },
      userId: 'u',
      sdkKey: 'k',
      sdkSecret: 's',
      avatarUrl: null,
      sdk: 'sandbox' as const,
    };
    expect(
      fleet.launch({ meetingNumber: '123456789', passcode: '', names: ['x'], account }),
    ).toMatchObject({
      ok: false,
      error: { code: 'shutting_down' },
    });
  });

  it('dispose leaves every bot and closes their windows', async () => {
    const { fleet, launch, windows } = setup({ leaveGraceMs: 30 });
    const ids = launch(['A', 'B']);
    await vi.waitFor(() => expect(windows.opened).toHaveLength(2));
    for (const id of ids) fleet.botReady(id);
    await fleet.dispose();
    expect(fleet.list().map((bot) => bot.state)).toEqual(['left', 'left']);
    expect(windows.open.size).toBe(0);
  });
});
