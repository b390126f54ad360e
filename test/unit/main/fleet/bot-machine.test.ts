import { describe, expect, it } from 'vitest';
import type { BotState } from '../../../../src/shared/ipc-contract';
import { transition } from '../../../../src/main/fleet/bot-machine';
import type { BotEvent } from '../../../../src/main/fleet/bot-rules';
import { KICKED_FAILURE, NOTES } from '../../../../src/main/fleet/bot-words';
import {
  createBotRecord,
  toBotView,
  type BotRecord,
  type RejoinProgress,
} from '../../../../src/main/fleet/bot-record';
import { SETTLED_AFTER_MS } from '../../../../src/main/fleet/rejoin-policy';
import { ZAK_REFUSED_MESSAGE } from '../../../../src/shared/zoom-errors';

const T0 = 1_000;
const NOW = 5_000;
const CAUSE = { kind: 'join' as const, code: null, message: 'Lost the connection to the meeting.' };

function botIn(state: BotState, extra: Partial<BotRecord> = {}): BotRecord {
  const base = createBotRecord(
    {
      id: 'bot-1',
      name: 'Ada',
      meetingNumber: '123456789',
      accountId: 'acc',
      launchId: 'launch-1',
      avatarUrl: null,
      maxRejoins: 5,
    },
    T0,
  );
  return { ...base, state, ...extra };
}

const rejoining = (phase: RejoinProgress['phase'], nextTryAt: number | null = null): BotRecord =>
  botIn('reconnecting', { rejoin: { phase, nextTryAt, cause: CAUSE }, rejoinsUsed: 1 });

/**
 * Every distinct place a bot can be. `reconnecting` alone is Zoom's own reconnect (the page is
 * there); `rejoin:*` are Botdeck's rejoin phases, `rejoin:backoff` before its delay was picked.
 */
const SUBJECTS = {
  queued: botIn('queued'),
  minting: botIn('minting'),
  joining: botIn('joining'),
  waiting_room: botIn('waiting_room'),
  in_meeting: botIn('in_meeting'),
  reconnecting: botIn('reconnecting'),
  'rejoin:backoff': rejoining('backoff'),
  'rejoin:scheduled': rejoining('backoff', 9_000),
  'rejoin:minting': rejoining('minting'),
  'rejoin:joining': rejoining('joining'),
  leaving: botIn('leaving'),
  left: botIn('left'),
  failed: botIn('failed'),
} satisfies Record<string, BotRecord>;
type Subject = keyof typeof SUBJECTS;

/** Where a bot is, in the same words as SUBJECTS. */
function placeOf(bot: BotRecord): Subject {
  if (bot.state !== 'reconnecting' || bot.rejoin === null) return bot.state;
  const { phase, nextTryAt } = bot.rejoin;
  if (phase === 'backoff') return nextTryAt === null ? 'rejoin:backoff' : 'rejoin:scheduled';
  return `rejoin:${phase}`;
}

const RETRYABLE = { kind: 'join' as const, code: null, message: 'Zoom said no' };
const FINAL = { kind: 'join' as const, code: 3004, message: 'Wrong passcode' };

const EVENTS: [string, BotEvent][] = [
  ['mint-started', { type: 'mint-started' }],
  ['minted', { type: 'minted' }],
  ['rejoin-scheduled', { type: 'rejoin-scheduled', at: 9_000 }],
  ['page-connecting', { type: 'page-connecting' }],
  ['waiting-room', { type: 'waiting-room' }],
  ['joined', { type: 'joined' }],
  ['participants', { type: 'participants', count: 3 }],
  ['reconnecting', { type: 'reconnecting' }],
  ['disconnected', { type: 'disconnected' }],
  ['kicked', { type: 'kicked' }],
  ['meeting-ended', { type: 'meeting-ended' }],
  ['leave-requested', { type: 'leave-requested' }],
  ['auto-leave', { type: 'auto-leave', reason: 'alone', afterMs: 300_000 }],
  ['left', { type: 'left' }],
  ['window-gone', { type: 'window-gone', reason: 'crashed' }],
  ['failed (worth a retry)', { type: 'failed', failure: RETRYABLE }],
  ['failed (final)', { type: 'failed', failure: FINAL }],
  ['join-timeout', { type: 'join-timeout', afterMs: 60_000 }],
];

