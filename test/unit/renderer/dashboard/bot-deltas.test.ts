/**
 * Bot changes as the web host sends them (view-deltas.ts) and as the dashboard lays them over
 * what it knows (merge-bots.ts, the bots slice): whatever the order of changes, the dashboard
 * ends with the newest view of every bot, and a state change costs a few dozen bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createViewDeltas } from '../../../../src/main/web/view-deltas';
import { parseServerFrame } from '../../../../src/renderer/dashboard/api/server-frame';
import { createAppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { applyBotsChanged } from '../../../../src/renderer/dashboard/store/merge-bots';
import {
  BOT_STATES,
  type BotView,
  type BotsChangedEvent,
} from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';
import { createFakeDashboard, emptySnapshot } from '../helpers/fake-dashboard-api';

const ID = '3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f';

const viewOf = (id: string): fc.Arbitrary<BotView> =>
  fc
    .record({
      state: fc.constantFrom(...BOT_STATES),
      joinedAt: fc.option(fc.nat(), { nil: null }),
      endedAt: fc.option(fc.nat(), { nil: null }),
      note: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      participantCount: fc.option(fc.nat(50), { nil: null }),
      failure: fc.option(
        fc.record({
          kind: fc.constantFrom('join' as const, 'api' as const, 'app' as const),
          code: fc.option(fc.integer(), { nil: null }),
          message: fc.string({ maxLength: 20 }),
        }),
        { nil: null },
      ),
    })
    .map((fields) => makeBot({ id, createdAt: Number(id.slice(1)), ...fields }));

/** Batches of views as the fleet emits them: each bot at most once per batch. */
const batches = fc.array(
  fc
    .uniqueArray(fc.constantFrom('b1', 'b2', 'b3', 'b4'), { minLength: 1 })
    .chain((ids) => fc.tuple(...ids.map(viewOf))),
  { minLength: 1, maxLength: 12 },
);

describe('bot deltas on the wire', () => {
  it('leave the dashboard with the newest view of every bot, whatever the changes', () => {
    // A dashboard connects before batch `connect`, and its snapshot is taken after batch
    // `snapshot`: it lays every event since it connected over the snapshot, in order (the
    // events before the snapshot arrive first and are replayed, as app-slice.ts does).
    const run = fc.record({
      sent: batches,
      connect: fc.nat(),
      snapshot: fc.nat(),
    });
    fc.assert(
      fc.property(run, ({ sent, connect: c, snapshot: s }) => {
        const connect = c % sent.length;
        const snapshot = connect + (s % (sent.length - connect));
        const toEvent = createViewDeltas();
        const latest = new Map<string, BotView>();
        let dashboard = new Map<string, BotView>();
        const received: BotsChangedEvent[] = [];
        sent.forEach((batch, index) => {
          for (const view of batch) latest.set(view.id, view);
          const event = toEvent({ bots: batch });
          if (event && index >= connect) {
            const text = JSON.stringify({ type: 'event', channel: 'bots:changed', payload: event });
            const frame = parseServerFrame(text);
            if (frame?.type !== 'event' || frame.channel !== 'bots:changed') {
              throw new Error('the frame did not parse as a bot change');
            }
            received.push(frame.payload);
          }
          if (index === snapshot) dashboard = new Map(latest);
        });
        for (const event of received) applyBotsChanged(dashboard, event);
        expect(Object.fromEntries(dashboard)).toEqual(Object.fromEntries(latest));
      }),
      { numRuns: 2_000 },
    );
  });

  it('send a known bot’s state change as its id and the new values, not the whole view', () => {
    const toEvent = createViewDeltas();
    const joining = makeBot({ id: ID, name: 'Support 12', state: 'joining' });
    toEvent({ bots: [joining] });
    const event = toEvent({
      bots: [{ ...joining, state: 'in_meeting', joinedAt: 1_764_500_000_000 }],
    });
    expect(event).toEqual({
      bots: [],
      changes: [{ id: ID, state: 'in_meeting', joinedAt: 1_764_500_000_000 }],
    });
    expect(JSON.stringify(event).length).toBeLessThan(JSON.stringify(joining).length / 2);
    expect(
      toEvent({ bots: [{ ...joining, state: 'in_meeting', joinedAt: 1_764_500_000_000 }] }),
    ).toBeNull();
  });

  it('a frame whose changes do not name their bot is refused', () => {
    const frame = (changes: unknown) =>
      parseServerFrame(
        JSON.stringify({ type: 'event', channel: 'bots:changed', payload: { bots: [], changes } }),
      );
    expect(frame([{ id: 'a', state: 'left' }])).not.toBeNull();
    expect(frame([{ state: 'left' }])).toBeNull();
    expect(frame('all of them')).toBeNull();
  });
});

describe('bot changes in the store', () => {
  it('reach the table once per frame, however many events the frame brought', async () => {
    const fake = createFakeDashboard();
    fake.answers.getSnapshot = () =>
      Promise.resolve({
        ok: true,
        value: emptySnapshot({ bots: [makeBot({ id: 'a', state: 'joining' })] }),
      });
    const frames: (() => void)[] = [];
    const store = createAppStore({ api: fake.api, scheduleFrame: (commit) => frames.push(commit) });
    store.getState().start();
    await expect.poll(() => store.getState().bots.size).toBe(1);
    let updates = 0;
    store.subscribe((state, before) => {
      if (state.bots !== before.bots) updates++;
    });

    fake.push({ bots: [makeBot({ id: 'b', createdAt: 2 })] });
    fake.push({ bots: [], changes: [{ id: 'a', state: 'in_meeting', joinedAt: 5 }] });
    fake.push({ bots: [], changes: [{ id: 'b', state: 'minting' }] });
    expect(updates).toBe(0);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(updates).toBe(1);
    expect([...store.getState().bots.values()].map((bot) => [bot.id, bot.state])).toEqual([
      ['a', 'in_meeting'],
      ['b', 'minting'],
    ]);
    expect(store.getState().bots.get('a')?.joinedAt).toBe(5);

    fake.push({ bots: [], changes: [{ id: 'b', state: 'joining' }] });
    expect(frames).toHaveLength(1);
  });
});
