/**
 * The desktop app's log file. An installed app's console is seen by nobody, so the desktop app
 * also writes its log to `<data folder>/logs/botdeck.log`, where an operator can find it and
 * send it. The lines are exactly the console logger's (same JSON, same `redactFields`), and
 * rotating-file-stream rotates them by size, keeping a few old files (`botdeck.log.1`, …).
 * Files are created 0600 in a 0700 folder: the log names meetings and accounts.
 *
 * Writing the log must never take the app down: if the file cannot be written, the logger says
 * so once through `fallback` and then drops file lines (the console keeps them).
 */
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createStream } from 'rotating-file-stream';
import { createConsoleLogger, type Logger } from './logger';

export const LOG_FOLDER_NAME = 'logs';
export const LOG_FILE_NAME = 'botdeck.log';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_KEEP = 4;

export interface FileLoggerOptions {
  /** The app's data folder; the log goes in its `logs` folder. */
  dataDir: string;
  /** Rotate once the current file reaches this many bytes (default 5 MiB; tests make it small). */
  maxBytes?: number;
  /** Rotated files kept beside the current one (default 4). */
  keep?: number;
  /** Told, once, when the file cannot be written. */
  fallback: Logger;
  now?: () => number;
}

export interface FileLogger extends Logger {
  /** The folder with the current and the rotated files. */
  readonly folder: string;
  /** The file being written now. */
  readonly file: string;
  /** Resolves once every line logged so far has reached the file (or failed to). */
  flush(): Promise<void>;
  /** Flushes and closes the file; later lines are dropped. */
  close(): Promise<void>;
}

/** The log folder inside a data folder (also what Diagnostics shows). */
export function logFolderIn(dataDir: string): string {
  return join(dataDir, LOG_FOLDER_NAME);
}

/** Opens (creating if needed) the log folder and its current file. */
export async function openFileLogger(options: FileLoggerOptions): Promise<FileLogger> {
  const folder = logFolderIn(options.dataDir);
  const file = join(folder, LOG_FILE_NAME);
  await mkdir(folder, { recursive: true, mode: DIR_MODE });
  // mkdir's mode applies only to a folder it creates; one made by hand may be wider.
  await chmod(folder, DIR_MODE);
  await chmod(file, FILE_MODE).catch(() => undefined); // Absent on a first start.

  const stream = createStream(LOG_FILE_NAME, {
    path: folder,
    size: `${options.maxBytes ?? DEFAULT_MAX_BYTES}B`,
    rotate: options.keep ?? DEFAULT_KEEP,
    mode: FILE_MODE,
  });
  let broken = false;
  let closed = false;
  let pending = 0;
  const idle: (() => void)[] = [];

  const giveUp = (error: unknown): void => {
    if (broken) return;
    broken = true;
    options.fallback.error('The log file cannot be written; logging to the console only', {
      file,
      error,
    });
  };
  stream.on('error', giveUp);
  // Non-blocking trouble (an old file that could not be removed): worth a line, not a stop.
  stream.on('warning', (error: unknown) =>
    options.fallback.warn('The log file rotation hit a problem', { file, error }),
  );

  const written = (): void => {
    pending -= 1;
    if (pending === 0) for (const resolve of idle.splice(0)) resolve();
  };

  const lines = createConsoleLogger({
    now: options.now,
    write: (line) => {
      if (broken || closed) return;
      pending += 1;
      stream.write(`${line}\n`, written);
    },
  });

  const flush = (): Promise<void> =>
    pending === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));

  return {
    ...lines,
    folder,
    file,
    flush,
    async close() {
      if (closed) return;
      await flush();
      closed = true;
      if (broken) return;
      await new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}