const PAGE: Subject[] = ['joining', 'waiting_room', 'in_meeting', 'reconnecting', 'rejoin:joining'];
const NO_PAGE_REJOIN: Subject[] = ['rejoin:backoff', 'rejoin:scheduled', 'rejoin:minting'];
const to = (subjects: Subject[], target: Subject): Partial<Record<Subject, Subject>> =>
  Object.fromEntries(subjects.map((subject) => [subject, target]));

/** The whole machine: for each event, where it leads from each place that accepts it. */
const LEGAL: Record<string, Partial<Record<Subject, Subject>>> = {
  'mint-started': { queued: 'minting', 'rejoin:scheduled': 'rejoin:minting' },
  minted: { minting: 'joining', 'rejoin:minting': 'rejoin:joining' },
  'rejoin-scheduled': { 'rejoin:backoff': 'rejoin:scheduled' },
  'page-connecting': {
    joining: 'joining',
    waiting_room: 'waiting_room',
    reconnecting: 'reconnecting',
    'rejoin:joining': 'rejoin:joining',
  },
  'waiting-room': to(['joining', 'in_meeting', 'reconnecting', 'rejoin:joining'], 'waiting_room'),
  joined: to(['joining', 'waiting_room', 'reconnecting', 'rejoin:joining'], 'in_meeting'),
  participants: { in_meeting: 'in_meeting' },
  reconnecting: to(['in_meeting', 'waiting_room'], 'reconnecting'),
  disconnected: to(PAGE, 'rejoin:backoff'),
  kicked: to([...PAGE, ...NO_PAGE_REJOIN], 'failed'),
  'meeting-ended': to([...PAGE, ...NO_PAGE_REJOIN, 'leaving'], 'left'),
  'leave-requested': {
    ...to(['queued', 'minting', ...NO_PAGE_REJOIN], 'left'),
    ...to(PAGE, 'leaving'),
  },
  'auto-leave': {
    ...to(NO_PAGE_REJOIN, 'left'),
    ...to(['waiting_room', 'in_meeting', 'reconnecting', 'rejoin:joining'], 'leaving'),
  },
  left: to([...PAGE, 'leaving'], 'left'),
  'window-gone': { ...to(PAGE, 'rejoin:backoff'), leaving: 'left' },
  'failed (worth a retry)': {
    ...to(['queued', 'minting', 'joining', 'waiting_room', 'in_meeting', 'leaving'], 'failed'),
    ...to(['reconnecting', 'rejoin:joining', ...NO_PAGE_REJOIN], 'rejoin:backoff'),
  },
  'failed (final)': to(['queued', 'minting', 'leaving', ...PAGE, ...NO_PAGE_REJOIN], 'failed'),
  'join-timeout': { joining: 'failed', 'rejoin:joining': 'rejoin:backoff' },
};

const CASES = EVENTS.flatMap(([name, event]) =>
  (Object.keys(SUBJECTS) as Subject[]).map(
    (subject) => [name, subject, event, LEGAL[name]?.[subject] ?? null] as const,
  ),
);

describe('transition: the full event × state matrix', () => {
  it.each(CASES.filter(([, , , target]) => target !== null))(
    '%s from %s is allowed',
    (_name, subject, event, target) => {
      const result = transition(SUBJECTS[subject], event, NOW);
      expect(result.ok).toBe(true);
      if (result.ok) expect(placeOf(result.bot)).toBe(target);
    },
  );

  it.each(CASES.filter(([, , , target]) => target === null))(
    '%s from %s is refused with a reason',
    (_name, subject, event) => {
      const result = transition(SUBJECTS[subject], event, NOW);
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/\w/) });
    },
  );
});

/** Applies events in order, failing the test on a refusal. */
function run(bot: BotRecord, steps: [BotEvent, number][]): BotRecord {
  return steps.reduce((current, [event, at]) => {
    const result = transition(current, event, at);
    if (!result.ok) throw new Error(result.reason);
    return result.bot;
  }, bot);
}

