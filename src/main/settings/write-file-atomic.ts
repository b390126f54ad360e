/**
 * Replaces a file so that a reader, a crash or a power cut only ever sees the old complete
 * content or the new complete content: write a temp file in the same directory, fsync it,
 * rename it over the target (atomic within one file system), then fsync the directory so the
 * rename itself is durable.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Settings hold account ids and e-mails: private to the user, though not secret. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** The temp files of `target` start with this (hidden, and named after the target). */
function tempPrefix(target: string): string {
  return `.${basename(target)}.`;
}

const TEMP_SUFFIX = '.tmp';

/**
 * Writes `content` to `target` atomically, creating the directory when needed.
 * On failure the target is untouched and the temp file is removed.
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  const temp = join(
    dir,
    `${tempPrefix(target)}${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
  try {
    // 'wx': never reuse or follow an existing file at the temp path.
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Flushes the directory entry of a rename. Linux and macOS support fsync on a directory;
 * Windows cannot open one (EISDIR/EPERM), and there NTFS journals the rename itself.
 */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort by design: the data file itself is already fsynced and renamed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Removes temp files of `target` left by a crash between write and rename. Safe only while no
 * write to `target` is in flight, which `atomic-json-file.ts` guarantees by running it in its queue.
 */
export async function removeStaleTempFiles(target: string): Promise<void> {
  const prefix = tempPrefix(target);
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX))
      .map((name) => unlink(join(dirname(target), name)).catch(() => undefined)),
  );
}
