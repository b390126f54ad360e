/**
 * Property-based checks of the real fleet (state machine, rejoins, timers, ticket desk,
 * window keeper) against a fake window host, a fake Zoom and a manual clock. fast-check plays
 * any sequence of pages taking tickets and reporting, windows crashing, the operator leaving,
 * Zoom minting fresh, repeated or no ZAKs, and time passing; after every step:
 *
 * - a bot never holds two windows (the host sees no second open, and ended bots hold none);
 * - no page ever receives a ZAK that any page received before;
 * - a kicked bot never rejoins: no new window and no new ticket after the kick.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOT_REPORTED_STATUSES } from '../../../../src/shared/ipc-contract';
import type { WindowGoneReason } from '../../../../src/main/fleet/bot-window-host';
import { fleetHarness } from './fleet-harness';

const BOTS = 3;
const MAX_REJOINS = 3;

type Mint = 'fresh' | 'repeat' | 'fail';
type Command =
  | { kind: 'ready'; bot: number }
  | {
      kind: 'report';
      bot: number;
      status: (typeof BOT_REPORTED_STATUSES)[number];
      code: number | null;
      count: number | null;
    }
  | { kind: 'crash'; bot: number; reason: WindowGoneReason }
  | { kind: 'leave'; bot: number }
  | { kind: 'advance'; ms: number };

const bot = fc.integer({ min: 0, max: BOTS - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ready' as const), bot }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('report' as const),
      bot,
      status: fc.constantFrom(...BOT_REPORTED_STATUSES),
      code: fc.constantFrom(null, 3009, 3100, 3001, 4004, 3633),
      count: fc.constantFrom(null, 1, 2, 5),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('crash' as const),
      bot,
      reason: fc.constantFrom<WindowGoneReason>('crashed', 'unresponsive', 'closed'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), bot }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(1_000, 2_000, 5_000, 30_000, 120_000, 600_000),
    }),
  },
);

async function check(commands: Command[], mints: Mint[]): Promise<void> {
  const minted: string[] = [];
  const h = fleetHarness({
    limits: {
      reconnectAttempts: MAX_REJOINS,
      joinTimeoutMs: 30_000,
      waitingRoomTimeoutMs: 120_000,
      aloneTimeoutMs: 60_000,
      maxDurationMs: 900_000,
    },
    leaveGraceMs: 5_000,
    // Pages answer a leave as real ones do, so a closed window never waits on a silent page.
    pagesAnswerLeave: true,
    mint(n) {
      const plan = mints[(n - 1) % mints.length] ?? 'fresh';
      if (plan === 'fail') return Promise.reject(new Error('Zoom is down'));
      const zak = plan === 'repeat' && minted.length > 0 ? (minted[0] ?? '') : `zak-${n}`;
      minted.push(zak);
      return Promise.resolve(zak);
    },
  });
  const ids = await h.launch(['A', 'B', 'C']);
  /** Per kicked bot: its windows and tickets when the kick landed. */
  const kicked = new Map<string, { opens: number; tickets: number }>();
  const ticketsOf = (id: string) => h.handed.filter((entry) => entry.botId === id).length;

  for (const step of commands) {
    const id = 'bot' in step ? (ids[step.bot] ?? '') : '';
    switch (step.kind) {
      case 'ready':
        h.ready(id);
        break;
      case 'report': {
        // A page (its window is open) saying it was removed: from here on, no rejoin at all.
        const kick =
          step.status === 'kicked' ||
          (step.code === 3009 && (step.status === 'failed' || step.status === 'disconnected'));
        if (kick && h.windows.open.has(id) && !kicked.has(id)) {
          kicked.set(id, { opens: h.windows.opensOf(id), tickets: ticketsOf(id) });
        }
        await h.report(id, step.status, { code: step.code, participantCount: step.count });
        break;
      }
      case 'crash':
        h.windows.crash(id, step.reason);
        break;
      case 'leave':
        h.fleet.leave(id);
        break;
      case 'advance':
        await h.clock.advance(step.ms);
        break;
    }
    await h.clock.advance(0);

    // A bot never holds two windows, and a bot that ended holds none.
    expect(h.windows.violations).toEqual([]);
    for (const view of h.fleet.list()) {
      if (view.state === 'left' || view.state === 'failed') {
        expect(h.windows.open.has(view.id)).toBe(false);
      }
      if (view.reconnect) expect(view.reconnect.attempt).toBeLessThanOrEqual(MAX_REJOINS);
    }
    // Never a ZAK used before.
    const zaks = h.handed.map((entry) => entry.zak);
    expect(new Set(zaks).size).toBe(zaks.length);
    // Never a rejoin after a kick: no new window, no new ticket, and the bot has ended.
    for (const [kickedId, at] of kicked) {
      expect(['failed', 'left', 'leaving']).toContain(h.view(kickedId).state);
      expect(h.windows.opensOf(kickedId)).toBe(at.opens);
      expect(ticketsOf(kickedId)).toBe(at.tickets);
    }
  }
  const done = h.fleet.dispose(10);
  await h.clock.advance(60_000);
  await done;
  expect(h.windows.open.size).toBe(0);
}

describe('fleet properties (fast-check)', () => {
  it('for any sequence of events: one window per bot, no ZAK twice, no rejoin after a kick', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 40 }),
        fc.array(fc.constantFrom<Mint>('fresh', 'fresh', 'fresh', 'repeat', 'fail'), {
          minLength: 1,
          maxLength: 8,
        }),
        check,
      ),
      { numRuns: 200 },
    );
  });

  it('rejoins really happen in these runs (the properties are not vacuous)', async () => {
    const h = fleetHarness({ limits: { reconnectAttempts: MAX_REJOINS } });
    const [id] = (await h.launch(['A'])) as [string];
    await h.joinPage(id);
    await h.report(id, 'disconnected');
    await h.clock.advance(2_000);
    expect(h.windows.opensOf(id)).toBe(2);
    expect(h.ready(id)).toBe('zak-2');
    const done = h.fleet.dispose(10);
    await h.clock.advance(60_000);
    await done;
  });
});
