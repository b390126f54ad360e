/**
 * The capacity guard through the real router: Botdeck built by its composition function against
 * the sandbox over HTTP, told the machine has 100 MB free. A launch that would not fit is
 * refused before any bot exists, the check says how many fit, those join, two launches racing
 * for the same memory get it once, and a confirmed launch goes ahead. The new inputs are refused
 * in operator words before a handler sees them.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_COST_MB } from '../../../src/main/capacity/bot-cost';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { createMeeting, participants } from '../../support/sandbox-client';
import { isIn, startFleet, type FleetKit } from './fleet-test-kit';

// One sandbox for both: each test makes its own meeting and its own Botdeck.
let sandbox: RunningSandbox;
let kit: FleetKit | null = null;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterEach(() => kit?.botdeck.dispose());
afterAll(() => sandbox.close());

const names = (count: number, prefix = 'Bot') =>
  Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`);

describe('the capacity guard', () => {
  it('refuses 5 sandbox bots in 100 MB before any starts, and lets the 3 that fit join', async () => {
    kit = await startFleet(sandbox, { capacity: { assumeFreeMemoryMB: 100 } });
    const meeting = await createMeeting(sandbox);
    const request = { meeting: meeting.meetingNumber, passcode: meeting.passcode };

    expect(
      await kit.botdeck.handleDashboard('bots:launch', { ...request, names: names(5) }),
    ).toEqual({
      ok: false,
      error: {
        code: 'over_capacity',
        message: '5 sandbox bots need about 160 MB; this machine has 100 MB free (assumed).',
      },
    });
    expect((await kit.snapshot()).bots).toEqual([]);

    const check = await kit.botdeck.handleDashboard('bots:capacity', { count: 5 });
    expect(check).toMatchObject({
      ok: true,
      value: { kind: 'sandbox', needMB: 5 * BOT_COST_MB.sandbox, freeMB: 100, maxThatFit: 3 },
    });

    const ids = await kit.launch(meeting, names(3));
    for (const id of ids) await kit.waitFor(id, isIn('in_meeting'));
    expect(await participants(sandbox, meeting.meetingNumber)).toHaveLength(3);
    expect(await kit.botdeck.handleDashboard('app:load', {})).toMatchObject({
      ok: true,
      // The Node bot host measures nothing: the figure is unknown, and said so.
      value: { botMB: null, botMeasure: null, freeMB: 100, freeAssumed: true },
    });
  });

  it('gives the same free memory to one of two launches racing for it, and a confirmed launch goes ahead', async () => {
    kit = await startFleet(sandbox, { capacity: { assumeFreeMemoryMB: 100 } });
    const meeting = await createMeeting(sandbox);
    const request = { meeting: meeting.meetingNumber, passcode: meeting.passcode };

    const [first, second] = await Promise.all([
      kit.botdeck.handleDashboard('bots:launch', { ...request, names: names(3, 'First') }),
      kit.botdeck.handleDashboard('bots:launch', { ...request, names: names(3, 'Second') }),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'over_capacity' } });

    const confirmed = await kit.botdeck.handleDashboard('bots:launch', {
      ...request,
      names: names(5, 'Confirmed'),
      confirmOverCapacity: true,
    });
    expect(confirmed).toMatchObject({ ok: true, value: { botIds: expect.any(Array) } });
    expect((await kit.snapshot()).bots.map((bot) => bot.name).sort()).toEqual(
      [...names(5, 'Confirmed'), ...names(3, 'First')].sort(),
    );
  });
});

describe('the capacity guard’s inputs', () => {
  it.each([
    [{ count: 0 }, 'Launch at least one bot.'],
    [{ count: 201 }, 'Launch at most 200 bots at a time.'],
    [{ count: 2.5 }, 'Say a whole number of bots.'],
    [{ count: 2, accountId: '' }, '“accountId” is too short (at least 1).'],
  ])('bots:capacity %j → %s', async (payload, message) => {
    kit = await startFleet(sandbox, { capacity: { assumeFreeMemoryMB: 100 } });
    expect(await kit.botdeck.handleDashboard('bots:capacity', payload)).toEqual({
      ok: false,
      error: { code: 'invalid_request', message },
    });
  });

  it('refuses a confirmation that is not true or false, launching nothing', async () => {
    kit = await startFleet(sandbox, { capacity: { assumeFreeMemoryMB: 100 } });
    const launch = { meeting: '123456789', names: ['Ada'], confirmOverCapacity: 'yes' };
    expect(await kit.botdeck.handleDashboard('bots:launch', launch)).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: '“confirmOverCapacity” is missing or is not true or false.',
      },
    });
    expect((await kit.snapshot()).bots).toEqual([]);
  });

  it('answers an estimate for a whole number of bots from 1 to 200 of a known account, and refuses anything else', async () => {
    const botdeck = (kit = await startFleet(sandbox, { capacity: { assumeFreeMemoryMB: 100 } }))
      .botdeck;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: -5, max: 205 }), fc.double(), fc.string(), fc.constant(null)),
        fc.option(fc.constantFrom('sandbox', 'nobody', '', 'x'.repeat(129)), { nil: undefined }),
        async (count, accountId) => {
          const result = await botdeck.handleDashboard('bots:capacity', { count, accountId });
          const validCount = Number.isInteger(count) && Number(count) >= 1 && Number(count) <= 200;
          if (!validCount || accountId === '' || (accountId?.length ?? 0) > 128) {
            expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
          } else if (accountId === 'nobody') {
            expect(result).toMatchObject({ ok: false, error: { code: 'unknown_account' } });
          } else {
            const fits = Math.min(Number(count), Math.floor(100 / BOT_COST_MB.sandbox));
            expect(result).toMatchObject({ ok: true, value: { count, maxThatFit: fits } });
          }
        },
      ),
    );
  });
});