describe('transition: rejoining', () => {
  it('a drop rejoins with attempt 1 of the limit, shown once the delay is picked', () => {
    const dropped = run(botIn('in_meeting', { settledSince: NOW - 1 }), [
      [{ type: 'disconnected' }, NOW],
    ]);
    expect(dropped).toMatchObject({ state: 'reconnecting', rejoinsUsed: 1, settledSince: null });
    expect(dropped.rejoin).toEqual({ phase: 'backoff', nextTryAt: null, cause: CAUSE });
    const scheduled = run(dropped, [[{ type: 'rejoin-scheduled', at: NOW + 2_000 }, NOW]]);
    expect(toBotView(scheduled).reconnect).toEqual({
      attempt: 1,
      maxAttempts: 5,
      nextTryAt: NOW + 2_000,
      reason: CAUSE.message,
    });
    const minting = run(scheduled, [[{ type: 'mint-started' }, NOW + 2_000]]);
    expect(toBotView(minting).reconnect?.nextTryAt).toBeNull();
  });

  it('a full rejoin mints a new join attempt and clears the progress once back in', () => {
    const back = run(rejoining('backoff', NOW), [
      [{ type: 'mint-started' }, NOW],
      [{ type: 'minted' }, NOW],
      [{ type: 'page-connecting' }, NOW],
      [{ type: 'joined' }, NOW + 10],
    ]);
    expect(back).toMatchObject({ state: 'in_meeting', joinAttempts: 1, rejoin: null });
    expect(back.settledSince).toBe(NOW + 10);
    expect(toBotView(back).reconnect).toBeNull();
  });

  it('gives up after the last attempt with the last failure’s reason', () => {
    const exhausted = rejoining('joining');
    exhausted.rejoinsUsed = 5;
    const result = run(exhausted, [[{ type: 'window-gone', reason: 'crashed' }, NOW]]);
    expect(result.state).toBe('failed');
    expect(result.failure).toEqual({
      kind: 'app',
      code: null,
      message: 'The bot window crashed. Botdeck gave up after 5 rejoin attempts.',
    });
    expect(result.endedAt).toBe(NOW);
  });

  it('with rejoining off, a drop fails at once with the plain reason', () => {
    const result = run(botIn('in_meeting', { maxRejoins: 0 }), [[{ type: 'disconnected' }, NOW]]);
    expect(result).toMatchObject({ state: 'failed', failure: CAUSE });
  });

  it('attempts keep counting across short stays and restart after a settled one', () => {
    const shortStay = run(rejoining('joining'), [
      [{ type: 'joined' }, NOW],
      [{ type: 'disconnected' }, NOW + SETTLED_AFTER_MS - 1],
    ]);
    expect(shortStay.rejoinsUsed).toBe(2);
    const longStay = run(rejoining('joining'), [
      [{ type: 'joined' }, NOW],
      [{ type: 'disconnected' }, NOW + SETTLED_AFTER_MS],
    ]);
    expect(longStay.rejoinsUsed).toBe(1);
  });

  it('a failed rejoin attempt tries again unless the failure is final', () => {
    const retried = run(rejoining('joining'), [[{ type: 'failed', failure: RETRYABLE }, NOW]]);
    expect(retried).toMatchObject({ state: 'reconnecting', rejoinsUsed: 2 });
    expect(retried.rejoin?.cause).toEqual(RETRYABLE);
    const final = run(rejoining('joining'), [[{ type: 'failed', failure: FINAL }, NOW]]);
    expect(final).toMatchObject({ state: 'failed', failure: FINAL });
  });

  it('sign-in required fails a first join but is retried with a fresh ZAK during a rejoin', () => {
    const refused = { kind: 'join' as const, code: 3100, message: ZAK_REFUSED_MESSAGE };
    expect(run(botIn('joining'), [[{ type: 'failed', failure: refused }, NOW]])).toMatchObject({
      state: 'failed',
      failure: refused,
    });
    expect(run(rejoining('joining'), [[{ type: 'failed', failure: refused }, NOW]])).toMatchObject({
      state: 'reconnecting',
      rejoin: { cause: refused },
    });
  });

  it('a Zoom REST failure while minting for a rejoin is retried', () => {
    const api = { kind: 'api' as const, code: 429, message: 'Rate limited' };
    const result = run(rejoining('minting'), [[{ type: 'failed', failure: api }, NOW]]);
    expect(result).toMatchObject({ state: 'reconnecting', rejoin: { phase: 'backoff' } });
  });

  it('a rejoin that finds the meeting ended leaves with the host’s note', () => {
    const ended = { kind: 'join' as const, code: 4004, message: 'The meeting has ended.' };
    const result = run(rejoining('joining'), [[{ type: 'failed', failure: ended }, NOW]]);
    expect(result).toMatchObject({ state: 'left', note: NOTES.hostEnded, failure: null });
  });

  it('a rejoin attempt that does not connect in time tries again', () => {
    const result = run(rejoining('joining'), [[{ type: 'join-timeout', afterMs: 60_000 }, NOW]]);
    expect(result.rejoin?.cause.message).toMatch(/within 60 s/);
  });

  it('leaving while waiting to rejoin ends at once, without a leaving step for a page it has not got', () => {
    const waiting = rejoining('backoff', NOW);
    const result = run(waiting, [[{ type: 'leave-requested' }, NOW]]);
    // Straight to left: `leaving` would mean asking a page to leave, and the old one is closed.
    expect(result).toMatchObject({ state: 'left', note: NOTES.rejoinCancelled, rejoin: null });
    // And no report from the closed page counts any more.
    expect(transition(result, { type: 'joined' }, NOW).ok).toBe(false);
  });
});

