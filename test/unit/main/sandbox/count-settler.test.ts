import { describe, expect, it } from 'vitest';
import { COUNT_SETTLE_MS, createCountSettler } from '../../../../src/main/sandbox/count-settler';

/** A clock and timers that move only when the test says so. */
function manualTime() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => {
      timers.push({ at: now + ms, run, id: nextId });
      return nextId++;
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
    /** Moves time forward, running each due timer at its own time. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((timer) => timer !== next);
        now = next.at;
        next.run();
      }
      now = until;
    },
    pending: () => timers.length,
  };
}

function setup() {
  const time = manualTime();
  const sent: { meeting: string; at: number }[] = [];
  const settler = createCountSettler({
    ...time,
    send: (meeting) => sent.push({ meeting, at: time.now() }),
  });
  return { time, sent, settler };
}

describe('head counts in a busy meeting', () => {
  it('go out at once after a quiet second', () => {
    const { time, sent, settler } = setup();
    settler.changed('m1');
    time.advance(COUNT_SETTLE_MS + 1);
    settler.changed('m1');
    expect(sent).toEqual([
      { meeting: 'm1', at: 0 },
      { meeting: 'm1', at: COUNT_SETTLE_MS + 1 },
    ]);
  });

  it('go out once per second while people keep joining, the last change included', () => {
    const { time, sent, settler } = setup();
    // 100 joins, 25 ms apart: two and a half seconds of a busy meeting.
    for (let join = 0; join < 100; join++) {
      settler.changed('m1');
      time.advance(25);
    }
    time.advance(COUNT_SETTLE_MS);
    expect(sent.map((send) => send.at)).toEqual([0, 1_000, 2_000, 3_000]);
    expect(time.pending()).toBe(0);
  });

  it('settle each meeting on its own, and drop what waits at shutdown', () => {
    const { time, sent, settler } = setup();
    settler.changed('m1');
    settler.changed('m2');
    settler.changed('m1');
    expect(sent.map((send) => send.meeting)).toEqual(['m1', 'm2']);
    settler.dispose();
    time.advance(COUNT_SETTLE_MS);
    expect(sent).toHaveLength(2);
  });
});
