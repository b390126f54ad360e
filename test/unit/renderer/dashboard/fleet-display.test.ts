import { describe, expect, it } from 'vitest';
import {
  STATE_LABELS,
  countFleet,
  formatFleetSummary,
} from '../../../../src/renderer/dashboard/components/bot-states';
import { formatDuration } from '../../../../src/renderer/dashboard/components/format-duration';
import { BOT_STATES, isEnded, isLive } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';

describe('how the table words the fleet', () => {
  it('shows time in the meeting as mm:ss, and h:mm:ss from an hour on', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_999)).toBe('01:05');
    expect(formatDuration(3_599_000)).toBe('59:59');
    expect(formatDuration(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatDuration(-5_000)).toBe('00:00');
  });

  it('labels every state and lets only live bots be asked to leave', () => {
    expect(BOT_STATES.map((state) => STATE_LABELS[state])).toEqual([
      'Queued',
      'Minting ZAK',
      'Joining',
      'In waiting room',
      'In meeting',
      'Reconnecting',
      'Leaving',
      'Left',
      'Failed',
    ]);
    expect(BOT_STATES.filter(isLive)).toEqual([
      'queued',
      'minting',
      'joining',
      'waiting_room',
      'in_meeting',
      'reconnecting',
    ]);
    expect(BOT_STATES.filter(isEnded)).toEqual(['left', 'failed']);
  });

  it('sums the fleet up as in meeting · joining · failed', () => {
    const bots = [
      makeBot({ id: '1', state: 'in_meeting' }),
      makeBot({ id: '2', state: 'in_meeting' }),
      makeBot({ id: '3', state: 'in_meeting' }),
      makeBot({ id: '4', state: 'minting' }),
      makeBot({ id: '5', state: 'left' }),
    ];
    const counts = countFleet(bots);
    expect(formatFleetSummary(counts)).toBe('3 in meeting · 1 joining · 0 failed');
    expect(counts.live).toBe(4);
  });
});
