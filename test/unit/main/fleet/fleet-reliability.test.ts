import { afterEach, describe, expect, it } from 'vitest';
import type { Fleet } from '../../../../src/main/fleet/fleet-api';
import { rejoinDelayMs, DEFAULT_BACKOFF } from '../../../../src/main/fleet/rejoin-policy';
import { ZAK_REFUSED_MESSAGE } from '../../../../src/shared/zoom-errors';
import { fleetHarness, type HarnessOptions } from './fleet-harness';

const harnesses: ReturnType<typeof fleetHarness>[] = [];
function harness(options: HarnessOptions = {}) {
  const h = fleetHarness(options);
  harnesses.push(h);
  return h;
}
/** Disposes on the manual clock: its waits end only when that clock moves. */
async function dispose(h: { fleet: Fleet; clock: { advance(ms: number): Promise<void> } }) {
  const done = h.fleet.dispose(10);
  await h.clock.advance(1_000);
  await done;
}
afterEach(async () => {
  for (const h of harnesses.splice(0)) await dispose(h);
});

const MINUTE = 60_000;

async function inMeeting(options: HarnessOptions = {}, participantCount?: number) {
  const h = harness(options);
  const [id] = (await h.launch(['Ada'])) as [string];
  await h.joinPage(id, participantCount);
  expect(h.view(id).state).toBe('in_meeting');
  return { ...h, id };
}

describe('rejoin backoff', () => {
  it('doubles from 2 s up to the cap, with ±20 % jitter', () => {
    const middle = (attempt: number) => rejoinDelayMs(attempt, DEFAULT_BACKOFF, () => 0.5);
    expect([1, 2, 3, 4, 5, 6, 7].map(middle)).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(rejoinDelayMs(1, DEFAULT_BACKOFF, () => 0)).toBe(1_600);
    expect(rejoinDelayMs(1, DEFAULT_BACKOFF, () => 0.999_999)).toBe(2_400);
  });
});

describe('fleet: a dropped bot rejoins with a fresh ZAK in a new window', () => {
  it('closes the old page, waits the backoff, then opens one new page with a new ZAK', async () => {
    const { id, clock, windows, report, view, ready, joinPage, handed } = await inMeeting();
    await report(id, 'disconnected');
    expect(view(id)).toMatchObject({
      state: 'reconnecting',
      reconnect: {
        attempt: 1,
        maxAttempts: 5,
        nextTryAt: clock.now() + 2_000,
        reason: 'Lost the connection to the meeting.',
      },
    });
    expect(windows.open.has(id)).toBe(false);
    // The old page's ticket is gone with it.
    expect(ready(id)).toBeNull();

    await clock.advance(1_999);
    expect(windows.opensOf(id)).toBe(1);
    await clock.advance(1);
    expect(windows.opensOf(id)).toBe(2);
    expect(view(id).reconnect).toMatchObject({ attempt: 1, nextTryAt: null });

    await joinPage(id);
    expect(view(id)).toMatchObject({ state: 'in_meeting', reconnect: null });
    expect(handed.map((entry) => entry.zak)).toEqual(['zak-1', 'zak-2']);
    expect(windows.violations).toEqual([]);
  });

  it('counts failed attempts with growing waits and fails with the last reason after the last one', async () => {
    const { id, clock, windows, report, view, ready } = await inMeeting();
    await report(id, 'disconnected');
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { reconnect } = view(id);
      expect(reconnect).toMatchObject({ attempt, maxAttempts: 5 });
      waits.push((reconnect?.nextTryAt ?? 0) - clock.now());
      await clock.advance(reconnect?.nextTryAt ? reconnect.nextTryAt - clock.now() : 0);
      ready(id);
      await report(id, 'failed', { code: 3633 });
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(view(id).state).toBe('failed');
    expect(view(id).failure).toEqual({
      kind: 'join',
      code: 3633,
      message: expect.stringMatching(/limiting joins.*Botdeck gave up after 5 rejoin attempts\.$/),
    });
    await clock.advance(60 * MINUTE);
    expect(windows.opensOf(id)).toBe(6);
    expect(windows.open.size).toBe(0);
  });

  it('a rejoin attempt whose page never connects is stopped by the join timeout and tried again', async () => {
    const { id, clock, windows, report, view } = await inMeeting({
      limits: { joinTimeoutMs: 5_000 },
    });
    await report(id, 'disconnected');
    await clock.advance(2_000);
    expect(windows.opensOf(id)).toBe(2);
    await clock.advance(5_000);
    expect(view(id).reconnect).toMatchObject({
      attempt: 2,
      reason: expect.stringMatching(/did not get into the meeting within 5 s/),
    });
    expect(windows.open.has(id)).toBe(false);
  });

  it('a leave while waiting to rejoin ends the bot and cancels the try', async () => {
    const { id, clock, windows, report, view, fleet } = await inMeeting();
    await report(id, 'disconnected');
    expect(fleet.leave(id)).toEqual({ ok: true, value: null });
    expect(view(id)).toMatchObject({
      state: 'left',
      note: 'Stopped rejoining at the operator’s request.',
    });
    await clock.advance(MINUTE);
    expect(windows.opensOf(id)).toBe(1);
  });

  it('Zoom’s own reconnect is left alone, until it takes longer than the join timeout', async () => {
    const { id, clock, windows, report, view } = await inMeeting({
      limits: { joinTimeoutMs: 10_000 },
    });
    await report(id, 'reconnecting');
    expect(view(id)).toMatchObject({ state: 'reconnecting', reconnect: null });
    await report(id, 'in_meeting');
    expect(view(id).state).toBe('in_meeting');
    await report(id, 'reconnecting');
    await clock.advance(10_000);
    expect(view(id).reconnect).toMatchObject({ attempt: 1 });
    // The old page may still be in the meeting: it is asked to leave before its window goes,
    // so no ghost of it stays beside the rejoin.
    expect(windows.commands).toEqual([[id, { type: 'leave' }]]);
    expect(windows.open.has(id)).toBe(true);
    await report(id, 'left');
    expect(windows.open.has(id)).toBe(false);
  });

  it('a page that does not answer the leave is closed after the bound, then the rejoin opens', async () => {
    const { id, clock, windows, report } = await inMeeting({
      limits: { joinTimeoutMs: 10_000 },
    });
    await report(id, 'reconnecting');
    await clock.advance(10_000);
    expect(windows.commands).toEqual([[id, { type: 'leave' }]]);
    await clock.advance(5_999);
    expect(windows.closed).toEqual([]);
    expect(windows.opensOf(id)).toBe(1);
    // The rejoin's 2 s backoff ran out meanwhile: its new page opens once the old one is gone.
    await clock.advance(1);
    expect(windows.closed).toEqual([id]);
    expect(windows.opensOf(id)).toBe(2);
    expect(windows.violations).toEqual([]);
  });

  it('a ZAK Zoom hands out twice is never given to a page again', async () => {
    const h = harness({ mint: () => Promise.resolve('same-zak') });
    const [first, second] = (await h.launch(['A', 'B'])) as [string, string];
    expect(h.ready(first)).toBe('same-zak');
    expect(h.ready(second)).toBeNull();
    expect(h.view(second).failure?.message).toMatch(/never reuses/);
  });
});