describe('transition: kicks, ends and auto-leave', () => {
  it('a kicked bot fails with 3009 and will not rejoin', () => {
    const result = run(botIn('in_meeting'), [[{ type: 'kicked' }, NOW]]);
    expect(result).toMatchObject({ state: 'failed', rejoin: null, failure: KICKED_FAILURE });
    // Failed is final: no rejoin can start from it.
    expect(transition(result, { type: 'mint-started' }, NOW).ok).toBe(false);
    expect(transition(result, { type: 'disconnected' }, NOW).ok).toBe(false);
    expect(KICKED_FAILURE).toEqual({
      kind: 'join',
      code: 3009,
      message: 'Removed from the meeting by the host; Botdeck will not rejoin.',
    });
    expect(result.endedAt).toBe(NOW);
  });

  it('a kick from the waiting room says so; a 3009 failure is a kick too', () => {
    const fromWaiting = run(botIn('waiting_room'), [[{ type: 'kicked' }, NOW]]);
    expect(fromWaiting.failure?.message).toBe(
      'Removed from the waiting room by the host; Botdeck will not rejoin.',
    );
    const asFailure = run(rejoining('joining'), [
      [{ type: 'failed', failure: { kind: 'join', code: 3009, message: 'removed' } }, NOW],
    ]);
    expect(asFailure).toMatchObject({ state: 'failed', failure: KICKED_FAILURE });
  });

  it('a meeting the host ended leaves the bot with a note and the time, not a failure', () => {
    const result = run(botIn('in_meeting'), [[{ type: 'meeting-ended' }, NOW]]);
    expect(result).toMatchObject({
      state: 'left',
      note: 'The host ended the meeting.',
      failure: null,
      endedAt: NOW,
    });
  });

  it('auto-leave goes through leaving and keeps its reason as the note', () => {
    const alone = run(botIn('in_meeting'), [
      [{ type: 'auto-leave', reason: 'alone', afterMs: 300_000 }, NOW],
      [{ type: 'left' }, NOW + 1],
    ]);
    expect(alone).toMatchObject({
      state: 'left',
      note: 'Left automatically after 5 min alone in the meeting.',
    });
    const waited = run(botIn('waiting_room'), [
      [{ type: 'auto-leave', reason: 'waiting_room', afterMs: 900_000 }, NOW],
      [{ type: 'window-gone', reason: 'closed' }, NOW + 1],
    ]);
    expect(waited.note).toBe('Left automatically after 15 min in the waiting room.');
    const longest = run(botIn('in_meeting'), [
      [{ type: 'auto-leave', reason: 'max_duration', afterMs: 2 * 3_600_000 }, NOW],
    ]);
    expect(longest).toMatchObject({
      state: 'leaving',
      note: 'Left automatically after the maximum of 2 h in the meeting.',
    });
  });

  it('head counts hold while in the meeting and are forgotten when it leaves the meeting', () => {
    const counted = run(botIn('in_meeting'), [[{ type: 'participants', count: 1 }, NOW]]);
    expect(toBotView(counted).participantCount).toBe(1);
    const away = run(counted, [[{ type: 'reconnecting' }, NOW]]);
    expect(away.participantCount).toBeNull();
  });
});

