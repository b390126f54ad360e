/**
 * What processes use, read from Linux's /proc. The figure is PSS (proportional set size): each
 * shared page is split between the processes that map it, so a sum over Chromium's processes is
 * what they really cost the machine, where RSS would count its shared libraries once per
 * process. A process whose smaps_rollup cannot be read is counted by its RSS instead: Chromium
 * makes its sandboxed renderers non-dumpable, which leaves that file to root, while
 * /proc/<pid>/status stays readable to all.
 */
import { readFile, readdir } from 'node:fs/promises';
import type { MemoryMeasure } from '../../shared/ipc-contract';

/** How /proc is read; tests pass a folder of fixtures. */
export interface ProcFiles {
  read(path: string): Promise<string>;
  list(path: string): Promise<string[]>;
}

export const realProc: ProcFiles = {
  read: (path) => readFile(path, 'utf8'),
  list: (path) => readdir(path),
};

export interface ProcessMemory {
  kB: number;
  measure: MemoryMeasure;
}

/** `Pss:` of /proc/<pid>/smaps_rollup (kernel 4.14 and later), in kB. */
export function parsePssKB(smapsRollup: string): number | null {
  const match = /^Pss:\s+(\d+) kB$/m.exec(smapsRollup);
  return match ? Number(match[1]) : null;
}

/** `VmRSS:` of /proc/<pid>/status, in kB; absent for kernel threads. */
export function parseRssKB(status: string): number | null {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) : null;
}

/** The parent pid from /proc/<pid>/stat; the command name before it may hold spaces and ")". */
export function parseParentPid(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const parent = Number(fields[1]);
  return Number.isInteger(parent) ? parent : null;
}

/** One process's memory: PSS, else RSS; null once it is gone. */
export async function processMemory(
  pid: number,
  proc: ProcFiles = realProc,
): Promise<ProcessMemory | null> {
  const pss = parsePssKB(await proc.read(`/proc/${pid}/smaps_rollup`).catch(() => ''));
  if (pss !== null) return { kB: pss, measure: 'pss' };
  const rss = parseRssKB(await proc.read(`/proc/${pid}/status`).catch(() => ''));
  return rss === null ? null : { kB: rss, measure: 'rss' };
}

/** Every live process's parent, read once for a whole tree. */
export async function parentsOf(proc: ProcFiles = realProc): Promise<Map<number, number>> {
  const pids = (await proc.list('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = new Map<number, number>();
  await Promise.all(
    pids.map(async (pid) => {
      const parent = parseParentPid(await proc.read(`/proc/${pid}/stat`).catch(() => ''));
      if (parent !== null) parents.set(pid, parent);
    }),
  );
  return parents;
}

/** Everything `root` started, and what they started, alive now (not `root` itself). */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) {
    const siblings = children.get(parent);
    if (siblings) siblings.push(pid);
    else children.set(parent, [pid]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * The sum over these processes, `pss` when every one was measured so; a process gone meanwhile
 * counts nothing. Null when there were some and none could be read.
 */
export async function sumProcessMemory(
  pids: readonly number[],
  proc: ProcFiles = realProc,
): Promise<ProcessMemory | null> {
  if (pids.length === 0) return { kB: 0, measure: 'pss' };
  const readings = await Promise.all(pids.map((pid) => processMemory(pid, proc)));
  const known = readings.filter((reading) => reading !== null);
  if (known.length === 0) return null;
  return {
    kB: known.reduce((sum, reading) => sum + reading.kB, 0),
    measure: known.every((reading) => reading.measure === 'pss') ? 'pss' : 'rss',
  };
}
