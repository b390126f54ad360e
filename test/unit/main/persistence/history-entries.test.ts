import { describe, expect, it } from 'vitest';
import { createHistoryTracker } from '../../../../src/main/persistence/history-entries';
import type { BotView } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';

const view = (state: BotView['state'], overrides: Partial<BotView> = {}): BotView =>
  makeBot({ id: 'a', name: 'Ada', state, meetingNumber: '81234567890', ...overrides });

describe('history entries from bot changes', () => {
  it('a join when the bot gets in, a rejoin when it gets back in, a leave with its reason', () => {
    const tracker = createHistoryTracker();
    const kinds = [
      tracker.entriesFor([view('queued'), view('minting')], 1),
      tracker.entriesFor([view('in_meeting')], 2),
      tracker.entriesFor([view('in_meeting', { participantCount: 3 })], 3),
      tracker.entriesFor([view('reconnecting')], 4),
      tracker.entriesFor([view('in_meeting')], 5),
      tracker.entriesFor([view('left', { note: 'Left at the operator’s request.' })], 6),
    ].flat();

    expect(kinds).toEqual([
      {
        kind: 'join',
        at: 2,
        botId: 'a',
        name: 'Ada',
        meetingNumber: '81234567890',
        accountId: 'sandbox',
        rejoin: false,
      },
      expect.objectContaining({ kind: 'join', at: 5, rejoin: true }),
      expect.objectContaining({ kind: 'leave', at: 6, reason: 'Left at the operator’s request.' }),
    ]);
  });

  it('a failure with Zoom’s code and the operator words', () => {
    const tracker = createHistoryTracker();
    const entries = tracker.entriesFor(
      [
        view('failed', {
          failure: { kind: 'join', code: 3100, message: 'The bot’s Zoom sign-in was revoked.' },
        }),
      ],
      7,
    );
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'failure',
        at: 7,
        failureKind: 'join',
        code: 3100,
        message: 'The bot’s Zoom sign-in was revoked.',
      }),
    ]);
  });

  it('repeats nothing for a view that did not change state', () => {
    const tracker = createHistoryTracker();
    tracker.entriesFor([view('in_meeting')], 1);
    expect(tracker.entriesFor([view('in_meeting')], 2)).toEqual([]);
  });
});