describe('fleet: sign-in required (revoked ZAKs)', () => {
  it('fails a first join at once, telling the operator the ZAK was refused', async () => {
    const h = harness();
    const [id] = (await h.launch(['Ada'])) as [string];
    h.ready(id);
    await h.report(id, 'failed', { code: 3100 });
    expect(h.view(id)).toMatchObject({
      state: 'failed',
      failure: { kind: 'join', code: 3100, message: ZAK_REFUSED_MESSAGE },
    });
  });

  it('retries a rejoin refused with 3100 with another fresh ZAK', async () => {
    const { id, clock, report, view, ready, joinPage, handed } = await inMeeting();
    await report(id, 'disconnected');
    await clock.advance(2_000);
    ready(id);
    await report(id, 'failed', { code: 3100 });
    expect(view(id).reconnect).toMatchObject({ attempt: 2, reason: ZAK_REFUSED_MESSAGE });
    await clock.advance(4_000);
    await joinPage(id);
    expect(view(id).state).toBe('in_meeting');
    expect(new Set(handed.map((entry) => entry.zak)).size).toBe(3);
  });
});

describe('fleet: kicked and ended bots stay out', () => {
  it('a kicked bot fails with 3009, its window closes and nothing reopens it', async () => {
    const { id, clock, windows, report, view } = await inMeeting();
    await report(id, 'kicked', { code: 3009 });
    expect(view(id)).toMatchObject({ state: 'failed', failure: { code: 3009 }, reconnect: null });
    expect(view(id).endedAt).toBe(clock.now());
    await clock.advance(60 * MINUTE);
    expect(windows.opensOf(id)).toBe(1);
    expect(windows.open.size).toBe(0);
  });

  it('a meeting the host ended leaves the bot with the host’s note and the time', async () => {
    const { id, clock, windows, report, view } = await inMeeting();
    await report(id, 'ended');
    expect(view(id)).toMatchObject({ state: 'left', note: 'The host ended the meeting.' });
    expect(view(id).endedAt).toBe(clock.now());
    await clock.advance(60 * MINUTE);
    expect(windows.opensOf(id)).toBe(1);
  });
});

