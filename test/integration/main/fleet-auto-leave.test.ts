/**
 * Auto-leave against the real sandbox: waiting room, alone, maximum duration and the join
 * timeout, with the launch's `timeouts` shortened so each runs in about a second. Each bot
 * leaves cleanly (the sandbox has nobody left) and says why.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { isIn, startFleet, type FleetKit } from './fleet-test-kit';
import { addFault, call, createMeeting, joinsOf, participants } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let kit: FleetKit;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
  kit = await startFleet(sandbox);
});
afterEach(async () => {
  await kit.botdeck.dispose();
  await sandbox.close();
});

const waitingRoom = async (meetingNumber: string) =>
  (await call<unknown[]>(sandbox, 'GET', `/sandbox/meetings/${meetingNumber}/waiting-room`)).body;

describe('auto-leave', () => {
  it('leaves a waiting room that does not admit it in time', async () => {
    const meeting = await createMeeting(sandbox, { waitingRoom: true });
    const [id] = (await kit.launch(meeting, ['Ada'], { waitingRoomTimeoutMs: 1_000 })) as [string];
    await kit.waitFor(id, isIn('waiting_room'));
    expect(await waitingRoom(meeting.meetingNumber)).toHaveLength(1);
    const bot = await kit.waitFor(id, isIn('left'));
    expect(bot.note).toBe('Left automatically after 1 s in the waiting room.');
    expect(await waitingRoom(meeting.meetingNumber)).toEqual([]);
  });

  it('goes into the meeting when the host admits it from the waiting room', async () => {
    const meeting = await createMeeting(sandbox, { waitingRoom: true });
    const [id] = (await kit.launch(meeting, ['Ada'])) as [string];
    await kit.waitFor(id, isIn('waiting_room'));
    const [waiting] = (await waitingRoom(meeting.meetingNumber)) as [{ participantId: string }];
    const admit = `/sandbox/meetings/${meeting.meetingNumber}/participants/${waiting.participantId}/admit`;
    expect((await call(sandbox, 'POST', admit)).status).toBe(204);
    const bot = await kit.waitFor(
      id,
      (view) => view.state === 'in_meeting' && view.participantCount === 1,
    );
    expect(bot.reconnect).toBeNull();
  });

  it('leaves after being alone too long; company holds it, and it leaves once alone again', async () => {
    const meeting = await createMeeting(sandbox);
    const [alone, company] = (await kit.launch(meeting, ['Alone', 'Company'], {
      aloneTimeoutMs: 1_000,
    })) as [string, string];
    await kit.waitFor(alone, (bot) => bot.participantCount === 2);
    await kit.waitFor(company, (bot) => bot.participantCount === 2);
    expect(await kit.botdeck.handleDashboard('bots:leave', { botId: company })).toMatchObject({
      ok: true,
    });
    await kit.waitFor(company, isIn('left'));
    const bot = await kit.waitFor(alone, isIn('left'));
    expect(bot.note).toBe('Left automatically after 1 s alone in the meeting.');
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
  });

  it('leaves at the launch’s maximum duration', async () => {
    const meeting = await createMeeting(sandbox);
    const [id] = (await kit.launch(meeting, ['Ada'], { maxDurationMs: 1_000 })) as [string];
    await kit.waitFor(id, isIn('in_meeting'));
    const bot = await kit.waitFor(id, isIn('left'));
    expect(bot.note).toBe('Left automatically after the maximum of 1 s in the meeting.');
    expect(bot.joinedAt).toEqual(expect.any(Number));
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
  });

  it('stops a join that has not connected in time, and leaves nothing behind in the meeting', async () => {
    const meeting = await createMeeting(sandbox);
    // The sandbox holds the join far longer than the test runs: only the timeout can end it.
    await addFault(sandbox, { target: 'join', latencyMs: 60_000 });
    const [id] = (await kit.launch(meeting, ['Slow'], { joinTimeoutMs: 1_000 })) as [string];
    const bot = await kit.waitFor(id, isIn('failed'));
    expect(bot.failure).toEqual({
      kind: 'app',
      code: null,
      message: 'The bot did not get into the meeting within 1 s, so Botdeck stopped it.',
    });
    // The page was asked to leave first (it may hold a seat). Its join is still in flight, so it
    // cannot confirm: it is closed after the fleet's 6 s bound, and its join went with it.
    await vi.waitFor(() => expect(kit.host.pages.size).toBe(0), { timeout: 10_000 });
    expect(await participants(sandbox, meeting.meetingNumber)).toEqual([]);
    expect(await joinsOf(sandbox, meeting.meetingNumber, 'Slow')).toEqual([]);
  });
});
