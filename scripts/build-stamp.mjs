// @ts-check
/**
 * Whether out/ was built from the sources as they are now, so `npm run web` rebuilds only when
 * something the build reads has changed: every file under src/, the two Vite configs, the
 * TypeScript configs, and package.json with its lock file (which pin the dependencies bundled
 * into the pages and the Meeting SDK assets copied beside them). A hash of their contents, not
 * their times: a checkout that rewrites files without changing them needs no rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export const STAMP_INPUTS = [
  'src',
  'electron.vite.config.ts',
  'vite.web-host.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

export const STAMP_FILE = join('out', 'build-stamp.json');

/** What the web host needs from a build; a stamp is not enough when one of them is gone. */
export const BUILD_OUTPUTS = [
  join('out', 'web-host', 'cli.js'),
  join('out', 'renderer', 'bot', 'index.html'),
  join('out', 'renderer', 'dashboard', 'index.html'),
];

/**
 * @param {string} path
 * @returns {Promise<string[]>}
 */
async function filesUnder(path) {
  if (!existsSync(path)) return [];
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (entries === null) return [path];
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(path, entry.name)) : [join(path, entry.name)],
    ),
  );
  return nested.flat();
}

/**
 * The hash of every build input under `projectDir`.
 * @param {string} projectDir
 * @returns {Promise<string>}
 */
export async function inputsHash(projectDir) {
  const files = (
    await Promise.all(STAMP_INPUTS.map((input) => filesUnder(join(projectDir, input))))
  )
    .flat()
    .map((file) => relative(projectDir, file).split(sep).join('/'))
    .sort();
  const contents = await Promise.all(files.map((file) => readFile(join(projectDir, file))));
  const hash = createHash('sha256');
  files.forEach((file, index) => {
    hash.update(`${file}\0`);
    hash.update(contents[index] ?? '');
    hash.update('\0');
  });
  return hash.digest('hex');
}

/**
 * Whether the last build is current: its stamp matches the inputs and its outputs exist.
 * @param {string} projectDir
 * @returns {Promise<{ current: boolean, hash: string }>}
 */
export async function buildState(projectDir) {
  const hash = await inputsHash(projectDir);
  const stamp = await readFile(join(projectDir, STAMP_FILE), 'utf8').then(
    (text) => /** @type {{ inputs?: unknown }} */ (JSON.parse(text)).inputs,
    () => null,
  );
  const outputs = BUILD_OUTPUTS.every((file) => existsSync(join(projectDir, file)));
  return { current: stamp === hash && outputs, hash };
}

/**
 * Records that out/ holds a build of the inputs whose hash is `hash` (taken before building,
 * so a source saved during the build still counts as changed).
 * @param {string} projectDir
 * @param {string} hash
 */
export async function writeStamp(projectDir, hash) {
  const file = join(projectDir, STAMP_FILE);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ inputs: hash })}\n`);
}
