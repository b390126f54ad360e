/**
 * Fifty bots launched while Zoom's API misbehaves (429 storms, 5xx, slow answers, failing
 * joins), all injected through `/sandbox/faults`. Nothing may be lost or duplicated: every bot
 * ends in the meeting once or failed with a reason, and what the dashboard was told adds up.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type { BotState, BotView } from '../../../src/shared/ipc-contract';
import { startFleet, type FleetKit } from './fleet-test-kit';
import { addFault, audit, createMeeting, participants } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let kit: FleetKit;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
  kit = await startFleet(sandbox, { launchConcurrency: 8, joinTimeoutMs: 20_000 });
});
afterEach(async () => {
  await kit.botdeck.dispose();
  await sandbox.close();
});

const NAMES = Array.from({ length: 50 }, (_, i) => `Bot ${i + 1}`);
const SETTLED: ReadonlySet<BotState> = new Set(['in_meeting', 'failed']);

it('launches 50 bots through 429 storms, 5xx and slow answers: each joins once or fails with a reason', async () => {
  const meeting = await createMeeting(sandbox);
  await addFault(sandbox, { target: 'oauth', latencyMs: 300 });
  await addFault(sandbox, {
    target: 'zak',
    status: 429,
    fraction: 0.3,
    count: 40,
    retryAfter: '0',
  });
  await addFault(sandbox, { target: 'zak', status: 503, count: 6 });
  await addFault(sandbox, { target: 'zak', latencyMs: 150, fraction: 0.3, count: 30 });
  await addFault(sandbox, { target: 'join', status: 503, fraction: 0.1, count: 5 });
  await addFault(sandbox, { target: 'join', latencyMs: 200, fraction: 0.3, count: 20 });

  const ids = await kit.launch(meeting, NAMES);
  expect(new Set(ids).size).toBe(50);
  await vi.waitFor(
    async () => {
      const bots = (await kit.snapshot()).bots;
      expect(bots.filter((bot) => SETTLED.has(bot.state))).toHaveLength(50);
    },
    { timeout: 60_000, interval: 200 },
  );

  const bots = (await kit.snapshot()).bots;
  expect(bots.map((bot) => bot.id).sort()).toEqual([...ids].sort());
  const inMeeting = bots.filter((bot) => bot.state === 'in_meeting');
  const failed = bots.filter((bot) => bot.state === 'failed');
  expect(inMeeting.length + failed.length).toBe(50);
  expect(inMeeting.length).toBeGreaterThan(0);
  for (const bot of failed) expect(bot.failure?.message).toMatch(/\w{3}/);

  // Exactly the bots in the meeting are in the sandbox meeting, each once.
  const people = (await participants(sandbox, meeting.meetingNumber)).map((p) => p.displayName);
  expect(people.sort()).toEqual(inMeeting.map((bot) => bot.name).sort());
  // No bot joined twice, and no failed bot is hiding in the meeting.
  const { joins } = await audit(sandbox);
  const admitted = joins.filter((join) => join.errorCode === null).map((join) => join.userName);
  expect(admitted.sort()).toEqual(inMeeting.map((bot) => bot.name).sort());
  expect(new Set(joins.map((join) => join.zak)).size).toBe(joins.length);

  // What the dashboard was told is truthful: replaying the batches gives the same 50 bots in
  // the same states, and no bot ever went backwards (changes in one tick arrive as one batch).
  // A first join never rejoins, so a bot seen in any state outside this path is a failure too.
  const latest = new Map<string, BotView>();
  const order: BotState[] = ['queued', 'minting', 'joining', 'in_meeting', 'failed'];
  for (const event of kit.events) {
    for (const view of event.bots) {
      expect(order).toContain(view.state);
      const before = latest.get(view.id);
      if (before) {
        expect(order.indexOf(view.state)).toBeGreaterThanOrEqual(order.indexOf(before.state));
      }
      latest.set(view.id, view);
    }
  }
  expect([...latest.values()].map((view) => [view.id, view.state]).sort()).toEqual(
    bots.map((bot) => [bot.id, bot.state]).sort(),
  );
});

it('a network blip that drops 20 bots at once brings every one back exactly once, each with a fresh ZAK', async () => {
  const meeting = await createMeeting(sandbox);
  const names = NAMES.slice(0, 20);
  const ids = await kit.launch(meeting, names);
  const allIn = async () =>
    expect(
      (await kit.snapshot()).bots.filter(
        (bot) => ids.includes(bot.id) && bot.state === 'in_meeting',
      ),
    ).toHaveLength(20);
  await vi.waitFor(allIn, { timeout: 30_000, interval: 200 });
  await addFault(sandbox, {
    target: 'zak',
    status: 429,
    fraction: 0.3,
    count: 10,
    retryAfter: '0',
  });
  const dropped = await fetch(
    `${sandbox.url}/sandbox/faults/meetings/${meeting.meetingNumber}/drop-all`,
    {
      method: 'POST',
    },
  );
  expect(await dropped.json()).toEqual({ dropped: 20 });

  await vi.waitFor(
    async () => {
      await allIn();
      expect(kit.host.opened).toHaveLength(40);
    },
    { timeout: 30_000, interval: 200 },
  );
  const people = (await participants(sandbox, meeting.meetingNumber)).map((p) => p.displayName);
  expect(people.sort()).toEqual([...names].sort());
  const { joins } = await audit(sandbox);
  expect(joins.filter((join) => join.errorCode === null)).toHaveLength(40);
  expect(new Set(joins.map((join) => join.zak)).size).toBe(joins.length);
});
