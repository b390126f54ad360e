/**
 * How much memory the machine has free for more bots: what the OS can hand out without swapping,
 * which is more than its idle pages alone, since it gives file cache back on demand.
 *
 * - Linux: libuv (1.46 in Node 20, newer in Electron 45's Node) reads `os.freemem()` from
 *   /proc/meminfo's MemAvailable, the kernel's own estimate of what can be allocated without
 *   swapping, cache included (not MemFree, as older libuv did; a test holds it to that).
 *   `process.availableMemory()` answers the same, except inside a container with a memory limit
 *   (cgroup), where it answers that limit less what the container uses: bots past it are killed
 *   however much the host has free, so that is the figure to check against.
 * - Windows: the same call answers GlobalMemoryStatusEx's ullAvailPhys, which already counts the
 *   standby list (cache) as available.
 * - macOS: libuv counts only free pages, which macOS keeps few of on purpose; inactive pages are
 *   given back on demand too. `vm_stat` gives both, and "available" is their sum, as psutil
 *   (`virtual_memory().available`) computes it.
 */
import { execFile } from 'node:child_process';
import { freemem } from 'node:os';

export const MIB = 1024 * 1024;

export interface FreeMemoryOptions {
  platform?: NodeJS.Platform;
  /** The runtime's figure (Linux, Windows, and macOS when `vm_stat` fails). */
  available?: () => number;
  /** `vm_stat`'s output (macOS). */
  vmStat?: () => Promise<string>;
}

/** Memory free for more bots, in bytes, measured afresh at each call. */
export type FreeMemory = () => Promise<number>;

const runtimeAvailable = (): number =>
  // Node 20.13 and later; an older runtime falls back to the same figure without a cgroup cap.
  typeof process.availableMemory === 'function' ? process.availableMemory() : freemem();

const runVmStat = (): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile('/usr/bin/vm_stat', { timeout: 2_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );

export function createFreeMemory(options: FreeMemoryOptions = {}): FreeMemory {
  const platform = options.platform ?? process.platform;
  const available = options.available ?? runtimeAvailable;
  const vmStat = options.vmStat ?? runVmStat;
  if (platform !== 'darwin') return async () => available();
  return async () => {
    const fromVmStat = parseVmStat(await vmStat().catch(() => ''));
    return fromVmStat ?? available();
  };
}

/** A fixed figure instead of a measurement: tests and benchmarks set what the machine "has". */
export const assumedFreeMemory =
  (mb: number): FreeMemory =>
  async () =>
    mb * MIB;

/** Free plus inactive pages from `vm_stat`'s output, in bytes; null when it is not that. */
export function parseVmStat(text: string): number | null {
  const pageSize = Number(/page size of (\d+) bytes/.exec(text)?.[1]);
  const pages = (label: string): number =>
    Number(new RegExp(`^Pages ${label}:\\s+(\\d+)\\.?$`, 'm').exec(text)?.[1]);
  const free = pages('free');
  const inactive = pages('inactive');
  if (![pageSize, free, inactive].every(Number.isFinite) || pageSize <= 0) return null;
  return (free + inactive) * pageSize;
}
