// @ts-check
/**
 * Can Electron run here? What `npm start` / `npm run dev` check before electron-vite starts
 * Electron, and what the install step checks before fetching its binary. Plain JavaScript on
 * Node's own modules (typed by JSDoc, checked by tsc) because the install step must run where
 * nothing but Node is there yet. The decisions take the machine as an argument, so they are
 * unit-tested without one.
 *
 * Electron ≥ 42 no longer downloads its binary when npm installs the package: `require('electron')`
 * or its `install-electron` command does, and records the executable's path, relative to
 * `dist/`, in `path.txt`. electron-vite only reads `path.txt` (or `ELECTRON_EXEC_PATH`) and
 * throws "Electron uninstall" when it is missing.
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @typedef {object} Machine
 * @property {string} platform `process.platform`
 * @property {Record<string, string | undefined>} env
 * @property {string | null} electronDir where the `electron` package is; null when not installed
 * @property {(path: string) => boolean} exists
 * @property {(path: string) => string | null} read a file's text, or null when it cannot be read
 * @property {(path: string) => { uid: number, mode: number } | null} stat owner and mode, or null
 */

/**
 * @typedef {object} ElectronStatus
 * @property {string | null} binary the executable electron-vite would start, when it exists
 * @property {string[]} problems what stops Electron from running, in operator words
 * @property {string[]} warnings what may stop it, and how to fix that
 */

const WEB_ALTERNATIVE =
  'Without Electron, `npm run web` runs the same dashboard in your browser, with bots in ' +
  'headless Chromium (README: "Running without a display").';

const FETCH_BINARY =
  'npm install fetches it where it can reach GitHub; to fetch it now, run `npx install-electron` ' +
  '(behind a mirror: `ELECTRON_MIRROR=https://your-mirror/ npx install-electron`).';

/**
 * True for the values npm and Electron treat as "set" (`1`, `true`, any word but `0`/`false`).
 * @param {string | undefined} value
 * @returns {boolean}
 */
export function isSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * The executable electron-vite would start, and why not when it cannot.
 * @param {Machine} machine
 * @returns {{ binary: string | null, missing: string | null }}
 */
export function findElectronBinary(machine) {
  const override = machine.env.ELECTRON_EXEC_PATH;
  if (override) {
    return machine.exists(override)
      ? { binary: override, missing: null }
      : {
          binary: null,
          missing: `ELECTRON_EXEC_PATH points at ${override}, which does not exist.`,
        };
  }
  if (machine.electronDir === null) {
    return {
      binary: null,
      missing:
        'The electron package is not installed (development dependencies left out?). Run `npm install`.',
    };
  }
  const relative = machine.read(join(machine.electronDir, 'path.txt'))?.trim();
  const binary = relative ? join(machine.electronDir, 'dist', relative) : null;
  if (binary !== null && machine.exists(binary)) return { binary, missing: null };
  const skipped = isSet(machine.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    ? ' ELECTRON_SKIP_BINARY_DOWNLOAD is set, so npm install did not fetch it.'
    : '';
  return {
    binary: null,
    missing: `Electron's binary has not been downloaded (node_modules/electron/dist).${skipped} ${FETCH_BINARY}`,
  };
}

/**
 * Ubuntu 23.10+ lets only root-owned, setuid `chrome-sandbox` helpers (or AppArmor-profiled
 * binaries) sandbox Electron; one unpacked by npm is neither, and Electron aborts. An AppArmor
 * profile cannot be seen from here, so this is a warning with the fix, not a refusal.
 * @param {Machine} machine
 * @param {string} binary
 * @returns {string | null}
 */
function sandboxHelperWarning(machine, binary) {
  if (machine.platform !== 'linux') return null;
  const restricted = machine.read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns');
  if (restricted?.trim() !== '1') return null;
  const helper = join(dirname(binary), 'chrome-sandbox');
  const stat = machine.stat(helper);
  if (stat === null || (stat.uid === 0 && (stat.mode & 0o4755) === 0o4755)) return null;
  return (
    'This system restricts unprivileged user namespaces (AppArmor), so Electron aborts with ' +
    '"The SUID sandbox helper binary was found, but is not configured correctly" unless its ' +
    `sandbox helper is root-owned and setuid: \`sudo chown root:root ${helper} && sudo chmod 4755 ${helper}\` ` +
    '(again after every npm install), or give Electron an AppArmor profile (README: Platform ' +
    'notes). Never run Botdeck with --no-sandbox.'
  );
}

/**
 * Everything that stops Electron from opening Botdeck's window here.
 * @param {Machine} machine
 * @returns {ElectronStatus}
 */
export function electronStatus(machine) {
  const { binary, missing } = findElectronBinary(machine);
  const problems = missing === null ? [] : [missing];
  if (machine.platform === 'linux' && !machine.env.DISPLAY && !machine.env.WAYLAND_DISPLAY) {
    problems.push(
      'There is no display: DISPLAY and WAYLAND_DISPLAY are unset, so Electron has nowhere to ' +
        'open its window. Start Botdeck from a desktop session (or under `xvfb-run npm start`).',
    );
  }
  const warning = binary === null ? null : sandboxHelperWarning(machine, binary);
  return { binary, problems, warnings: warning === null ? [] : [warning] };
}

/**
 * What `npm start` prints when Electron cannot run: each problem, then the alternative.
 * @param {string[]} problems
 * @returns {string}
 */
export function explainProblems(problems) {
  const lines = ['Botdeck cannot start its Electron app here:', ...problems.map((p) => `- ${p}`)];
  return `${lines.join('\n')}\n${WEB_ALTERNATIVE}\n`;
}

/**
 * Where the `electron` package is, seen from the project folder; null when it is not installed.
 * @param {string} projectDir
 * @returns {string | null}
 */
export function electronPackageDir(projectDir) {
  try {
    const require = createRequire(join(projectDir, 'package.json'));
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * This machine, as the checks see it.
 * @param {string} projectDir
 * @returns {Machine}
 */
export function thisMachine(projectDir) {
  return {
    platform: process.platform,
    env: process.env,
    electronDir: electronPackageDir(projectDir),
    exists: existsSync,
    read: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    stat: (path) => {
      try {
        const { uid, mode } = statSync(path);
        return { uid, mode };
      } catch {
        return null;
      }
    },
  };
}
