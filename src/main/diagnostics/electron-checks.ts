/**
 * Can the desktop app start here? Three checks: the Electron binary (inside the running app it
 * is simply there; from a checkout it must have been downloaded into node_modules/electron,
 * which `npm ci` tries and a machine without GitHub access cannot do), a display, and on Linux
 * the sandbox: Ubuntu 23.10 and later restrict unprivileged user namespaces, and then Electron
 * starts only if its `chrome-sandbox` helper is root-owned and setuid. The fix is to set up the
 * helper, never `--no-sandbox`: bot windows run Zoom's code and must stay sandboxed.
 *
 * The binary is located the way the electron package itself does it (`path.txt` inside
 * `dist/`, or $ELECTRON_OVERRIDE_DIST_PATH), without requiring the package: its index.js would
 * start a download.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { passed, problem, skipped, type CheckOutcome, type CheckSpec } from './diagnostic-check';

/** The Electron the desktop app runs in (`process.versions.electron`, its executable's folder). */
export interface ElectronRuntime {
  version: string;
  distDir: string;
}

export interface ElectronCheckOptions {
  /** The running desktop app's Electron; null outside it (the CLI, the web host). */
  running: ElectronRuntime | null;
  /** The electron package's folder (node_modules/electron); null when it is not installed. */
  packageDir: string | null;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The Ubuntu sysctl; tests point it at a file of their own. */
  usernsSysctlPath?: string;
}

export const USERNS_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';

/** node_modules/electron as Node resolves it from here, or null when it is not installed. */
export function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Where the electron package keeps (or would keep) its binary. */
function distDirOf(options: ElectronCheckOptions): string | null {
  if (options.running) return options.running.distDir;
  const override = options.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return override;
  return options.packageDir === null ? null : join(options.packageDir, 'dist');
}

const PackageJsonSchema = z.object({ version: z.string() });

export function electronChecks(options: ElectronCheckOptions): CheckSpec[] {
  return [
    {
      id: 'electron',
      title: 'Electron binary',
      required: true,
      run: () => checkBinary(options),
    },
    { id: 'display', title: 'Display', required: true, run: () => checkDisplay(options) },
    {
      id: 'electron-sandbox',
      title: 'Window sandbox (Linux user namespaces)',
      required: true,
      run: () => checkSandbox(options),
    },
  ];
}

async function checkBinary(options: ElectronCheckOptions): Promise<CheckOutcome> {
  if (options.running) return passed(`Running in Electron ${options.running.version}.`);
  if (options.packageDir === null) {
    return problem(
      'The electron package is not installed in node_modules.',
      'Run `npm ci` in the Botdeck folder.',
    );
  }
  const raw = await readFile(join(options.packageDir, 'package.json'), 'utf8');
  const version = PackageJsonSchema.parse(JSON.parse(raw)).version;
  const download =
    `Download it with \`node node_modules/electron/install.js\` on a machine that can reach ` +
    `GitHub's release downloads (or run \`npm ci\` there), or set ELECTRON_OVERRIDE_DIST_PATH ` +
    `to a folder holding an unpacked Electron ${version}.`;
  const pathFile = join(options.packageDir, 'path.txt');
  const executable = (await readFile(pathFile, 'utf8').catch(() => null))?.trim() ?? null;
  const override = options.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (executable === null && !override) {
    return problem(
      `Electron ${version} is installed without its binary: ${pathFile} is missing, so its ` +
        'download never finished.',
      download,
    );
  }
  // As the electron package does: the override folder, with path.txt's name or "electron".
  const dist = override || join(options.packageDir, 'dist');
  const binary = join(dist, executable || 'electron');
  if (!(await isFile(binary))) {
    return problem(
      `The Electron ${version} binary is missing: ${binary} does not exist.`,
      download,
    );
  }
  return passed(`Electron ${version} is installed (${binary}).`);
}

async function checkDisplay(options: ElectronCheckOptions): Promise<CheckOutcome> {
  if (options.platform === 'darwin' || options.platform === 'win32') {
    return passed('macOS and Windows always give desktop apps a display.');
  }
  const display = options.env.WAYLAND_DISPLAY
    ? `WAYLAND_DISPLAY=${options.env.WAYLAND_DISPLAY}`
    : options.env.DISPLAY
      ? `DISPLAY=${options.env.DISPLAY}`
      : null;
  if (display !== null) return passed(`A display is available (${display}).`);
  return problem(
    'No display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the desktop app cannot open its window.',
    'Start Botdeck from a desktop session. On a machine without one, use the web host ' +
      '(`npm run web`), or a virtual display (`xvfb-run npm start`).',
  );
}

async function checkSandbox(options: ElectronCheckOptions): Promise<CheckOutcome> {
  if (options.platform !== 'linux') {
    return skipped('Only Linux restricts the user namespaces Electron sandboxes windows with.');
  }
  const setting = await readFile(options.usernsSysctlPath ?? USERNS_SYSCTL, 'utf8').catch(
    () => null,
  );
  if (setting?.trim() !== '1') {
    return passed(
      'This Linux lets Electron sandbox its windows (unprivileged user namespaces are not restricted).',
    );
  }
  const dist = distDirOf(options);
  const helper =
    dist === null ? 'node_modules/electron/dist/chrome-sandbox' : join(dist, 'chrome-sandbox');
  const restricted =
    'This Linux restricts unprivileged user namespaces (as Ubuntu 23.10 and later do)';
  const fix =
    `Make Electron's sandbox helper root-owned and setuid: \`sudo chown root:root ${helper} && ` +
    `sudo chmod 4755 ${helper}\`. Never start Botdeck with --no-sandbox: bot windows run Zoom's code.`;
  const info = await stat(helper).catch(() => null);
  if (info === null) {
    return problem(
      `${restricted}, and Electron's sandbox helper ${helper} was not found, so Electron will not start.`,
      `Install the Electron binary first (see the Electron binary check), then: ${fix}`,
    );
  }
  if (info.uid === 0 && (info.mode & 0o7777) === 0o4755) {
    return passed(
      `${restricted}, and Electron's sandbox helper is set up (root-owned, mode 4755).`,
    );
  }
  const mode = (info.mode & 0o7777).toString(8);
  return problem(
    `${restricted}, and Electron's sandbox helper ${helper} is not root-owned with mode 4755 ` +
      `(owner uid ${info.uid}, mode ${mode}), so Electron will not start.`,
    fix,
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}
