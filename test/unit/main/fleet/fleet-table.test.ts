import { afterEach, describe, expect, it } from 'vitest';
import type { BotsChangedEvent } from '../../../../src/shared/ipc-contract';
import { fleetHarness } from './fleet-harness';

const harnesses: ReturnType<typeof fleetHarness>[] = [];
function harness() {
  const h = fleetHarness();
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    const done = h.fleet.dispose(10);
    await h.clock.advance(1_000);
    await done;
  }
});

const OTHER_MEETING = '987654321';

/** Every event the fleet sends, and the table a dashboard keeps from them. */
function watch(h: ReturnType<typeof harness>) {
  const events: BotsChangedEvent[] = [];
  h.fleet.onChanged((event) => events.push(event));
  return events;
}

describe('fleet: what the table asks of it', () => {
  it('bots launched together share a launch id; another launch gets another', async () => {
    const h = harness();
    const first = await h.launch(['Ada', 'Grace']);
    const second = await h.launch(['Linus']);
    const ids = [...first, ...second].map((id) => h.view(id).launchId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('Clear finished forgets left and failed bots, keeps the live ones, and says which went', async () => {
    const h = harness();
    const [left, failed, live] = (await h.launch(['Left', 'Failed', 'Live'])) as [
      string,
      string,
      string,
    ];
    for (const id of [left, failed, live]) await h.joinPage(id);
    h.fleet.leave(left);
    await h.report(left, 'left');
    await h.report(failed, 'kicked', { code: 3009 });
    expect(h.view(failed).state).toBe('failed');
    const events = watch(h);

    expect(h.fleet.clearEnded()).toBe(2);
    await h.clock.advance(0);
    expect(h.fleet.list().map((bot) => bot.id)).toEqual([live]);
    expect(h.fleet.has(left)).toBe(false);
    expect(events.flatMap((event) => event.removed ?? []).sort()).toEqual([failed, left].sort());
    // A second clear has nothing left to clear.
    expect(h.fleet.clearEnded()).toBe(0);
  });

  it('a bot that ends and is cleared in the same moment is still seen ending before it goes', async () => {
    const h = harness();
    const [id] = (await h.launch(['Ada'])) as [string];
    await h.joinPage(id);
    const events = watch(h);
    h.fleet.botStatus(id, { status: 'ended', code: null, message: null, participantId: null });
    h.fleet.clearEnded();
    await h.clock.advance(0);
    expect(
      events.map((event) => [event.bots.map((bot) => bot.state), event.removed ?? []]),
    ).toEqual([
      [['left'], []],
      [[], [id]],
    ]);
  });

  it('leaving a selection asks only its live bots, and says how many', async () => {
    const h = harness();
    const [a, b, c] = (await h.launch(['A', 'B', 'C'])) as [string, string, string];
    for (const id of [a, b, c]) await h.joinPage(id);
    await h.report(c, 'kicked', { code: 3009 });
    expect(h.fleet.leaveMany([a, c, 'no-such-bot'])).toBe(1);
    await h.clock.advance(0);
    expect(h.view(a).state).toBe('leaving');
    expect(h.view(b).state).toBe('in_meeting');
    expect(h.windows.commands).toEqual([[a, { type: 'leave' }]]);
  });

  it("a meeting's Leave all leaves that meeting's bots, queued ones included, and no other", async () => {
    const h = harness();
    const here = await h.launch(['Here 1', 'Here 2']);
    const there = await h.launch(['There'], undefined, {}, { meetingNumber: OTHER_MEETING });
    for (const id of [...here, ...there]) await h.joinPage(id);
    const late = await h.launch(['Late'], undefined, {}, { meetingNumber: OTHER_MEETING });

    expect(h.fleet.leaveMeeting(OTHER_MEETING)).toBe(2);
    await h.clock.advance(0);
    expect(here.map((id) => h.view(id).state)).toEqual(['in_meeting', 'in_meeting']);
    expect(h.view(there[0] as string).state).toBe('leaving');
    // Not in the meeting yet: stopped at once.
    expect(h.view(late[0] as string).state).toBe('left');
  });
});
