// @ts-check
/**
 * `npm run web`: starts the web host from its build, rebuilding first only when the sources
 * changed since (scripts/build-stamp.mjs). A current build starts in about a second; the
 * rebuild's output goes to stderr so stdout keeps only the host's one JSON line.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildState } from './build-stamp.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** @returns {Promise<number | null>} */
function rebuild() {
  process.stderr.write('Botdeck: the sources changed since the last build; building first.\n');
  const child = spawn(process.execPath, [join(projectDir, 'scripts', 'build.mjs')], {
    cwd: projectDir,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

if (!(await buildState(projectDir)).current) {
  const code = await rebuild();
  if (code !== 0) {
    process.stderr.write('Botdeck: the build failed (see above), so the web host did not start.\n');
    process.exit(1);
  }
}
await import(pathToFileURL(join(projectDir, 'out', 'web-host', 'cli.js')).href);
