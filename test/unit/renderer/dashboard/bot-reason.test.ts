import { describe, expect, it } from 'vitest';
import {
  describeBotReason,
  formatClock,
} from '../../../../src/renderer/dashboard/components/bot-states';
import { makeBot } from '../../../support/bot-view';

const at = (h: number, m: number, s: number) => new Date(2026, 2, 14, h, m, s).getTime();

describe('the bot row’s reason column', () => {
  it('shows the rejoin attempt, the limit and the next try time, then “trying now”', () => {
    const bot = makeBot({
      id: 'a',
      state: 'reconnecting',
      reconnect: {
        attempt: 2,
        maxAttempts: 5,
        nextTryAt: at(14, 3, 12),
        reason: 'Lost the connection to the meeting.',
      },
    });
    expect(describeBotReason(bot, at(14, 3, 0))).toBe(
      'Rejoining: attempt 2 of 5, next try 14:03:12 — Lost the connection to the meeting.',
    );
    expect(describeBotReason(bot, at(14, 3, 12))).toMatch(/attempt 2 of 5, trying now —/);
  });

  it('says who ended a bot and when', () => {
    const kicked = makeBot({
      id: 'k',
      state: 'failed',
      endedAt: at(14, 2, 5),
      failure: {
        kind: 'join',
        code: 3009,
        message: 'Removed from the meeting by the host; Botdeck will not rejoin.',
      },
    });
    expect(describeBotReason(kicked, at(15, 0, 0))).toBe(
      'Removed from the meeting by the host; Botdeck will not rejoin. · at 14:02:05',
    );
    const ended = makeBot({
      id: 'e',
      state: 'left',
      endedAt: at(9, 5, 0),
      note: 'The host ended the meeting.',
    });
    expect(describeBotReason(ended, 0)).toBe('The host ended the meeting. · at 09:05:00');
    expect(describeBotReason(makeBot({ id: 'q' }), 0)).toBe('');
    expect(formatClock(at(0, 0, 9))).toBe('00:00:09');
  });
});