describe('fleet: crashed or hung windows', () => {
  it('a crashed window is recreated and the bot rejoins', async () => {
    const { id, clock, windows, view, joinPage } = await inMeeting();
    windows.crash(id, 'crashed');
    expect(view(id).reconnect).toMatchObject({ attempt: 1, reason: 'The bot window crashed.' });
    await clock.advance(2_000);
    await joinPage(id);
    expect(view(id).state).toBe('in_meeting');
    expect(windows.opensOf(id)).toBe(2);
  });

  it('a crash loop stops after the launch’s attempts', async () => {
    const h = harness();
    const [id] = (await h.launch(['Ada'], { reconnectAttempts: 3 })) as [string];
    for (let i = 0; i < 4; i++) {
      expect(h.windows.open.has(id)).toBe(true);
      h.windows.crash(id, 'unresponsive');
      await h.clock.advance(MINUTE);
    }
    expect(h.view(id)).toMatchObject({
      state: 'failed',
      failure: {
        kind: 'app',
        message:
          'The bot window stopped responding and was closed. Botdeck gave up after 3 rejoin attempts.',
      },
    });
    expect(h.windows.opensOf(id)).toBe(4);
    expect(h.windows.violations).toEqual([]);
  });
});

describe('fleet: auto-leave', () => {
  it('leaves after 15 minutes in the waiting room by default', async () => {
    const h = harness();
    const [id] = (await h.launch(['Ada'])) as [string];
    h.ready(id);
    await h.report(id, 'waiting_room');
    await h.clock.advance(15 * MINUTE - 1);
    expect(h.view(id).state).toBe('waiting_room');
    await h.clock.advance(1);
    expect(h.view(id).state).toBe('leaving');
    expect(h.windows.commands).toEqual([[id, { type: 'leave' }]]);
    await h.report(id, 'left');
    expect(h.view(id)).toMatchObject({
      state: 'left',
      note: 'Left automatically after 15 min in the waiting room.',
    });
  });

  it('leaves after 5 minutes alone; company in between restarts the wait', async () => {
    const { id, clock, report, view } = await inMeeting({}, 1);
    await clock.advance(4 * MINUTE);
    await report(id, 'in_meeting', { participantCount: 3 });
    await clock.advance(10 * MINUTE);
    expect(view(id).state).toBe('in_meeting');
    await report(id, 'in_meeting', { participantCount: 1 });
    expect(view(id).participantCount).toBe(1);
    await clock.advance(5 * MINUTE);
    expect(view(id)).toMatchObject({
      state: 'leaving',
      note: 'Left automatically after 5 min alone in the meeting.',
    });
  });

  it('a meeting left to Botdeck’s own bots counts as alone; one more person does not', async () => {
    const h = harness();
    const ids = (await h.launch(['Ada', 'Bo'])) as [string, string];
    for (const id of ids) {
      h.ready(id);
      await h.report(id, 'in_meeting', { participantCount: 3 });
    }
    await h.clock.advance(10 * MINUTE);
    expect(ids.map((id) => h.view(id).state)).toEqual(['in_meeting', 'in_meeting']);
    // The one person leaves: two participants, both ours.
    for (const id of ids) await h.report(id, 'in_meeting', { participantCount: 2 });
    await h.clock.advance(5 * MINUTE);
    expect(ids.map((id) => h.view(id).state)).toEqual(['leaving', 'leaving']);
  });

  it('an unknown head count is not alone, and a null limit turns the timer off', async () => {
    const unknown = await inMeeting();
    await unknown.clock.advance(60 * MINUTE);
    expect(unknown.view(unknown.id).state).toBe('in_meeting');
    const h = harness();
    const [id] = (await h.launch(['Ada'], { aloneTimeoutMs: null })) as [string];
    await h.joinPage(id, 1);
    await h.clock.advance(60 * MINUTE);
    expect(h.view(id).state).toBe('in_meeting');
  });

  it('leaves at the maximum duration counted from the first join, across a rejoin', async () => {
    const h = harness();
    const [id] = (await h.launch(['Ada'], { maxDurationMs: 10 * MINUTE })) as [string];
    await h.joinPage(id);
    await h.clock.advance(4 * MINUTE);
    await h.report(id, 'disconnected');
    await h.clock.advance(2_000);
    await h.joinPage(id);
    await h.clock.advance(6 * MINUTE - 2_000);
    expect(h.view(id)).toMatchObject({
      state: 'leaving',
      note: 'Left automatically after the maximum of 10 min in the meeting.',
    });
  });

  it('stops a first join that has not connected after 60 s by default', async () => {
    const h = harness();
    const [id] = (await h.launch(['Ada'])) as [string];
    h.ready(id);
    await h.report(id, 'connecting');
    await h.clock.advance(60_000);
    expect(h.view(id)).toMatchObject({
      state: 'failed',
      failure: {
        message: 'The bot did not get into the meeting within 60 s, so Botdeck stopped it.',
      },
    });
    // A join stuck half way may hold a seat: the page is asked to leave first.
    expect(h.windows.commands).toEqual([[id, { type: 'leave' }]]);
    await h.report(id, 'left');
    expect(h.windows.open.size).toBe(0);
  });

  it('dispose while a rejoin waits opens nothing more', async () => {
    const { id, clock, windows, report, fleet } = await inMeeting();
    await report(id, 'disconnected');
    await dispose({ fleet, clock });
    await clock.advance(MINUTE);
    expect(windows.opensOf(id)).toBe(1);
    expect(clock.pendingCount()).toBe(0);
  });
});
