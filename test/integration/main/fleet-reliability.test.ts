/**
 * Fleet reliability against the real sandbox over HTTP: drops, kicks, meeting ends, crashed
 * windows, expiring and revoked ZAKs. Faults come through the sandbox's `/sandbox/faults`
 * routes, and what really happened is read back from the sandbox's audit and participant list.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BotdeckOptions } from '../../../src/main/app/create-botdeck';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { ZAK_REFUSED_MESSAGE } from '../../../src/shared/zoom-errors';
import { isIn, participantNamed, startFleet, type FleetKit } from './fleet-test-kit';
import {
  addFault,
  advanceClock,
  audit,
  createMeeting,
  fault,
  joinsOf,
  participants,
} from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let kit: FleetKit | null = null;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
});
afterEach(async () => {
  await kit?.botdeck.dispose();
  kit = null;
  await sandbox.close();
});

async function oneBotInMeeting(options: Partial<BotdeckOptions> = {}) {
  kit = await startFleet(sandbox, options);
  const meeting = await createMeeting(sandbox);
  const [id] = (await kit.launch(meeting, ['Ada'])) as [string];
  await kit.waitFor(id, isIn('in_meeting'));
  return { kit, meeting, id };
}

describe('a dropped bot rejoins with a fresh ZAK', () => {
  it('drop → reconnecting (attempt 1 of 5) → back in the meeting with a second, different ZAK', async () => {
    const { kit, meeting, id } = await oneBotInMeeting();
    const before = await participantNamed(sandbox, meeting.meetingNumber, 'Ada');
    await fault(
      sandbox,
      `/meetings/${meeting.meetingNumber}/participants/${before.participantId}/drop`,
    );

    await kit.waitFor(id, (bot) => bot.state === 'in_meeting' && kit.host.opened.length === 2);
    const reconnecting = kit.seen(id).filter((bot) => bot.state === 'reconnecting');
    expect(reconnecting[0]?.reconnect).toMatchObject({
      attempt: 1,
      maxAttempts: 5,
      nextTryAt: expect.any(Number),
      reason: 'Lost the connection to the meeting.',
    });
    expect((await kit.bot(id)).reconnect).toBeNull();

    const joins = await joinsOf(sandbox, meeting.meetingNumber, 'Ada');
    expect(joins.map((join) => join.errorCode)).toEqual([null, null]);
    const [first, second] = joins.map((join) => join.zak);
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    const minted = (await audit(sandbox)).zaks.map((zak) => zak.token);
    expect(minted).toEqual(expect.arrayContaining([first, second]));

    const people = await participants(sandbox, meeting.meetingNumber);
    expect(people.map((person) => person.displayName)).toEqual(['Ada']);
    expect(people[0]?.participantId).not.toBe(before.participantId);
    expect(kit.host.pages.size).toBe(1);
  });
});

describe('kicked and ended bots stay out', () => {
  it('a kicked bot fails with the host’s removal and is not rejoined', async () => {
    const { kit, meeting, id } = await oneBotInMeeting();
    const ada = await participantNamed(sandbox, meeting.meetingNumber, 'Ada');
    await fault(
      sandbox,
      `/meetings/${meeting.meetingNumber}/participants/${ada.participantId}/kick`,
    );
    const bot = await kit.waitFor(id, isIn('failed'));
    expect(bot.failure).toEqual({
      kind: 'join',
      code: 3009,
      message: 'Removed from the meeting by the host; Botdeck will not rejoin.',
    });
    expect(bot.endedAt).toEqual(expect.any(Number));
    expect(bot.reconnect).toBeNull();
    await vi.waitFor(() => expect(kit.host.pages.size).toBe(0));
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
    expect(await joinsOf(sandbox, meeting.meetingNumber, 'Ada')).toHaveLength(1);
    expect(kit.seen(id).some((view) => view.state === 'reconnecting')).toBe(false);
    expect(kit.host.opened).toEqual([id]);
  });

  it('a bot in a meeting the host ends leaves with the host’s note and the time', async () => {
    const { kit, meeting, id } = await oneBotInMeeting();
    await fault(sandbox, `/meetings/${meeting.meetingNumber}/end`);
    const bot = await kit.waitFor(id, isIn('left'));
    expect(bot).toMatchObject({
      note: 'The host ended the meeting.',
      failure: null,
      reconnect: null,
    });
    expect(bot.endedAt).toEqual(expect.any(Number));
    await vi.waitFor(() => expect(kit.host.pages.size).toBe(0));
    expect(await joinsOf(sandbox, meeting.meetingNumber, 'Ada')).toHaveLength(1);
    expect(kit.host.opened).toEqual([id]);
  });
});

describe('crashed bot windows', () => {
  it('a crashed window is recreated and the bot rejoins with a new ZAK', async () => {
    const { kit, meeting, id } = await oneBotInMeeting();
    kit.host.crash(id, 'crashed');
    await kit.waitFor(id, (bot) => bot.state === 'in_meeting' && kit.host.opened.length === 2);
    expect(kit.seen(id).find((bot) => bot.reconnect)?.reconnect?.reason).toBe(
      'The bot window crashed.',
    );
    const zaks = (await joinsOf(sandbox, meeting.meetingNumber, 'Ada')).map((join) => join.zak);
    expect(new Set(zaks).size).toBe(2);
    await vi.waitFor(async () =>
      expect(
        (await participants(sandbox, meeting.meetingNumber)).map((p) => p.displayName),
      ).toEqual(['Ada']),
    );
  });

  it('a crash loop stops after the launch’s rejoin attempts', async () => {
    kit = await startFleet(
      sandbox,
      {},
      { crashOnOpen: (_id, count) => (count > 1 ? 'crashed' : null) },
    );
    const meeting = await createMeeting(sandbox);
    const [id] = (await kit.launch(meeting, ['Ada'], { reconnectAttempts: 2 })) as [string];
    await kit.waitFor(id, isIn('in_meeting'));
    kit.host.crash(id, 'crashed');
    const bot = await kit.waitFor(id, isIn('failed'));
    expect(bot.failure).toEqual({
      kind: 'app',
      code: null,
      message: 'The bot window crashed. Botdeck gave up after 2 rejoin attempts.',
    });
    expect(kit.host.opened).toEqual([id, id, id]);
    expect(kit.host.pages.size).toBe(0);
  });
});

describe('ZAKs after join', () => {
  it('a ZAK that expires after the join (1 s ttl, sandbox time moved on) changes nothing', async () => {
    const { kit, meeting, id } = await oneBotInMeeting({ zakTtlSeconds: 1 });
    expect((await audit(sandbox)).zaks[0]?.ttl).toBe(1);
    await advanceClock(sandbox, 600);
    // A second bot joins with its own fresh ZAK; the first one, its ZAK long expired, hears it.
    const [other] = (await kit.launch(meeting, ['Grace'])) as [string];
    await kit.waitFor(other, isIn('in_meeting'));
    const ada = await kit.waitFor(id, (bot) => bot.participantCount === 2);
    expect(ada).toMatchObject({ state: 'in_meeting', reconnect: null });
    expect(await joinsOf(sandbox, meeting.meetingNumber, 'Ada')).toHaveLength(1);
    expect((await participants(sandbox, meeting.meetingNumber)).map((p) => p.displayName)).toEqual([
      'Ada',
      'Grace',
    ]);
  });

  it('revoked ZAKs: a first join refused with 3100 tells the operator the ZAK was revoked', async () => {
    kit = await startFleet(sandbox);
    const meeting = await createMeeting(sandbox);
    // The join is held long enough to sign the user out between the mint and the join check.
    await addFault(sandbox, { target: 'join', latencyMs: 1_500 });
    const [id] = (await kit.launch(meeting, ['Ada'])) as [string];
    await vi.waitFor(async () => expect((await audit(sandbox)).zaks).toHaveLength(1));
    await fault(sandbox, `/users/${sandbox.account.userId}/signout-all`);
    const bot = await kit.waitFor(id, isIn('failed'));
    expect(bot.failure).toEqual({ kind: 'join', code: 3100, message: ZAK_REFUSED_MESSAGE });
    expect((await joinsOf(sandbox, meeting.meetingNumber, 'Ada')).map((j) => j.errorCode)).toEqual([
      3100,
    ]);
  });

  it('revoked ZAKs during a rejoin: the refused attempt is retried with a ZAK minted after', async () => {
    const { kit, meeting, id } = await oneBotInMeeting();
    await addFault(sandbox, { target: 'join', latencyMs: 1_500 });
    const ada = await participantNamed(sandbox, meeting.meetingNumber, 'Ada');
    await fault(
      sandbox,
      `/meetings/${meeting.meetingNumber}/participants/${ada.participantId}/drop`,
    );
    await vi.waitFor(async () => expect((await audit(sandbox)).zaks).toHaveLength(2));
    await fault(sandbox, `/users/${sandbox.account.userId}/signout-all`);
    await kit.waitFor(id, (bot) => bot.state === 'in_meeting' && kit.host.opened.length === 3);
    const joins = await joinsOf(sandbox, meeting.meetingNumber, 'Ada');
    expect(joins.map((join) => join.errorCode)).toEqual([null, 3100, null]);
    expect(new Set(joins.map((join) => join.zak)).size).toBe(3);
    expect(kit.seen(id).find((bot) => bot.reconnect?.attempt === 2)?.reconnect?.reason).toBe(
      ZAK_REFUSED_MESSAGE,
    );
  });
});
