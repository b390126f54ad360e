/**
 * A JSON file with a zod schema, for the settings file now and the roster and launch history
 * later. Writes are atomic (`write-file-atomic.ts`) and run one at a time in call order, so the
 * last write wins and two never interleave. A file that cannot be used (torn, corrupt, or not
 * in the expected shape) is never silently replaced: it is moved aside to
 * `<name>.corrupt-<timestamp>.json` and reported with words the operator can act on.
 */
import { readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { z } from 'zod';
import { removeStaleTempFiles, writeFileAtomic } from './write-file-atomic';

/** Why a file was set aside. */
export type JsonFileProblem = 'unparseable' | 'invalid';

/** The outcome of reading: the value, no file yet, or a bad file that was moved aside. */
export type JsonFileReadResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'missing' }
  | {
      status: 'set-aside';
      problem: JsonFileProblem;
      /** Where the bad file now is. */
      setAsidePath: string;
      /**
       * What happened, for the operator: "settings.json was unreadable (not valid JSON) and was
       * set aside as settings.corrupt-2026-11-28T01-05-26-123Z.json".
       */
      message: string;
    };

/** The file could not be read or set aside at all (permissions, I/O); nothing was replaced. */
export class JsonFileError extends Error {
  override readonly name = 'JsonFileError';
  readonly path: string;

  constructor(path: string, message: string, cause: unknown) {
    super(message, { cause });
    this.path = path;
  }
}

export interface AtomicJsonFile<T> {
  readonly path: string;
  /** Reads and validates the file; sets it aside when unusable (see `JsonFileReadResult`). */
  read(): Promise<JsonFileReadResult<T>>;
  /**
   * Validates `value` with the schema and writes what the schema outputs (unknown keys are
   * dropped by object schemas), so nothing outside the schema ever reaches the disk.
   * Resolves once the new content is durable; returns the value as written.
   */
  write(value: T): Promise<T>;
}

export interface AtomicJsonFileOptions<T> {
  path: string;
  schema: z.ZodType<T>;
  /** Clock for the set-aside timestamp. */
  now?: () => number;
}

/** How many schema problems the operator message lists before "and N more". */
const LISTED_ISSUES = 3;

export function createAtomicJsonFile<T>(options: AtomicJsonFileOptions<T>): AtomicJsonFile<T> {
  const { path, schema } = options;
  const now = options.now ?? Date.now;
  const name = basename(path);
  let queue: Promise<unknown> = Promise.resolve();

  function serially<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function setAside(
    problem: JsonFileProblem,
    detail: string,
  ): Promise<JsonFileReadResult<T>> {
    const setAsidePath = await freeSetAsidePath(path, now());
    try {
      await rename(path, setAsidePath);
    } catch (error) {
      throw new JsonFileError(
        path,
        `${name} is unreadable (${detail}) and could not be moved aside (${codeOf(error)}); ` +
          `move or delete it, then start Botdeck again.`,
        error,
      );
    }
    const what = problem === 'invalid' ? 'was not in the expected format' : 'was unreadable';
    const message = `${name} ${what} (${detail}) and was set aside as ${basename(setAsidePath)}`;
    return { status: 'set-aside', problem, setAsidePath, message };
  }

  async function readNow(): Promise<JsonFileReadResult<T>> {
    await removeStaleTempFiles(path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return { status: 'missing' };
      throw new JsonFileError(path, `${name} could not be read (${codeOf(error)}).`, error);
    }
    // Tolerate a byte-order mark left by a text editor; it is not corruption.
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim() === '') return setAside('unparseable', 'it is empty');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return setAside('unparseable', 'not valid JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return setAside('invalid', describeIssues(parsed.error.issues));
    return { status: 'ok', value: parsed.data };
  }

  return {
    path,
    read: () => serially(readNow),
    write: (value) =>
      serially(async () => {
        // Parse before queuing the disk write so an invalid value never touches the file.
        const data = schema.parse(value);
        await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
        return data;
      }),
  };
}

/** `settings.json` → `settings.corrupt-2026-11-28T01-05-26-123Z.json`, unique in its folder. */
async function freeSetAsidePath(path: string, at: number): Promise<string> {
  const ext = extname(path) || '.json';
  const stem = basename(path, extname(path));
  // No ':' in the stamp: it is not allowed in Windows file names.
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  for (let attempt = 1; ; attempt += 1) {
    const suffix = attempt === 1 ? '' : `-${attempt}`;
    const candidate = join(dirname(path), `${stem}.corrupt-${stamp}${suffix}${ext}`);
    if (!(await exists(candidate))) return candidate;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** "accounts.0.plan: Invalid option…"; zod's words name paths and rules, never values. */
function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const listed = issues.slice(0, LISTED_ISSUES).map((issue) => {
    const where = issue.path.map(String).join('.');
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
  const more = issues.length > LISTED_ISSUES ? `; and ${issues.length - LISTED_ISSUES} more` : '';
  return `${listed.join('; ')}${more}`;
}

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return String((error as { code: unknown }).code);
  }
  return error instanceof Error ? error.message : 'unknown error';
}
