/**
 * The capacity guard. Before a launch: what the bots would need (bots × the measured cost of
 * their kind, bot-cost.ts) against the memory free now, less what bots still starting are about
 * to take; a launch that would not fit is refused until the operator confirms it. For the
 * dashboard's header: the live load, sampled at most every couple of seconds however many
 * dashboards ask. Plain TypeScript: each host passes its own probe of what its bots use.
 */
import {
  OVER_CAPACITY,
  describeCapacity,
  fail,
  ok,
  type BotState,
  type BotView,
  type CapacityEstimate,
  type MachineLoad,
  type MeetingSdkKind,
  type MemoryMeasure,
  type Result,
} from '../../shared/ipc-contract';
import type { DashboardHandlers } from '../ipc/ipc-router';
import type { Logger } from '../log/logger';
import { BOT_COST_MB } from './bot-cost';
import { MIB, assumedFreeMemory, createFreeMemory, type FreeMemory } from './free-memory';

export interface MemorySample {
  bytes: number;
  measure: MemoryMeasure;
}

/** What the host's bots use now; null when it cannot tell this time. */
export type BotMemoryProbe = () => Promise<MemorySample | null>;

/** What a host tells the capacity guard (`createBotdeck`'s `capacity` option). */
export interface CapacityHost {
  /** Null or absent where the host cannot measure its bots: the header then says so. */
  botMemory?: BotMemoryProbe | null;
  /** A fixed free-memory figure instead of a measurement, for tests (`--assume-free-memory-mb`). */
  assumeFreeMemoryMB?: number;
  /** How free memory is measured (free-memory.ts by default). */
  freeMemory?: FreeMemory;
}

export interface CapacityServiceOptions extends CapacityHost {
  /** The meeting client an account's bots run (undefined: the default account); null: none such. */
  kindOf(accountId: string | undefined): MeetingSdkKind | null;
  /** The fleet's bots now, to count those still starting. */
  bots(): Iterable<Pick<BotView, 'state' | 'accountId'>>;
  now(): number;
  logger: Logger;
  /** How long a load sample is reused (default 2 s). */
  sampleMs?: number;
}

type LaunchHandler = DashboardHandlers['bots:launch'];

export interface CapacityService {
  estimate(count: number, accountId?: string): Promise<Result<CapacityEstimate>>;
  load(): Promise<Result<MachineLoad>>;
  /** `launch`, refusing (`over_capacity`) an unconfirmed launch that would not fit. */
  guardLaunch(launch: LaunchHandler): LaunchHandler;
}

/**
 * Launched but not yet in a window: what they will cost is not in the free figure yet. (A bot
 * that is joining has its window and is growing into it; counting it too would count it twice.)
 */
const STARTING: ReadonlySet<BotState> = new Set<BotState>(['queued', 'minting']);

export function createCapacityService(options: CapacityServiceOptions): CapacityService {
  const { kindOf, logger } = options;
  const freeAssumed = options.assumeFreeMemoryMB !== undefined;
  const freeMemory =
    options.assumeFreeMemoryMB !== undefined
      ? assumedFreeMemory(options.assumeFreeMemoryMB)
      : (options.freeMemory ?? createFreeMemory());
  const sampleMs = options.sampleMs ?? 2_000;
  /** Launches that passed the check and have not yet put their bots in the fleet. */
  const inFlight = { bots: 0, mb: 0 };
  let lastLoad: MachineLoad | null = null;
  let sampling: Promise<MachineLoad> | null = null;
  let probeFailed = false;

  // A deleted account can only have been a stored one, and those run Zoom's Meeting SDK.
  const costOf = (accountId: string): number => BOT_COST_MB[kindOf(accountId) ?? 'zoom'];

  /**
   * Measures, then decides and (when asked) reserves in one synchronous step after the only
   * await, so two launches racing from two dashboards cannot both count the same free memory.
   */
  async function check(
    count: number,
    accountId: string | undefined,
    reserve: boolean,
  ): Promise<Result<CapacityEstimate>> {
    const kind = kindOf(accountId);
    if (kind === null) return fail('unknown_account', 'That account is not set up in Botdeck.');
    const freeBytes = await freeMemory();
    let startingBots = inFlight.bots;
    let startingMB = inFlight.mb;
    for (const bot of options.bots()) {
      if (!STARTING.has(bot.state)) continue;
      startingBots++;
      startingMB += costOf(bot.accountId);
    }
    const perBotMB = BOT_COST_MB[kind];
    const freeMB = Math.max(0, Math.floor(freeBytes / MIB) - startingMB);
    const needMB = count * perBotMB;
    const fits = needMB <= freeMB;
    if (reserve && fits) {
      inFlight.bots += count;
      inFlight.mb += needMB;
    }
    const maxThatFit = Math.min(count, Math.floor(freeMB / perBotMB));
    return ok({
      count,
      kind,
      perBotMB,
      needMB,
      freeMB,
      startingBots,
      fits,
      maxThatFit,
      freeAssumed,
    });
  }

  async function sample(): Promise<MachineLoad> {
    const [freeBytes, bots] = await Promise.all([
      freeMemory(),
      options.botMemory ? options.botMemory().catch(probeError) : null,
    ]);
    return {
      botMB: bots && Math.round(bots.bytes / MIB),
      botMeasure: bots?.measure ?? null,
      freeMB: Math.floor(freeBytes / MIB),
      freeAssumed,
      at: options.now(),
    };
  }

  function probeError(error: unknown): null {
    // Once: the header asks every few seconds, and says "not measured" meanwhile.
    if (!probeFailed) logger.warn('Could not measure the bots’ memory', { error });
    probeFailed = true;
    return null;
  }

  return {
    estimate: (count, accountId) => check(count, accountId, false),

    async load() {
      if (lastLoad && options.now() - lastLoad.at < sampleMs) return ok(lastLoad);
      sampling ??= sample().finally(() => (sampling = null));
      lastLoad = await sampling;
      return ok(lastLoad);
    },

    guardLaunch: (launch) => async (request) => {
      if (request.confirmOverCapacity === true) return launch(request);
      const count = request.names.length;
      const checked = await check(count, request.accountId, true);
      // An unknown account: the launch itself refuses it, in its own words.
      if (!checked.ok) return launch(request);
      const estimate = checked.value;
      if (!estimate.fits) return fail(OVER_CAPACITY, describeCapacity(estimate));
      try {
        return await launch(request);
      } finally {
        // By now the fleet has the bots (queued) or has none: they count there, not here.
        inFlight.bots -= count;
        inFlight.mb -= estimate.needMB;
      }
    },
  };
}
