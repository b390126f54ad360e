import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_FRAME_MS, createChangeBatcher } from '../../../../src/main/fleet/change-batcher';
import type { BotsChangedEvent, BotView } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const views = new Map<string, BotView>();
  const events: BotsChangedEvent[] = [];
  const batcher = createChangeBatcher({
    view: (id) => views.get(id),
    logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    now: () => Date.now(),
  });
  batcher.subscribe((event) => events.push(event));
  const change = (id: string, state: BotView['state']) => {
    views.set(id, makeBot({ id, state }));
    batcher.mark(id);
  };
  return { events, change, batcher };
}

describe('the change batcher', () => {
  it('sends a lone change on the next turn, not a frame later', async () => {
    const { events, change } = setup();
    change('a', 'joining');
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(events.map((event) => event.bots.map((bot) => bot.state))).toEqual([['joining']]);
  });

  it('sends a burst as one event per frame, each bot once with its newest view', async () => {
    const { events, change } = setup();
    change('a', 'joining');
    await vi.advanceTimersByTimeAsync(0);
    // 200 changes a second for half a second, over 50 bots.
    for (let tick = 0; tick < 100; tick++) {
      change(`bot-${tick % 50}`, tick % 2 ? 'in_meeting' : 'reconnecting');
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(CHANGE_FRAME_MS);
    const sent = events.slice(1);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(500 / CHANGE_FRAME_MS) + 1);
    expect(sent.length).toBeGreaterThan(10);
    for (const event of sent) {
      const ids = event.bots.map((bot) => bot.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const last = new Map(sent.flatMap((event) => event.bots.map((bot) => [bot.id, bot.state])));
    expect(last.get('bot-49')).toBe('in_meeting');
    expect(last.get('bot-48')).toBe('reconnecting');
  });

  it('flushes what is pending at once when asked', () => {
    const { events, change, batcher } = setup();
    change('a', 'left');
    batcher.flush();
    expect(events).toHaveLength(1);
  });
});
