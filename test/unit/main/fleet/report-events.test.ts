import { describe, expect, it } from 'vitest';
import { reportToEvents } from '../../../../src/main/fleet/report-events';
import { isWorthAnotherAttempt } from '../../../../src/main/fleet/rejoin-policy';
import { ZAK_REFUSED_MESSAGE, describeJoinError } from '../../../../src/shared/zoom-errors';
import type { BotReportedStatus } from '../../../../src/shared/ipc-contract';

const report = (
  status: BotReportedStatus,
  extra: { code?: number; participantCount?: number } = {},
) => ({
  status,
  code: extra.code ?? null,
  message: null,
  participantId: null,
  participantCount: extra.participantCount,
});

describe('page reports as state-machine events', () => {
  it('in_meeting with a head count joins and counts; repeated, it only counts', () => {
    expect(reportToEvents(report('in_meeting', { participantCount: 3 }), false)).toEqual([
      { type: 'joined' },
      { type: 'participants', count: 3 },
    ]);
    expect(reportToEvents(report('in_meeting', { participantCount: 1 }), true)).toEqual([
      { type: 'participants', count: 1 },
    ]);
    expect(reportToEvents(report('in_meeting'), true)).toEqual([]);
  });

  it('a drop that carries Zoom’s removal code is a kick', () => {
    expect(reportToEvents(report('disconnected', { code: 3009 }), true)).toEqual([
      { type: 'kicked' },
    ]);
    expect(reportToEvents(report('disconnected'), true)).toEqual([{ type: 'disconnected' }]);
  });

  it('sign-in required says the account’s ZAK was refused; other codes keep the shared words', () => {
    for (const code of [3100, 3051, 3052, 6024]) {
      expect(reportToEvents(report('failed', { code }), false)).toEqual([
        { type: 'failed', failure: { kind: 'join', code, message: ZAK_REFUSED_MESSAGE } },
      ]);
    }
    expect(reportToEvents(report('failed', { code: 3004 }), false)).toEqual([
      { type: 'failed', failure: { kind: 'join', code: 3004, message: describeJoinError(3004) } },
    ]);
  });
});

describe('which rejoin failures are worth another attempt', () => {
  it('retries what a fresh attempt can fix, not what it cannot', () => {
    const join = (code: number | null) => ({ kind: 'join' as const, code, message: 'x' });
    for (const code of [null, 1, 200, 3008, 3100, 3633, 3634, 4005, 4008, 503]) {
      expect(isWorthAnotherAttempt(join(code)), String(code)).toBe(true);
    }
    for (const code of [3001, 3004, 3009, 3099, 3705, 3712, 4004, 4006, 4011, 10000]) {
      expect(isWorthAnotherAttempt(join(code)), String(code)).toBe(false);
    }
    expect(isWorthAnotherAttempt({ kind: 'api', code: 429, message: 'x' })).toBe(true);
    expect(isWorthAnotherAttempt({ kind: 'app', code: null, message: 'x' })).toBe(true);
  });
});
