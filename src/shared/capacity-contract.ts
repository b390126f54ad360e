/**
 * The part of the IPC contract about whether bots fit the machine: the estimate a launch that
 * would not fit in free memory is flagged with, the live load the dashboard's header shows, and
 * the words both use (main refuses an unconfirmed launch in the same words the form shows).
 * `ipc-contract.ts` re-exports this file and declares the channels (the request's schema,
 * `LaunchSizeSchema`, is with the others in `request-schemas.ts`).
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import type { MeetingSdkKind } from './bot-page-contract';

/** What launching `count` bots would take, against what the machine has free. */
export interface CapacityEstimate {
  count: number;
  /** The meeting client the bots would run, which sets what each costs. */
  kind: MeetingSdkKind;
  perBotMB: number;
  needMB: number;
  /** Free memory now, less what bots still starting (not yet in a window) are about to take. */
  freeMB: number;
  /** Bots launched but still starting, whose cost is already taken out of `freeMB`. */
  startingBots: number;
  fits: boolean;
  /** How many of these bots fit (from 0 to `count`). */
  maxThatFit: number;
  /** True when free memory is a figure the host was told to assume (tests), not measured. */
  freeAssumed: boolean;
}

/** What an over-capacity launch is refused with until the operator confirms it. */
export const OVER_CAPACITY = 'over_capacity';

/** How the bots' memory was measured (see `MachineLoad.botMeasure`). */
export type MemoryMeasure = 'pss' | 'rss';

/** The machine's load as the dashboard's header shows it. */
export interface MachineLoad {
  /** Memory the bots' processes use now; null where this host cannot measure it. */
  botMB: number | null;
  /**
   * `pss`: shared pages split fairly between the processes that map them (what the bots really
   * cost, Linux); `rss`: each process's resident memory, shared pages counted in each (an upper
   * bound); null with `botMB`.
   */
  botMeasure: MemoryMeasure | null;
  freeMB: number;
  freeAssumed: boolean;
  /** Epoch ms of the sample. */
  at: number;
}

/** "340 MB", "4.1 GB": the size an operator reads at a glance. */
export function formatMemory(mb: number): string {
  if (mb < 1024) return `${Math.round(mb)} MB`;
  return `${(mb / 1024).toFixed(1)} GB`;
}

const KIND_WORDS: Record<MeetingSdkKind, string> = { sandbox: 'sandbox', zoom: 'Zoom' };

/** "20 Zoom bots need about 4.1 GB; this machine has 2.1 GB free." */
export function describeCapacity(estimate: CapacityEstimate): string {
  const { count, startingBots } = estimate;
  const bots = `${count} ${KIND_WORDS[estimate.kind]} bot${count === 1 ? '' : 's'}`;
  const need = `${count === 1 ? 'needs' : 'need'} about ${formatMemory(estimate.needMB)}`;
  const assumed = estimate.freeAssumed ? ' (assumed)' : '';
  const free = `this machine has ${formatMemory(estimate.freeMB)} free${assumed}`;
  const theirs =
    startingBots === 1 ? 'bot still starting has its' : 'bots still starting have theirs';
  const starting = startingBots === 0 ? '' : ` once the ${startingBots} ${theirs}`;
  return `${bots} ${need}; ${free}${starting}.`;
}

/** "Bots use 340 MB · 5.2 GB free", saying so where the bots' figure is unknown. */
export function describeMachineLoad(load: MachineLoad): string {
  const bots =
    load.botMB === null ? 'Bots’ memory not measured here' : `Bots use ${formatMemory(load.botMB)}`;
  const assumed = load.freeAssumed ? ' (assumed)' : '';
  return `${bots} · ${formatMemory(load.freeMB)} free${assumed}`;
}
