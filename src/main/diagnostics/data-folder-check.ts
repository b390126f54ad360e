/**
 * Can Botdeck keep its files here? The data folder must exist (or be creatable) and writable,
 * and stay private: Botdeck writes it 0700 and its own files (settings, roster, history, logs)
 * 0600, because they name meetings, passcodes and accounts. A folder or file that other users
 * can read means someone loosened it, and the check says exactly what to `chmod`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOG_FOLDER_NAME } from '../log/file-logger';
import {
  describeError,
  passed,
  problem,
  skipped,
  type CheckOutcome,
  type CheckSpec,
} from './diagnostic-check';

export interface DataFolderCheckOptions {
  /** The data folder; null when this Botdeck keeps none. */
  dataDir: string | null;
  platform: NodeJS.Platform;
}

/** Botdeck's own files in the data folder (Electron keeps its own files there too). */
const OWN_FILE = /^(settings|roster)\b.*\.json$|^history(\.\d+)?\.jsonl$/;

export function dataFolderCheck(options: DataFolderCheckOptions): CheckSpec {
  return {
    id: 'data-folder',
    title: 'Data folder',
    required: true,
    run: () => checkDataFolder(options),
  };
}

async function checkDataFolder({
  dataDir,
  platform,
}: DataFolderCheckOptions): Promise<CheckOutcome> {
  if (dataDir === null) return skipped('This Botdeck keeps no data folder.');
  const existed = await stat(dataDir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return problem(
      `Botdeck cannot create its data folder ${dataDir}: ${describeError(error)}`,
      'Create the folder yourself and make it yours (`mkdir -p` and `chown`), or start Botdeck ' +
        'with --data-dir pointing at a folder you own.',
    );
  }
  const probe = join(dataDir, `.diagnostics-${randomUUID()}.tmp`);
  try {
    await writeFile(probe, 'write check', { mode: 0o600 });
    await unlink(probe);
  } catch (error) {
    return problem(
      `Botdeck cannot write in its data folder ${dataDir}: ${describeError(error)}`,
      `Give your user write access to it (\`chown -R "$USER" ${dataDir}\`), or start Botdeck ` +
        'with --data-dir pointing at a folder you own.',
    );
  }
  const where = `${dataDir} ${existed ? 'exists' : 'was created'} and is writable`;
  if (platform === 'win32') return passed(`${where}.`);

  const open = await openToOthers(dataDir);
  if (open.folder || open.files.length > 0) {
    const fixes = [
      ...(open.folder ? [`chmod 700 ${dataDir}`] : []),
      ...(open.files.length > 0 ? [`chmod 600 ${open.files.join(' ')}`] : []),
    ];
    const what = [
      ...(open.folder ? ['the folder'] : []),
      ...open.files.map((file) => file.slice(dataDir.length + 1)),
    ];
    return problem(
      `${where}, but other users can get at ${what.join(', ')}.`,
      `Make it private again: \`${fixes.join(' && ')}\`.`,
    );
  }
  return passed(`${where}; only you can read it.`);
}

/** Whether the folder, and which of Botdeck's own files, give other users any access. */
async function openToOthers(dataDir: string): Promise<{ folder: boolean; files: string[] }> {
  const folder = ((await stat(dataDir)).mode & 0o077) !== 0;
  const names = (await readdir(dataDir))
    .filter((name) => OWN_FILE.test(name))
    .map((name) => join(dataDir, name));
  const logs = join(dataDir, LOG_FOLDER_NAME);
  const logNames = await readdir(logs).catch(() => [] as string[]);
  const candidates = [...names, ...logNames.map((name) => join(logs, name))];
  const files: string[] = [];
  for (const file of candidates) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && (info.mode & 0o077) !== 0) files.push(file);
  }
  return { folder, files };
}
