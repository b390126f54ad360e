/**
 * A hundred bots from one launch, against the real sandbox over HTTP: every one reaches the
 * meeting at the default launch pace, Leave all empties the meeting, and no bot fails on the
 * way in or out. (How long it takes is `npm run bench`'s business, with real Chromium pages.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { startFleet, type FleetKit } from './fleet-test-kit';
import { createMeeting, participants } from '../../support/sandbox-client';

const BOTS = 100;

let sandbox: RunningSandbox;
let kit: FleetKit | null = null;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterEach(async () => {
  await kit?.botdeck.dispose();
  kit = null;
  await sandbox.close();
});

describe('a hundred sandbox bots', () => {
  it('all join from one launch, all leave on Leave all, and none fails', async () => {
    kit = await startFleet(sandbox, { joinTimeoutMs: 60_000 });
    const meeting = await createMeeting(sandbox);
    const names = Array.from({ length: BOTS }, (_, index) => `Scale ${index + 1}`);
    const ids = await kit.launch(meeting, names);
    expect(ids).toHaveLength(BOTS);
    const statesOf = async () => (await kit?.snapshot())?.bots.map((bot) => bot.state) ?? [];

    await vi.waitFor(async () => expect(await statesOf()).toEqual(ids.map(() => 'in_meeting')), {
      timeout: 120_000,
      interval: 250,
    });
    expect(await participants(sandbox, meeting.meetingNumber)).toHaveLength(BOTS);

    expect(await kit.botdeck.handleDashboard('bots:leave-all', {})).toEqual({
      ok: true,
      value: { count: BOTS },
    });
    await vi.waitFor(async () => expect(await statesOf()).toEqual(ids.map(() => 'left')), {
      timeout: 60_000,
      interval: 250,
    });
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
    // Nothing failed on the way: no bot was ever shown failed, or rejoining.
    const everSeen = new Set(kit.events.flatMap((event) => event.bots.map((bot) => bot.state)));
    expect(everSeen.has('failed')).toBe(false);
    expect(everSeen.has('reconnecting')).toBe(false);
  }, 240_000);
});
