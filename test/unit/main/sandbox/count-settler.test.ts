import { describe, expect, it } from 'vitest';
import { COUNT_SETTLE_MS, createCountSettler } from '../../../../src/main/sandbox/count-settler';
import { manualTime } from '../../../support/manual-time';

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
