/**
 * The fleet's everyday behaviour (launching, leaving, windows and reports) on the fleet
 * harness: a manual clock drives every timeout and grace, so nothing here waits on real time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetOptions } from '../../../../src/main/fleet/fleet-api';
import {
  SANDBOX_LAUNCH_CONCURRENCY,
  launchConcurrency,
} from '../../../../src/main/fleet/launch-pace';
import { ZoomApiError } from '../../../../src/main/zoom/zoom-api-error';
import type { BotsChangedEvent } from '../../../../src/shared/ipc-contract';
import { fleetHarness, settle, type HarnessOptions } from './fleet-harness';

const harnesses: ReturnType<typeof fleetHarness>[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    const disposed = h.fleet.dispose(100);
    await h.clock.advance(100);
    await disposed;
    expect(h.windows.violations).toEqual([]);
  }
});

function setup(options: HarnessOptions = {}) {
  const h = fleetHarness({ joinTimeoutMs: 2_000, leaveGraceMs: 2_000, ...options });
  harnesses.push(h);
  return { ...h, stateOf: (botId: string) => h.view(botId).state };
}

describe('fleet: launching', () => {
  it('mints, opens the page, hands the ticket once and follows the page into the meeting', async () => {
    const h = setup();
    const [id] = (await h.launch(['Ada'], undefined, { avatarUrl: 'http://avatar' })) as [string];
    expect(h.windows.opened).toEqual([id]);
    const ticket = h.fleet.botReady(id);
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
    expect(h.fleet.botReady(id)).toMatchObject({ ok: false, error: { code: 'ticket_taken' } });
    await h.report(id, 'connecting');
    await h.report(id, 'in_meeting');
    expect(h.view(id)).toMatchObject({
      state: 'in_meeting',
      name: 'Ada',
      avatarUrl: 'http://avatar',
      accountId: 'acc',
    });
  });

  it('tells a ZoomGov meeting’s page which Zoom cloud to join', async () => {
    const h = setup();
    const [id] = (await h.launch(
      ['Gov'],
      undefined,
      { sdk: 'zoom' },
      {
        meetingNumber: '1612345678',
        zoomDomain: 'zoomgov.com',
      },
    )) as [string];
    expect(h.fleet.botReady(id)).toMatchObject({
      ok: true,
      value: { sdk: 'zoom', meetingNumber: '1612345678', zoomDomain: 'zoomgov.com' },
    });
  });

  it('tells the window host which meeting client each page runs, as its ticket says', async () => {
    const h = setup();
    const [sandboxBot] = (await h.launch(['Sandbox'])) as [string];
    const [zoomBot] = (await h.launch(['Zoom'], undefined, { sdk: 'zoom' })) as [string];
    expect(h.windows.pages.get(sandboxBot)).toEqual({ sdk: 'sandbox' });
    expect(h.windows.pages.get(zoomBot)).toEqual({ sdk: 'zoom' });
    const ticket = h.fleet.botReady(zoomBot);
    expect(ticket.ok && ticket.value.sdk).toBe('zoom');
    expect(ticket.ok && ticket.value.sandboxUrl).toBeNull();
  });

  it('mints a different ZAK for every bot', async () => {
    const h = setup();
    const ids = await h.launch(['A', 'B', 'C']);
    expect(new Set(ids.map((id) => h.ready(id))).size).toBe(3);
    expect(h.handed).toHaveLength(3);
  });

  it('keeps at most `concurrency` bots minting or joining', async () => {
    const h = setup({ concurrency: 2 });
    const ids = await h.launch(['1', '2', '3', '4', '5']);
    const busy = () =>
      h.fleet.list().filter((bot) => bot.state === 'minting' || bot.state === 'joining').length;
    expect(h.windows.opened).toHaveLength(2);
    expect(busy()).toBe(2);
    expect(h.fleet.list().filter((bot) => bot.state === 'queued')).toHaveLength(3);
    // A bot reaching the waiting room frees its slot.
    await h.report(ids[0] as string, 'waiting_room');
    expect(h.windows.opened).toHaveLength(3);
    expect(busy()).toBe(2);
  });

  it('batches changes made in one tick into one event', async () => {
    const h = setup();
    const events: BotsChangedEvent[] = [];
    h.fleet.onChanged((event) => events.push(event));
    h.fleet.launch({
      meetingNumber: '123456789',
      passcode: '',
      names: ['A', 'B', 'C'],
      account: { ...accountOf(h), id: 'acc' },
    });
    await settle(1);
    expect(events[0]?.bots.map((bot) => bot.name)).toEqual(['A', 'B', 'C']);
  });

  it('a mint error fails the bot with Zoom’s readable words and opens no window', async () => {
    const error = new ZoomApiError({
      reason: 'user_not_found',
      status: 404,
      code: 1001,
      zoomMessage: 'User does not exist',
      operatorMessage: 'The Zoom user svc@example.com does not exist in this account.',
    });
    const h = setup({ mint: () => Promise.reject(error) });
    const [id] = (await h.launch(['Ada'])) as [string];
    expect(h.view(id)).toMatchObject({
      state: 'failed',
      failure: {
        kind: 'api',
        code: 1001,
        message: 'The Zoom user svc@example.com does not exist in this account.',
      },
    });
    expect(h.windows.opened).toEqual([]);
  });

  it('a page that never gets in is stopped after the join timeout and its window closed', async () => {
    const h = setup({ joinTimeoutMs: 5_000 });
    const [id] = (await h.launch(['Slow'])) as [string];
    await h.clock.advance(4_999);
    expect(h.stateOf(id)).toBe('joining');
    await h.clock.advance(1);
    expect(h.view(id)).toMatchObject({
      state: 'failed',
      failure: { message: expect.stringMatching(/did not get into the meeting within 5 s/) },
    });
    expect(h.windows.open.size).toBe(0);
    expect(h.fleet.botReady(id)).toMatchObject({ ok: false, error: { code: 'no_ticket' } });
  });

  it('a join failure report closes the window with the join error’s words', async () => {
    const h = setup();
    const [id] = (await h.launch(['Ada'])) as [string];
    h.ready(id);
    h.fleet.botStatus(id, {
      status: 'failed',
      code: 3001,
      message: 'Meeting does not exist',
      participantId: null,
    });
    await settle();
    expect(h.view(id)).toMatchObject({
      state: 'failed',
      failure: { kind: 'join', code: 3001, message: expect.stringMatching(/does not exist/) },
    });
    expect(h.windows.open.size).toBe(0);
  });
});

describe('fleet: leaving', () => {
  async function inMeeting(options: Partial<FleetOptions> = {}) {
    const h = setup(options);
    const [id] = (await h.launch(['Ada'])) as [string];
    await h.joinPage(id);
    expect(h.stateOf(id)).toBe('in_meeting');
    return { ...h, id };
  }

  it('asks the page to leave, then closes the window when it confirms', async () => {
    const h = await inMeeting();
    expect(h.fleet.leave(h.id)).toEqual({ ok: true, value: null });
    expect(h.stateOf(h.id)).toBe('leaving');
    expect(h.windows.commands).toEqual([[h.id, { type: 'leave' }]]);
    expect(h.windows.open.has(h.id)).toBe(true);
    await h.report(h.id, 'left');
    expect(h.view(h.id)).toMatchObject({ state: 'left', note: 'Left at the operator’s request.' });
    expect(h.windows.open.size).toBe(0);
  });

  it('closes the window anyway when the page does not confirm within the grace', async () => {
    const h = await inMeeting({ leaveGraceMs: 3_000 });
    h.fleet.leave(h.id);
    await h.clock.advance(2_999);
    expect(h.stateOf(h.id)).toBe('leaving');
    expect(h.windows.open.has(h.id)).toBe(true);
    await h.clock.advance(1);
    expect(h.stateOf(h.id)).toBe('left');
    expect(h.windows.open.size).toBe(0);
  });

  it('cancels a queued bot: it is never minted for, even once its turn comes', async () => {
    const h = setup({ concurrency: 1 });
    const [first, second] = (await h.launch(['First', 'Second'])) as [string, string];
    expect(h.mintZak).toHaveBeenCalledTimes(1);
    expect(h.fleet.leave(second)).toEqual({ ok: true, value: null });
    expect(h.view(second)).toMatchObject({ state: 'left', note: 'Cancelled before joining.' });
    // The first bot gets in and frees the only slot: the cancelled one must not take it.
    await h.joinPage(first);
    await settle();
    expect(h.mintZak).toHaveBeenCalledTimes(1);
    expect(h.windows.opened).toEqual([first]);
    expect(h.stateOf(second)).toBe('left');
  });

  it('leaving a bot that ended is refused readably; an unknown bot is not found', async () => {
    const h = await inMeeting();
    await h.report(h.id, 'ended');
    expect(h.stateOf(h.id)).toBe('left');
    expect(h.fleet.leave(h.id)).toMatchObject({ ok: false, error: { code: 'not_live' } });
    expect(h.fleet.leave('nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('leaveAll asks every live bot and counts them', async () => {
    const h = setup({ concurrency: 1 });
    await h.launch(['A', 'B', 'C']);
    expect(h.windows.opened).toHaveLength(1);
    expect(h.fleet.leaveAll()).toBe(3);
    await settle();
    expect(h.fleet.list().map((bot) => bot.state)).toEqual(['left', 'left', 'left']);
    expect(h.fleet.leaveAll()).toBe(0);
  });
});

describe('fleet: windows and reports', () => {
  it('a window that disappears is recreated; one that disappears while leaving completes the leave', async () => {
    const h = setup({ backoff: { baseDelayMs: 10, jitter: 0 } });
    const [a, b] = (await h.launch(['A', 'B'])) as [string, string];
    h.windows.crash(a, 'crashed');
    await settle();
    expect(h.view(a).reconnect?.reason).toBe('The bot window crashed.');
    await h.clock.advance(10);
    expect(h.windows.opened).toEqual([a, b, a]);
    expect(h.fleet.botReady(a)).toMatchObject({ ok: true, value: { zak: 'zak-3' } });
    h.ready(b);
    h.fleet.leave(b);
    h.windows.crash(b, 'closed');
    await settle();
    expect(h.stateOf(b)).toBe('left');
  });

  it('leaving a bot that waits to rejoin ends it at once: no command to a closed page, no new window', async () => {
    const h = setup({ backoff: { baseDelayMs: 1_000, jitter: 0 } });
    const [id] = (await h.launch(['Ada'])) as [string];
    await h.joinPage(id);
    h.windows.crash(id, 'crashed');
    await settle();
    expect(h.view(id).reconnect?.nextTryAt).toEqual(expect.any(Number));
    expect(h.fleet.leave(id)).toEqual({ ok: true, value: null });
    expect(h.view(id)).toMatchObject({
      state: 'left',
      note: 'Stopped rejoining at the operator’s request.',
    });
    await h.clock.advance(60_000);
    expect(h.windows.commands).toEqual([]);
    expect(h.windows.opened).toEqual([id]);
    expect(h.mintZak).toHaveBeenCalledTimes(1);
  });

  it('ignores a report that does not fit the bot’s state', async () => {
    const h = setup();
    const [id] = (await h.launch(['A'])) as [string];
    expect(
      h.fleet.botStatus(id, {
        status: 'reconnecting',
        code: null,
        message: null,
        participantId: null,
      }),
    ).toEqual({ ok: true, value: null });
    await settle();
    expect(h.view(id)).toMatchObject({ state: 'joining', reconnect: null });
  });

  it('refuses launches after dispose', async () => {
    const h = setup();
    const disposed = h.fleet.dispose(10);
    await h.clock.advance(10);
    await disposed;
    expect(
      h.fleet.launch({
        meetingNumber: '123456789',
        passcode: '',
        names: ['x'],
        account: accountOf(h),
      }),
    ).toMatchObject({ ok: false, error: { code: 'shutting_down' } });
  });

  it('dispose leaves every bot and closes their windows', async () => {
    const h = setup({ leaveGraceMs: 30 });
    const ids = await h.launch(['A', 'B']);
    for (const id of ids) h.ready(id);
    const disposed = h.fleet.dispose();
    await h.clock.advance(30);
    await disposed;
    expect(h.fleet.list().map((bot) => bot.state)).toEqual(['left', 'left']);
    expect(h.windows.open.size).toBe(0);
  });
});

/** An account like the harness's own, for the tests that call `fleet.launch` directly. */
function accountOf(h: ReturnType<typeof fleetHarness>) {
  return {
    id: 'acc',
    zoom: { mintZak: h.mintZak },
    userId: 'svc@example.com',
    sdkKey: 'sdk-key',
    sdkSecret: 'sdk-secret',
    avatarUrl: null,
    sdk: 'sandbox' as const,
  };
}

describe('fleet: launch pace', () => {
  it('paces sandbox and Zoom bots apart, each kind by its own default', async () => {
    const h = setup({ cores: 2 });
    await h.launch(Array.from({ length: 25 }, (_, index) => `S${index}`));
    await h.launch(['Z1', 'Z2', 'Z3', 'Z4'], undefined, { sdk: 'zoom' });
    // 20 sandbox bots and 2 Zoom bots (one per core, at least two) under way at once.
    expect(h.windows.opened).toHaveLength(SANDBOX_LAUNCH_CONCURRENCY + 2);
    expect(launchConcurrency(undefined, 2)).toEqual({
      sandbox: SANDBOX_LAUNCH_CONCURRENCY,
      zoom: 2,
    });
  });

  it('takes the operator’s setting for every kind, and one Zoom bot per core up to eight', () => {
    expect(launchConcurrency(3, 16)).toEqual({ sandbox: 3, zoom: 3 });
    expect(launchConcurrency(undefined, 1).zoom).toBe(2);
    expect(launchConcurrency(undefined, 6).zoom).toBe(6);
    expect(launchConcurrency(undefined, 64).zoom).toBe(8);
  });
});