describe('transition: what each transition records', () => {
  it('nothing leaves left or failed', () => {
    for (const state of ['left', 'failed'] as const) {
      for (const [, event] of EVENTS) {
        const result = transition(botIn(state), event, NOW);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toContain('nothing leaves');
      }
    }
  });

  it('minted counts a join attempt, for a first join and for a rejoin', () => {
    const first = transition(botIn('minting'), { type: 'minted' }, NOW);
    expect(first.ok && first.bot.joinAttempts).toBe(1);
    const again = transition(rejoining('minting'), { type: 'minted' }, NOW);
    expect(again.ok && again.bot.joinAttempts).toBe(1);
    expect(transition(botIn('queued'), { type: 'minted' }, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('minted'),
    });
  });

  it('joining the meeting stamps joinedAt once', () => {
    const first = transition(botIn('joining'), { type: 'joined' }, NOW);
    expect(first.ok && first.bot.joinedAt).toBe(NOW);
    const again = transition(botIn('reconnecting', { joinedAt: 2_000 }), { type: 'joined' }, NOW);
    expect(again.ok && again.bot.joinedAt).toBe(2_000);
  });

  it('leaving before joining cancels; leaving a meeting goes through leaving', () => {
    const cancelled = transition(botIn('minting'), { type: 'leave-requested' }, NOW);
    expect(cancelled.ok && cancelled.bot).toMatchObject({
      state: 'left',
      note: NOTES.cancelled,
      endedAt: NOW,
    });
    const leaving = transition(botIn('in_meeting'), { type: 'leave-requested' }, NOW);
    expect(leaving.ok && leaving.bot).toMatchObject({ state: 'leaving', endedAt: null });
  });

  it('left notes whether the operator asked', () => {
    const asked = transition(botIn('leaving'), { type: 'left' }, NOW);
    expect(asked.ok && asked.bot.note).toBe(NOTES.leftOnRequest);
    const own = transition(botIn('in_meeting'), { type: 'left' }, NOW);
    expect(own.ok && own.bot.note).toBe(NOTES.leftOnItsOwn);
  });

  it('a window that goes away while leaving is a clean leave; otherwise the bot rejoins', () => {
    const leaving = transition(botIn('leaving'), { type: 'window-gone' }, NOW);
    expect(leaving.ok && leaving.bot).toMatchObject({ state: 'left', failure: null });
    const closed = transition(botIn('in_meeting'), { type: 'window-gone', reason: 'closed' }, NOW);
    expect(closed.ok && closed.bot.rejoin?.cause).toEqual({
      kind: 'app',
      code: null,
      message: 'The bot window closed unexpectedly.',
    });
    const hung = transition(botIn('joining'), { type: 'window-gone', reason: 'unresponsive' }, NOW);
    expect(hung.ok && hung.bot.rejoin?.cause.message).toBe(
      'The bot window stopped responding and was closed.',
    );
  });

  it('a first join timeout says how long Botdeck waited', () => {
    const result = transition(botIn('joining'), { type: 'join-timeout', afterMs: 60_000 }, NOW);
    expect(result.ok && result.bot.failure).toMatchObject({
      kind: 'app',
      message: expect.stringContaining('60 s'),
    });
  });

  it('terminal states stamp endedAt and state changes stamp stateSince', () => {
    const result = transition(botIn('joining'), { type: 'failed', failure: FINAL }, NOW);
    expect(result.ok && result.bot).toMatchObject({ endedAt: NOW, stateSince: NOW });
    const same = transition(botIn('joining'), { type: 'page-connecting' }, NOW);
    expect(same.ok && same.bot.stateSince).toBe(T0);
  });

  it('never mutates the record it is given', () => {
    const bot = Object.freeze(botIn('in_meeting'));
    const result = transition(bot, { type: 'disconnected' }, NOW);
    expect(result.ok).toBe(true);
    expect(bot.state).toBe('in_meeting');
  });
});
