import { describe, expect, it } from 'vitest';
import { BOT_COST_MB, kindOfAccount } from '../../../../src/main/capacity/bot-cost';
import {
  createCapacityService,
  type CapacityServiceOptions,
} from '../../../../src/main/capacity/capacity-service';
import { MIB } from '../../../../src/main/capacity/free-memory';
import { silentLogger, type Logger } from '../../../../src/main/log/logger';
import {
  describeCapacity,
  describeMachineLoad,
  ok,
  type BotState,
  type RequestOf,
} from '../../../../src/shared/ipc-contract';

const ACCOUNTS = [
  { id: 'acme', isSandbox: false },
  { id: 'sandbox', isSandbox: true },
];

type Bot = { state: BotState; accountId: string };

function service(overrides: Partial<CapacityServiceOptions> = {}, bots: Bot[] = []) {
  let clock = 1_000;
  const capacity = createCapacityService({
    kindOf: (accountId) => kindOfAccount(ACCOUNTS, accountId),
    bots: () => bots,
    now: () => clock,
    logger: silentLogger,
    ...overrides,
  });
  return { capacity, bots, tick: (ms: number) => (clock += ms) };
}

const freeMB = (mb: number) => ({ freeMemory: async () => mb * MIB });

function launchRequest(names: string[], extra: Partial<RequestOf<'bots:launch'>> = {}) {
  return { meeting: '123456789', passcode: '', names, accountId: 'sandbox', ...extra };
}

describe('the capacity estimate', () => {
  it('fits when bots × their measured cost is within free memory', async () => {
    const { capacity } = service(freeMB(100));
    expect(await capacity.estimate(3, 'sandbox')).toEqual(
      ok({
        count: 3,
        kind: 'sandbox',
        perBotMB: BOT_COST_MB.sandbox,
        needMB: 3 * BOT_COST_MB.sandbox,
        freeMB: 100,
        startingBots: 0,
        fits: true,
        maxThatFit: 3,
        freeAssumed: false,
      }),
    );
  });

  it('does not fit past free memory, and says how many would', async () => {
    const { capacity } = service(freeMB(2_150));
    const estimate = await capacity.estimate(20);
    if (!estimate.ok) throw new Error(estimate.error.message);
    // The first account is a Zoom account: its bots run the Meeting SDK.
    expect(estimate.value).toMatchObject({ kind: 'zoom', needMB: 20 * BOT_COST_MB.zoom });
    expect(estimate.value.fits).toBe(false);
    expect(estimate.value.maxThatFit).toBe(Math.floor(2_150 / BOT_COST_MB.zoom));
    expect(describeCapacity(estimate.value)).toBe(
      '20 Zoom bots need about 4.1 GB; this machine has 2.1 GB free.',
    );
  });

  it('offers none when not even one bot fits', async () => {
    const { capacity } = service({ assumeFreeMemoryMB: 20 });
    const estimate = await capacity.estimate(1, 'sandbox');
    expect(estimate).toMatchObject({ ok: true, value: { fits: false, maxThatFit: 0 } });
    if (estimate.ok) {
      expect(describeCapacity(estimate.value)).toBe(
        '1 sandbox bot needs about 32 MB; this machine has 20 MB free (assumed).',
      );
    }
  });

  it('takes out what bots still starting will need, but not bots already in a window', async () => {
    const bots: Bot[] = [
      { state: 'queued', accountId: 'sandbox' },
      { state: 'minting', accountId: 'acme' },
      // A removed account could only have been a Zoom one.
      { state: 'queued', accountId: 'deleted' },
      { state: 'joining', accountId: 'acme' },
      { state: 'in_meeting', accountId: 'sandbox' },
      { state: 'failed', accountId: 'sandbox' },
    ];
    const { capacity } = service(freeMB(1_000), bots);
    const estimate = await capacity.estimate(1, 'sandbox');
    const starting = BOT_COST_MB.sandbox + 2 * BOT_COST_MB.zoom;
    expect(estimate).toMatchObject({
      ok: true,
      value: { startingBots: 3, freeMB: 1_000 - starting, fits: true },
    });
    if (estimate.ok) {
      expect(describeCapacity({ ...estimate.value, count: 40, needMB: 1_280, fits: false })).toBe(
        `40 sandbox bots need about 1.3 GB; this machine has ${1_000 - starting} MB free once the 3 bots still starting have theirs.`,
      );
    }
  });

  it('refuses an account Botdeck does not have', async () => {
    const { capacity } = service(freeMB(1_000));
    expect(await capacity.estimate(1, 'nobody')).toMatchObject({
      ok: false,
      error: { code: 'unknown_account' },
    });
  });
});

