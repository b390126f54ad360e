/**
 * Which bot changes interrupt the operator, and how several at once read: the notifier fed the
 * same batched bot views the dashboard gets, on a manual clock, with a host port that records
 * what it would show.
 */
import { describe, expect, it } from 'vitest';
import { KICKED_FAILURE, NOTES } from '../../../../src/main/fleet/bot-words';
import { createBotNotifier } from '../../../../src/main/notifications/bot-notifier';
import { formatMeetingNumber } from '../../../../src/main/notifications/notification-words';
import type { BotView, BotsChangedEvent } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';
import { manualClock, silentLogger } from '../fleet/fleet-harness';

async function setup(options: { port?: boolean } = {}) {
  const clock = manualClock();
  const shown: { title: string; body: string }[] = [];
  let push: (event: BotsChangedEvent) => void = () => undefined;
  const notifier = await createBotNotifier({
    fleet: {
      onChanged(listener) {
        push = listener;
        return () => (push = () => undefined);
      },
    },
    port:
      options.port === false
        ? null
        : { shownBy: 'browser', show: (title, body) => shown.push({ title, body }) },
    settings: undefined,
    timers: clock.timers,
    logger: silentLogger(),
    groupWindowMs: 1_000,
  });
  const send = (...bots: BotView[]) => push({ bots });
  return { notifier, clock, shown, send };
}

const MEETING = '1234567890';
const live = (id: string, name = `Bot ${id}`, meetingNumber = MEETING) =>
  makeBot({ id, name, meetingNumber, state: 'in_meeting' });
const ended = (bot: BotView) =>
  makeBot({ ...bot, state: 'left', note: NOTES.hostEnded, endedAt: 2_000 });

describe('bot notifications', () => {
  it('an ended meeting with three bots is one notification', async () => {
    const { clock, shown, send } = await setup();
    const bots = [live('a', 'Ada'), live('b', 'Grace'), live('c', 'Linus')];
    send(...bots);
    send(ended(bots[0] as BotView));
    send(ended(bots[1] as BotView), ended(bots[2] as BotView));
    expect(shown).toEqual([]);
    await clock.advance(1_000);
    expect(shown).toEqual([
      {
        title: '3 bots left meeting 123 456 7890: the host ended it',
        body: 'Ada, Grace and Linus left.',
      },
    ]);
  });

  it('a failure says why; a removal says Botdeck will not rejoin', async () => {
    const { clock, shown, send } = await setup();
    send(live('a', 'Ada'), live('b', 'Grace', '987654321'));
    send(
      makeBot({
        id: 'a',
        name: 'Ada',
        meetingNumber: MEETING,
        state: 'failed',
        failure: { kind: 'join', code: 3004, message: 'Wrong meeting passcode.' },
      }),
      makeBot({
        id: 'b',
        name: 'Grace',
        meetingNumber: '987654321',
        state: 'failed',
        failure: KICKED_FAILURE,
      }),
    );
    await clock.advance(1_000);
    expect(shown).toEqual([
      { title: 'Ada failed in meeting 123 456 7890', body: 'Wrong meeting passcode.' },
      {
        title: 'Grace was removed from meeting 987 654 321 by the host',
        body: 'Botdeck will not rejoin it.',
      },
    ]);
  });

  it('says nothing about leaving on request, bots it never saw live, or the same end twice', async () => {
    const { clock, shown, send } = await setup();
    const ada = live('a', 'Ada');
    send(ada);
    send(makeBot({ ...ada, state: 'left', note: NOTES.leftOnRequest }));
    send(makeBot({ id: 'old', state: 'failed', failure: KICKED_FAILURE }));
    const grace = live('g', 'Grace');
    send(grace);
    send(ended(grace));
    send(ended(grace));
    await clock.advance(5_000);
    expect(shown.map((note) => note.title)).toEqual([
      'Grace left meeting 123 456 7890: the host ended it',
    ]);
  });

  it('stays quiet once turned off, and again speaks once turned on', async () => {
    const { notifier, clock, shown, send } = await setup();
    expect(notifier.settings()).toEqual({ enabled: true, shownBy: 'browser' });
    expect(await notifier.setEnabled(false)).toEqual({
      ok: true,
      value: { enabled: false, shownBy: 'browser' },
    });
    const ada = live('a', 'Ada');
    send(ada);
    send(ended(ada));
    await clock.advance(5_000);
    expect(shown).toEqual([]);
    await notifier.setEnabled(true);
    const grace = live('g', 'Grace');
    send(grace);
    send(ended(grace));
    await clock.advance(5_000);
    expect(shown).toHaveLength(1);
  });

  it('never carries a token-shaped text, and a host without notifications shows none', async () => {
    const { clock, shown, send } = await setup();
    const zak = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const ada = live('a', 'Ada');
    send(ada);
    send(
      makeBot({
        ...ada,
        state: 'failed',
        failure: { kind: 'join', code: null, message: `Zoom said zak=${zak} passcode=Pq7x2z` },
      }),
    );
    await clock.advance(1_000);
    expect(JSON.stringify(shown)).not.toContain(zak);
    expect(JSON.stringify(shown)).not.toContain('Pq7x2z');

    const silent = await setup({ port: false });
    expect(silent.notifier.settings()).toEqual({ enabled: true, shownBy: null });
  });

  it('groups meeting numbers as Zoom shows them', () => {
    expect(formatMeetingNumber('123456789')).toBe('123 456 789');
    expect(formatMeetingNumber('1234567890')).toBe('123 456 7890');
    expect(formatMeetingNumber('12345678901')).toBe('123 4567 8901');
    expect(formatMeetingNumber('12a')).toBe('12a');
  });
});
