/**
 * The history log: `history.jsonl` in the data folder, one JSON object per line, appended in
 * batches (one write and one fsync per batch) and rotated by size: when the next batch would
 * take it past `maxBytes`, it is renamed to `history.1.jsonl` (older ones move up to
 * `history.3.jsonl`; the oldest is deleted). A rename is atomic, so a crash leaves either the
 * old or the new layout, and at worst a torn last line, which reading skips.
 *
 * Every entry is parsed with the history schema before it is written and again when read, so
 * the file holds only the fields the schema names (no ZAK, token or secret has a field there).
 */
import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { HistoryEntrySchema, type HistoryEntry } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';

export const HISTORY_FILE_NAME = 'history.jsonl';
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export interface HistoryLog {
  /** Queues entries; they are written in one batch with the others queued meanwhile. */
  append(entries: readonly HistoryEntry[]): void;
  /** Resolves once everything appended so far is on disk. */
  flush(): Promise<void>;
  /** Newest first, at most `limit`, across the current and rotated files. */
  list(limit: number): Promise<HistoryEntry[]>;
  /** Every entry, oldest first. */
  all(): Promise<HistoryEntry[]>;
}

export interface HistoryLogOptions {
  dataDir: string;
  logger: Logger;
  /** Rotate before the current file would pass this size (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 3). */
  keep?: number;
}

export function createHistoryLog(options: HistoryLogOptions): HistoryLog {
  const { dataDir, logger } = options;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  /** history.jsonl, history.1.jsonl, … history.{keep}.jsonl: newest file first. */
  const paths = [HISTORY_FILE_NAME, ...Array.from({ length: keep }, (_, i) => rotated(i + 1))].map(
    (name) => join(dataDir, name),
  );
  const current = paths[0] as string;
  let pending: HistoryEntry[] = [];
  let tail: Promise<void> = Promise.resolve();

  async function rotate(): Promise<void> {
    await rm(paths[keep] as string, { force: true });
    for (let index = keep - 1; index >= 0; index--) {
      await rename(paths[index] as string, paths[index + 1] as string).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
    }
  }

  async function writeBatch(): Promise<void> {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const lines: string[] = [];
    for (const entry of batch) {
      const parsed = HistoryEntrySchema.safeParse(entry);
      if (parsed.success) lines.push(`${JSON.stringify(parsed.data)}\n`);
      else logger.warn('Dropped a history entry that does not fit the log', { kind: entry.kind });
    }
    if (lines.length === 0) return;
    const body = lines.join('');
    await mkdir(dataDir, { recursive: true, mode: DIR_MODE });
    const size = await stat(current).then(
      (info) => info.size,
      () => 0,
    );
    const rotating = size > 0 && size + Buffer.byteLength(body) > maxBytes;
    if (rotating) await rotate();
    const handle = await open(current, 'a+', FILE_MODE);
    try {
      // A crash can leave a torn last line; start on a fresh line so only that one is lost.
      const torn = !rotating && size > 0 && !(await endsWithNewline(handle, size));
      await handle.writeFile(torn ? `\n${body}` : body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function readFileEntries(path: string): Promise<HistoryEntry[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const entries: HistoryEntry[] = [];
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const parsed = HistoryEntrySchema.safeParse(parseJson(line));
      if (parsed.success) entries.push(parsed.data);
      else skipped++;
    }
    // A torn last line after a crash is expected; anything more is worth a look.
    if (skipped > 0) logger.warn('Skipped unreadable history lines', { path, skipped });
    return entries;
  }

  function flush(): Promise<void> {
    const run = tail.then(writeBatch).catch((error: unknown) => {
      logger.error('Could not write the history log', { path: current, error });
    });
    tail = run;
    return run;
  }

  return {
    append(entries) {
      if (entries.length === 0) return;
      const first = pending.length === 0;
      pending.push(...entries);
      // One write per batch: entries appended before it starts join it.
      if (first) void flush();
    },
    flush,
    async list(limit) {
      await flush();
      const newest: HistoryEntry[] = [];
      for (const path of paths) {
        const entries = await readFileEntries(path);
        for (let index = entries.length - 1; index >= 0 && newest.length < limit; index--) {
          newest.push(entries[index] as HistoryEntry);
        }
        if (newest.length >= limit) break;
      }
      return newest;
    },
    async all() {
      await flush();
      const files = await Promise.all([...paths].reverse().map(readFileEntries));
      return files.flat();
    },
  };
}

async function endsWithNewline(handle: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

/** `history.1.jsonl` for n = 1. */
const rotated = (n: number): string => `history.${n}.jsonl`;

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
