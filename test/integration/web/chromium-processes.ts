/**
 * What the web host's Chromium really runs, read from /proc: its browser processes' command
 * lines and how many renderer processes (one per open bot page) hang under them. Tests of the
 * bot windows count on these rather than on the host's own bookkeeping.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** The parent of each running process, and its command line. */
export function processTable(): Map<number, { parent: number; args: string[] }> {
  const table = new Map<number, { parent: number; args: string[] }>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      // NUL-separated, unless Chromium rewrote its title (then one space-separated string).
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split(/[\0\s]+/)
        .filter(Boolean);
      table.set(Number(pid), { parent, args });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

const isBrowser = (args: string[]): boolean => args.includes('--remote-debugging-pipe');

/** Whether `pid` runs under `ancestor`, as far as `table` knows. */
function runsUnder(
  table: Map<number, { parent: number }>,
  pid: number,
  ancestor: (pid: number) => boolean,
): boolean {
  for (let at = table.get(pid)?.parent; at !== undefined && at > 1; at = table.get(at)?.parent) {
    if (ancestor(at)) return true;
  }
  return false;
}

/** Command lines of the Chromium browsers this test process started, but those in `old`. */
export function ownChromiumCommandLines(old: ReadonlySet<number> = new Set()): string[][] {
  const table = processTable();
  return [...table.entries()]
    .filter(
      ([pid, { args }]) =>
        !old.has(pid) && isBrowser(args) && runsUnder(table, pid, (at) => at === process.pid),
    )
    .map(([, { args }]) => args);
}

/** Browsers already running (one an earlier test closed may not have exited yet). */
export const runningBrowsers = (): Set<number> =>
  new Set(
    [...processTable().entries()].filter(([, { args }]) => isBrowser(args)).map(([pid]) => pid),
  );

/**
 * Renderer processes of the browsers this test process started since `old` was taken: one per
 * open page.
 */
export function renderersSince(old: ReadonlySet<number>): number {
  const table = processTable();
  const browsers = new Set(
    [...table.entries()]
      .filter(
        ([pid, { args }]) =>
          !old.has(pid) && isBrowser(args) && runsUnder(table, pid, (at) => at === process.pid),
      )
      .map(([pid]) => pid),
  );
  return [...table.entries()].filter(
    ([pid, { args }]) =>
      args.includes('--type=renderer') && runsUnder(table, pid, (at) => browsers.has(at)),
  ).length;
}
