/**
 * Memory and CPU of a process and everything it started. Memory is PSS (proportional set size):
 * each shared page is split fairly between the processes that map it, so the sum over a tree is
 * what the tree really costs the machine; RSS would count Chromium's shared libraries once per
 * process. Linux only (reads /proc).
 */
import { readFile } from 'node:fs/promises';
import { descendantsOf, parentsOf, parsePssKB } from '../../src/main/capacity/proc-memory';

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces). */
async function statFields(pid: number): Promise<string[] | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** `root` and all its descendants alive now. */
async function processTree(root: number): Promise<number[]> {
  return [root, ...descendantsOf(root, await parentsOf())];
}

/** PSS only, so the figures compare run to run; a process gone meanwhile counts nothing. */
async function pssKB(pid: number): Promise<number> {
  return parsePssKB(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '')) ?? 0;
}

/** What a process is, for breakdowns: Chromium's --type, else its command name. */
async function kindOf(pid: number): Promise<string> {
  const line = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const type = /--type=([a-z-]+)/.exec(line)?.[1];
  const subType = /--utility-sub-type=([\w.]+)/.exec(line)?.[1];
  if (type) return subType ? `${type}:${subType.replace(/\.mojom\.\w+$/, '')}` : type;
  return (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim();
}

export interface TreeMemory {
  processes: number;
  pssMB: number;
  /** PSS by kind of process (node, chromium, renderer, gpu-process, utility:audio …). */
  byKind: Record<string, number>;
}

export async function treeMemory(root: number): Promise<TreeMemory> {
  const tree = await processTree(root);
  const [sizes, kinds] = await Promise.all([
    Promise.all(tree.map(pssKB)),
    Promise.all(tree.map(kindOf)),
  ]);
  const byKind: Record<string, number> = {};
  tree.forEach((_, index) => {
    const kind = kinds[index] ?? '?';
    byKind[kind] = Math.round(((byKind[kind] ?? 0) + (sizes[index] ?? 0) / 1024) * 10) / 10;
  });
  return { processes: tree.length, pssMB: sizes.reduce((sum, kb) => sum + kb, 0) / 1024, byKind };
}

/** User and system CPU time of the tree's live processes, with their waited-for children. */
export async function treeCpuSeconds(root: number): Promise<number> {
  const ticks = await Promise.all(
    (await processTree(root)).map(async (pid) => {
      const fields = await statFields(pid);
      return fields ? [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) : 0;
    }),
  );
  return ticks.reduce((sum, tick) => sum + tick, 0) / 100;
}

/** Waits (at most 15 s) until the tree has stopped gaining processes for a second. */
export async function waitForSteadyTree(root: number): Promise<void> {
  let last = -1;
  let steadySince = performance.now();
  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline) {
    const count = (await processTree(root)).length;
    if (count !== last) {
      last = count;
      steadySince = performance.now();
    } else if (performance.now() - steadySince >= 1_000) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
