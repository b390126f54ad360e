/**
 * Runs the web host as an operator would, in a process of its own (so its memory is its own
 * process tree), with a throwaway data folder, and reads the JSON line it prints when ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The built web host (`npm run build`), started with Node alone as `npm run web` does. */
export const BUILT_WEB_HOST = ['node', 'out/web-host/cli.js'];

export interface BenchHost {
  url: string;
  sandboxUrl: string;
  pid: number;
  /** Seconds from spawn to the JSON line. */
  startSeconds: number;
  stop(): Promise<void>;
}

export interface BenchHostOptions {
  command?: string[];
  args?: string[];
  /** Written as settings.json in the data folder before the host starts. */
  settings?: unknown;
  /** Where the host's log (its stderr) goes; nowhere by default. */
  logFile?: string;
}

export async function startBenchHost(options: BenchHostOptions = {}): Promise<BenchHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'botdeck-bench-'));
  if (options.settings !== undefined) {
    const file = join(dataDir, 'settings.json');
    await writeFile(file, JSON.stringify(options.settings), { mode: 0o600 });
  }
  const [file = 'node', ...args] = options.command ?? BUILT_WEB_HOST;
  const started = performance.now();
  const log = options.logFile ? openSync(options.logFile, 'w') : 'ignore';
  const child: ChildProcess = spawn(
    file,
    [...args, '--data-dir', dataDir, ...(options.args ?? [])],
    {
      stdio: ['ignore', 'pipe', log],
      // Its own process group: npm runs the host in a child, and stop() must reach it too.
      detached: true,
    },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-(child.pid ?? 0), 'SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const line = await new Promise<{ url: string; sandboxUrl: string }>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the web host exited (${code}) early`)));
      if (!child.stdout) return reject(new Error('the web host has no stdout'));
      createInterface({ input: child.stdout }).once('line', (text) => resolve(JSON.parse(text)));
    });
    const startSeconds = (performance.now() - started) / 1000;
    return { ...line, pid: child.pid ?? 0, startSeconds, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