describe('the launch guard', () => {
  const launched: string[][] = [];
  const launch = async (request: RequestOf<'bots:launch'>) => {
    launched.push(request.names);
    return ok({ botIds: request.names.map((name) => `id-${name}`) });
  };

  it('refuses an unconfirmed launch that would not fit, in the words the form shows', async () => {
    launched.length = 0;
    const guarded = service({ assumeFreeMemoryMB: 100 }).capacity.guardLaunch(launch);
    const names = ['A', 'B', 'C', 'D', 'E'];
    expect(await guarded(launchRequest(names))).toEqual({
      ok: false,
      error: {
        code: 'over_capacity',
        message: '5 sandbox bots need about 160 MB; this machine has 100 MB free (assumed).',
      },
    });
    expect(launched).toEqual([]);
    expect(await guarded(launchRequest(names.slice(0, 3)))).toMatchObject({ ok: true });
    expect(await guarded(launchRequest(names, { confirmOverCapacity: true }))).toMatchObject({
      ok: true,
    });
    expect(launched).toEqual([['A', 'B', 'C'], names]);
  });

  it('lets only one of two racing launches spend the same free memory', async () => {
    let release = (): void => undefined;
    const slow = async (request: RequestOf<'bots:launch'>) => {
      // The fleet has not queued these bots yet while this launch waits (keychain, roster).
      await new Promise<void>((resolve) => (release = resolve));
      return launch(request);
    };
    const guarded = service({ assumeFreeMemoryMB: 100 }).capacity.guardLaunch(slow);
    const first = guarded(launchRequest(['A', 'B', 'C']));
    const second = await guarded(launchRequest(['D', 'E', 'F']));
    expect(second).toMatchObject({ ok: false, error: { code: 'over_capacity' } });
    expect(second.ok ? '' : second.error.message).toContain('4 MB free (assumed) once the 3 bots');
    release();
    expect(await first).toMatchObject({ ok: true });
  });

  it('leaves an unknown account to the launch, which refuses it in its own words', async () => {
    const guarded = service(freeMB(10)).capacity.guardLaunch(async () =>
      ok({ botIds: ['reached'] }),
    );
    expect(await guarded(launchRequest(['A'], { accountId: 'nobody' }))).toEqual(
      ok({ botIds: ['reached'] }),
    );
  });
});

describe('the live load', () => {
  it('reports the bots’ memory and what is free, one sample for every dashboard within 2 s', async () => {
    let used = 300 * MIB;
    const { capacity, tick } = service({
      ...freeMB(5_300),
      botMemory: async () => ({ bytes: (used += MIB), measure: 'pss' }),
    });
    const first = await capacity.load();
    expect(first).toEqual(
      ok({ botMB: 301, botMeasure: 'pss', freeMB: 5_300, freeAssumed: false, at: 1_000 }),
    );
    if (first.ok) expect(describeMachineLoad(first.value)).toBe('Bots use 301 MB · 5.2 GB free');
    tick(1_999);
    expect(await capacity.load()).toEqual(first);
    tick(1);
    expect(await capacity.load()).toMatchObject({ ok: true, value: { botMB: 302, at: 3_000 } });
  });

  it('says the bots’ memory is unknown where the host cannot measure it, and logs a failure once', async () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    const { capacity, tick } = service({
      assumeFreeMemoryMB: 100,
      logger,
      botMemory: () => Promise.reject(new Error('EACCES')),
    });
    const load = await capacity.load();
    expect(load).toMatchObject({ ok: true, value: { botMB: null, botMeasure: null } });
    if (load.ok) {
      expect(describeMachineLoad(load.value)).toBe(
        'Bots’ memory not measured here · 100 MB free (assumed)',
      );
    }
    tick(5_000);
    await capacity.load();
    expect(warnings).toEqual(['Could not measure the bots’ memory']);
    const { capacity: blind } = service({ assumeFreeMemoryMB: 100 });
    expect(await blind.load()).toMatchObject({ ok: true, value: { botMB: null } });
  });
});
