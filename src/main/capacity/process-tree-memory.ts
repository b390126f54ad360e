/**
 * The web host's bots' memory: everything the host process started, which is the headless
 * Chromium its bot pages live in (playwright-core launches it as a child, and hands out no pid
 * to ask for it by). The host starts no other long-lived process; Diagnostics' isolation probe
 * is a second, short-lived Chromium, counted while it runs.
 *
 * Linux reads /proc (PSS, proc-memory.ts); macOS and the BSDs ask `ps` once per sample for every
 * process's parent and RSS (an upper bound: shared pages counted per process); Windows has no
 * cheap equivalent, so the figure is unknown there and the dashboard says so.
 */
import { execFile } from 'node:child_process';
import type { BotMemoryProbe } from './capacity-service';
import {
  descendantsOf,
  parentsOf,
  realProc,
  sumProcessMemory,
  type ProcFiles,
} from './proc-memory';

export interface TreeMemoryOptions {
  /** The process whose descendants are measured (this one by default). */
  root?: number;
  platform?: NodeJS.Platform;
  proc?: ProcFiles;
  /** `ps -A -o pid=,ppid=,rss=`'s output (macOS, BSD). */
  ps?: () => Promise<string>;
}

const KIB = 1024;

const runPs = (): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile('ps', ['-A', '-o', 'pid=,ppid=,rss='], { timeout: 2_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );

/** A probe of what the processes `root` started use now; null on Windows. */
export function childTreeMemory(options: TreeMemoryOptions = {}): BotMemoryProbe | null {
  const root = options.root ?? process.pid;
  const platform = options.platform ?? process.platform;
  if (platform === 'win32') return null;
  if (platform === 'linux') {
    const proc = options.proc ?? realProc;
    return async () => {
      const sum = await sumProcessMemory(descendantsOf(root, await parentsOf(proc)), proc);
      return sum && { bytes: sum.kB * KIB, measure: sum.measure };
    };
  }
  const ps = options.ps ?? runPs;
  return async () => {
    const table = parsePsTable(await ps());
    const parents = new Map(table.map((row) => [row.pid, row.ppid]));
    const rss = new Map(table.map((row) => [row.pid, row.rssKB]));
    const kB = descendantsOf(root, parents).reduce((sum, pid) => sum + (rss.get(pid) ?? 0), 0);
    return { bytes: kB * KIB, measure: 'rss' };
  };
}

/** Rows of `ps -o pid=,ppid=,rss=` (RSS in kB); lines that are not three numbers are skipped. */
export function parsePsTable(text: string): { pid: number; ppid: number; rssKB: number }[] {
  const rows: { pid: number; ppid: number; rssKB: number }[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s*$/.exec(line);
    if (match)
      rows.push({ pid: Number(match[1]), ppid: Number(match[2]), rssKB: Number(match[3]) });
  }
  return rows;
}
