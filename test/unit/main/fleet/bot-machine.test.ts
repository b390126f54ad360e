import { describe, expect, it } from 'vitest';
import { BOT_STATES, type BotState } from '../../../../src/shared/ipc-contract';
import {
  KICKED_FAILURE,
  NOTES,
  transition,
  type BotEvent,
} from '../../../../src/main/fleet/bot-machine';
import { createBotRecord, type BotRecord } from '../../../../src/main/fleet/bot-record';

const T0 = 1_000;
const NOW = 5_000;

function botIn(state: BotState, extra: Partial<BotRecord> = {}): BotRecord {
  const base = createBotRecord(
    { id: 'bot-1', name: 'Ada', meetingNumber: '123456789', accountId: 'acc', avatarUrl: null },
    T0,
  );
  return { ...base, state, ...extra };
}

const EVENTS: BotEvent[] = [
  { type: 'mint-started' },
  { type: 'minted' },
  { type: 'page-connecting' },
  { type: 'waiting-room' },
  { type: 'joined' },
  { type: 'reconnecting' },
  { type: 'disconnected' },
  { type: 'kicked' },
  { type: 'meeting-ended' },
  { type: 'leave-requested' },
  { type: 'left' },
  { type: 'window-gone', reason: 'closed' },
  { type: 'failed', failure: { kind: 'join', code: 3001, message: 'gone' } },
  { type: 'join-timeout', afterMs: 60_000 },
];

/** The whole machine: for each event, the state it leads to from each state that accepts it. */
const LEGAL: Record<BotEvent['type'], Partial<Record<BotState, BotState>>> = {
  'mint-started': { queued: 'minting' },
  minted: { minting: 'joining' },
  'page-connecting': {
    joining: 'joining',
    waiting_room: 'waiting_room',
    reconnecting: 'reconnecting',
  },
  'waiting-room': {
    joining: 'waiting_room',
    in_meeting: 'waiting_room',
    reconnecting: 'waiting_room',
  },
  joined: { joining: 'in_meeting', waiting_room: 'in_meeting', reconnecting: 'in_meeting' },
  reconnecting: { in_meeting: 'reconnecting', waiting_room: 'reconnecting' },
  disconnected: {
    joining: 'failed',
    waiting_room: 'failed',
    in_meeting: 'failed',
    reconnecting: 'failed',
  },
  kicked: {
    joining: 'failed',
    waiting_room: 'failed',
    in_meeting: 'failed',
    reconnecting: 'failed',
  },
  'meeting-ended': {
    joining: 'left',
    waiting_room: 'left',
    in_meeting: 'left',
    reconnecting: 'left',
    leaving: 'left',
  },
  'leave-requested': {
    queued: 'left',
    minting: 'left',
    joining: 'leaving',
    waiting_room: 'leaving',
    in_meeting: 'leaving',
    reconnecting: 'leaving',
  },
  left: {
    joining: 'left',
    waiting_room: 'left',
    in_meeting: 'left',
    reconnecting: 'left',
    leaving: 'left',
  },
  'window-gone': {
    joining: 'failed',
    waiting_room: 'failed',
    in_meeting: 'failed',
    reconnecting: 'failed',
    leaving: 'left',
  },
  failed: {
    queued: 'failed',
    minting: 'failed',
    joining: 'failed',
    waiting_room: 'failed',
    in_meeting: 'failed',
    reconnecting: 'failed',
    leaving: 'failed',
  },
  'join-timeout': { joining: 'failed' },
};

const CASES = EVENTS.flatMap((event) =>
  BOT_STATES.map((state) => [event.type, state, event, LEGAL[event.type][state] ?? null] as const),
);

describe('transition: the full event × state matrix', () => {
  it.each(CASES.filter(([, , , to]) => to !== null))(
    '%s from %s is allowed',
    (_type, state, event, to) => {
      const result = transition(botIn(state), event, NOW);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.bot.state).toBe(to);
    },
  );

  it.each(CASES.filter(([, , , to]) => to === null))(
    '%s from %s is refused with a reason',
    (_type, state, event) => {
      const result = transition(botIn(state), event, NOW);
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/\w/) });
    },
  );
});

describe('transition: what each transition records', () => {
  it('nothing leaves left or failed', () => {
    for (const state of ['left', 'failed'] as const) {
      for (const event of EVENTS) {
        const result = transition(botIn(state), event, NOW);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toContain('nothing leaves');
      }
    }
  });

  it('minted only from minting, and it counts a join attempt', () => {
    const result = transition(botIn('minting'), { type: 'minted' }, NOW);
    expect(result.ok && result.bot.joinAttempts).toBe(1);
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

  it('a lost connection fails the bot with readable words', () => {
    const result = transition(botIn('in_meeting'), { type: 'disconnected' }, NOW);
    expect(result.ok && result.bot.failure).toEqual({
      kind: 'join',
      code: null,
      message: 'Lost the connection to the meeting.',
    });
  });

  it('a kicked bot fails with 3009 and will not rejoin', () => {
    const result = transition(botIn('in_meeting'), { type: 'kicked' }, NOW);
    expect(result.ok && result.bot.failure).toEqual(KICKED_FAILURE);
    expect(KICKED_FAILURE).toEqual({
      kind: 'join',
      code: 3009,
      message: 'Removed from the meeting by the host; Botdeck will not rejoin.',
    });
  });

  it('a meeting the host ended leaves the bot with a note, not a failure', () => {
    const result = transition(botIn('in_meeting'), { type: 'meeting-ended' }, NOW);
    expect(result.ok && result.bot).toMatchObject({
      state: 'left',
      note: 'The host ended the meeting.',
      failure: null,
    });
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

  it('a window that goes away while leaving is a clean leave; otherwise a failure', () => {
    const leaving = transition(botIn('leaving'), { type: 'window-gone' }, NOW);
    expect(leaving.ok && leaving.bot).toMatchObject({ state: 'left', failure: null });
    const closed = transition(botIn('in_meeting'), { type: 'window-gone', reason: 'closed' }, NOW);
    expect(closed.ok && closed.bot.failure).toEqual({
      kind: 'app',
      code: null,
      message: 'The bot window closed unexpectedly.',
    });
    const crashed = transition(botIn('joining'), { type: 'window-gone', reason: 'crashed' }, NOW);
    expect(crashed.ok && crashed.bot.failure?.message).toBe('The bot window crashed.');
  });

  it('a join timeout says how long Botdeck waited', () => {
    const result = transition(botIn('joining'), { type: 'join-timeout', afterMs: 60_000 }, NOW);
    expect(result.ok && result.bot.failure).toMatchObject({
      kind: 'app',
      message: expect.stringContaining('60 s'),
    });
  });

  it('terminal states stamp endedAt and state changes stamp stateSince', () => {
    const result = transition(
      botIn('joining'),
      { type: 'failed', failure: { kind: 'join', code: 3004, message: 'x' } },
      NOW,
    );
    expect(result.ok && result.bot).toMatchObject({ endedAt: NOW, stateSince: NOW });
    const same = transition(botIn('joining'), { type: 'page-connecting' }, NOW);
    expect(same.ok && same.bot.stateSince).toBe(T0);
  });

  it('never mutates the record it is given', () => {
    const bot = Object.freeze(botIn('in_meeting'));
    const result = transition(bot, { type: 'leave-requested' }, NOW);
    expect(result.ok).toBe(true);
    expect(bot.state).toBe('in_meeting');
  });
});
