/**
 * Starts Botdeck's command-line entry points the way an operator would and reads the one JSON
 * line each prints when ready. Output goes to a log file so a failing run can be read back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';

const TSX = 'node_modules/.bin/tsx';

export interface Started<T> {
  line: T;
  child: ChildProcess;
  /** Where its stderr goes. */
  logPath: string;
  stop(): Promise<void>;
  /**
   * Kills it with `signal` and waits for it to be gone. With `processGroup`, the whole group
   * goes (tsx runs the entry point in a child process, which a signal to tsx alone would orphan).
   */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  /** Run it as the leader of its own process group, so `kill` reaches its children too. */
  processGroup?: boolean;
}

export async function startJsonLineProcess<T>(
  name: string,
  args: string[],
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<Started<T>> {
  mkdirSync('test-results', { recursive: true });
  const logPath = `test-results/${name}.log`;
  const log = createWriteStream(logPath, { flags: 'w' });
  const child = spawn(TSX, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup ?? false,
  });
  child.stderr?.pipe(log);
  const line = await new Promise<T>((resolve, reject) => {
    if (!child.stdout) return reject(new Error(`${name} has no stdout`));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (text) => {
      try {
        resolve(JSON.parse(text) as T);
      } catch (error) {
        reject(new Error(`${name} printed something that is not JSON: ${text} (${String(error)})`));
      }
    });
    child.once('exit', (code) =>
      reject(
        new Error(`${name} exited with ${code} before it was ready; see test-results/${name}.log`),
      ),
    );
  });
  return {
    line,
    child,
    logPath,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    kill: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        if (options.processGroup && child.pid !== undefined) process.kill(-child.pid, signal);
        else child.kill(signal);
      }),
  };
}
