/**
 * Reading what processes use: against this test's own /proc (Linux), against fixtures for what
 * a real machine shows that this one may not (a sandboxed renderer's unreadable smaps_rollup, a
 * macOS `ps`), and against child processes the test starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  descendantsOf,
  parentsOf,
  parseParentPid,
  parsePssKB,
  parseRssKB,
  processMemory,
  realProc,
  sumProcessMemory,
  type ProcFiles,
} from '../../../../src/main/capacity/proc-memory';
import { childTreeMemory, parsePsTable } from '../../../../src/main/capacity/process-tree-memory';

const onLinux = process.platform === 'linux';

/** smaps_rollup as Linux 6.1 writes it for a Chromium renderer. */
const SMAPS_ROLLUP = `55d0c5a3e000-7ffd2b9f6000 ---p 00000000 00:00 0                          [rollup]
Rss:               98304 kB
Pss:               27861 kB
Pss_Dirty:         20544 kB
Pss_Anon:          20480 kB
Pss_File:           7381 kB
Pss_Shmem:             0 kB
Shared_Clean:      70012 kB
Shared_Dirty:          4 kB
Private_Clean:       284 kB
Private_Dirty:     28004 kB
Referenced:        98100 kB
Anonymous:         20480 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
`;

const children: ChildProcess[] = [];
const grandchildren: number[] = [];
afterEach(() => {
  // The grandchildren first: a shell killed first would leave them to run on, orphaned.
  for (const pid of grandchildren.splice(0)) process.kill(pid, 'SIGKILL');
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const MIB_BYTES = 1024 * 1024;

/** A shell that starts `command` (a `sleep` by default): a child and a grandchild of this process. */
async function childWithGrandchild(
  command = 'sleep 30',
): Promise<{ child: number; grandchild: number }> {
  const child = spawn('sh', ['-c', `${command} & echo $!; wait`], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  const grandchild = await new Promise<number>((resolve) =>
    child.stdout?.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))),
  );
  grandchildren.push(grandchild);
  return { child: child.pid ?? -1, grandchild };
}

describe('reading /proc', () => {
  it('reads PSS from smaps_rollup and RSS from status', () => {
    expect(parsePssKB(SMAPS_ROLLUP)).toBe(27_861);
    expect(parsePssKB('Rss: 1 kB\n')).toBeNull();
    expect(parseRssKB('Name:\tchromium\nVmPeak:\t 500 kB\nVmRSS:\t   98304 kB\n')).toBe(98_304);
    expect(parseRssKB('Name:\tkthreadd\n')).toBeNull();
  });

  it('finds the parent after a command name with spaces and parentheses', () => {
    expect(parseParentPid('4242 (Web Content (1)) S 4100 4242 4100 0 -1 4194560')).toBe(4100);
    expect(parseParentPid('')).toBeNull();
  });

  it.runIf(onLinux)('measures this very process by its PSS, at most its RSS', async () => {
    const own = await processMemory(process.pid);
    const status = await readFile(`/proc/${process.pid}/status`, 'utf8');
    expect(own?.measure).toBe('pss');
    expect(own?.kB).toBeGreaterThan(1_000);
    expect(own?.kB).toBeLessThanOrEqual(parseRssKB(status) ?? 0);
  });

  it('counts a process whose smaps_rollup it may not read by its RSS, and says so', async () => {
    // Chromium's sandboxed renderers are not dumpable: their smaps_rollup belongs to root.
    const files: Record<string, string> = {
      '/proc/10/smaps_rollup': SMAPS_ROLLUP,
      '/proc/11/status': 'Name:\trenderer\nVmRSS:\t  50000 kB\n',
    };
    const proc: ProcFiles = {
      read: async (path) => {
        const text = files[path];
        if (text === undefined)
          throw Object.assign(new Error(`EACCES ${path}`), { code: 'EACCES' });
        return text;
      },
      list: async () => [],
    };
    expect(await sumProcessMemory([10], proc)).toEqual({ kB: 27_861, measure: 'pss' });
    expect(await sumProcessMemory([10, 11], proc)).toEqual({ kB: 77_861, measure: 'rss' });
    expect(await sumProcessMemory([12], proc)).toBeNull();
    expect(await sumProcessMemory([], proc)).toEqual({ kB: 0, measure: 'pss' });
  });

  it.runIf(onLinux)('finds the processes this one started, and theirs, and no other', async () => {
    const { child, grandchild } = await childWithGrandchild();
    const found = descendantsOf(process.pid, await parentsOf(realProc));
    expect(found).toEqual(expect.arrayContaining([child, grandchild]));
    expect(found).not.toContain(process.pid);
    expect(found).not.toContain(process.ppid);
    expect(descendantsOf(child, await parentsOf(realProc))).toEqual([grandchild]);
  });

  it.runIf(onLinux)('measures the tree under a process, without the process itself', async () => {
    // A grandchild holding 64 MiB of its own, under a shell that holds next to nothing.
    const hold = `const b = Buffer.alloc(${64 * MIB_BYTES}, 1); setInterval(() => b.length, 60000)`;
    const { child, grandchild } = await childWithGrandchild(`'${process.execPath}' -e '${hold}'`);
    await vi.waitFor(async () =>
      expect((await processMemory(grandchild))?.kB).toBeGreaterThan(64 * 1024),
    );
    const underShell = await childTreeMemory({ root: child, platform: 'linux' })?.();
    expect(underShell?.measure).toBe('pss');
    expect(underShell?.bytes).toBeGreaterThan(64 * MIB_BYTES);
    expect(await childTreeMemory({ root: grandchild, platform: 'linux' })?.()).toEqual({
      bytes: 0,
      measure: 'pss',
    });
  });
});

describe('other systems', () => {
  const PS = `    1     0  11200
  500     1 180000
  501   500  98304
  502   501  40000
  503   500  60000
  600     1  70000
  bogus line
`;

  it('reads `ps` rows, skipping what is not one', () => {
    expect(parsePsTable(PS)).toHaveLength(6);
    expect(parsePsTable(PS)[2]).toEqual({ pid: 501, ppid: 500, rssKB: 98_304 });
  });

  it('on macOS sums the RSS of everything the host started, and nothing else', async () => {
    const probe = childTreeMemory({ root: 500, platform: 'darwin', ps: async () => PS });
    expect(await probe?.()).toEqual({
      bytes: (98_304 + 40_000 + 60_000) * 1024,
      measure: 'rss',
    });
  });

  it('on Windows has no probe, so the dashboard says the figure is unknown', () => {
    expect(childTreeMemory({ platform: 'win32' })).toBeNull();
  });
});
