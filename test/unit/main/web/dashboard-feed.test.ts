import { describe, expect, it } from 'vitest';
import { FEED_FRAME_MS, createDashboardFeed } from '../../../../src/main/web/dashboard-feed';
import type { BotView, BotsChangedEvent } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';
import { manualTime } from '../../../support/manual-time';

function setup() {
  const time = manualTime();
  const sent: { at: number; event: BotsChangedEvent }[] = [];
  const feed = createDashboardFeed((event) => sent.push({ at: time.now(), event }), time);
  const view = (id: string, state: BotView['state']) => makeBot({ id, state });
  return { time, sent, feed, view };
}

describe('the dashboard feed', () => {
  it('sends a lone change on the next turn, a bot’s first view whole', () => {
    const { time, sent, feed, view } = setup();
    feed.push({ bots: [view('a', 'joining')] });
    expect(sent).toEqual([]);
    time.advance(0);
    expect(sent).toEqual([{ at: 0, event: { bots: [view('a', 'joining')] } }]);
  });

  it('sends 200 changes a second as one frame per 16 ms, each bot once with its newest state', () => {
    const { time, sent, feed, view } = setup();
    const ids = Array.from({ length: 50 }, (_, index) => `bot-${index}`);
    feed.push({ bots: ids.map((id) => view(id, 'joining')) });
    time.advance(FEED_FRAME_MS);
    // Half a second of changes, one every 5 ms.
    for (let tick = 0; tick < 100; tick++) {
      feed.push({ bots: [view(ids[tick % 50] ?? '', tick < 50 ? 'reconnecting' : 'in_meeting')] });
      time.advance(5);
    }
    time.advance(FEED_FRAME_MS);
    const frames = sent.slice(1);
    expect(frames.length).toBeLessThanOrEqual(Math.ceil(500 / FEED_FRAME_MS) + 1);
    for (const { event } of frames) {
      expect(event.bots).toEqual([]);
      const changed = (event.changes ?? []).map((change) => change.id);
      expect(new Set(changed).size).toBe(changed.length);
    }
    const gaps = frames.slice(1).map((frame, index) => frame.at - (frames[index]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(FEED_FRAME_MS);
    const last = new Map(
      frames.flatMap(({ event }) => (event.changes ?? []).map((c) => [c.id, c.state])),
    );
    expect([...new Set(last.values())]).toEqual(['in_meeting']);
  });

  it('passes cleared bots on, dropping a change to a bot cleared in the same frame', () => {
    const { time, sent, feed, view } = setup();
    feed.push({ bots: [view('a', 'in_meeting'), view('b', 'in_meeting')] });
    time.advance(0);
    feed.push({ bots: [view('a', 'left')] });
    feed.push({ bots: [], removed: ['a'] });
    time.advance(FEED_FRAME_MS);
    expect(sent.at(-1)?.event).toEqual({ bots: [], removed: ['a'] });
  });
});
