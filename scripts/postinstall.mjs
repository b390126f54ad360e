// @ts-check
/**
 * npm install's last step (the project's `postinstall`). Electron ≥ 42 no longer fetches its
 * binary when npm installs it, so this runs Electron's own installer where the binary is
 * missing, bounded by a timeout; and it says so when npm left out the keychain module (keytar is
 * an optional dependency whose native build may fail). Both fail soft, in words: the web host
 * and most tests need neither, so this step never fails the install.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, isSet, thisMachine } from './electron-status.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
/** A slow link gets 5 minutes for Electron's ~100 MB; a missing network fails at once. */
const DOWNLOAD_TIMEOUT_MS = Number(env.BOTDECK_ELECTRON_DOWNLOAD_TIMEOUT_S || 300) * 1000;

/** @param {string} text */
const say = (text) => process.stderr.write(`botdeck: ${text}\n`);

/**
 * Runs a command to its end or the deadline, keeping the first line it printed on stderr.
 * @param {string} command
 * @param {string[]} args
 * @param {number} timeoutMs
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
function runBounded(command, args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4096) stderr += String(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    const firstLine = () =>
      stderr
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim();
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ok: true });
      else if (signal === 'SIGTERM') {
        resolve({ ok: false, reason: `no download within ${timeoutMs / 1000} s` });
      } else resolve({ ok: false, reason: firstLine() ?? `the installer exited with ${code}` });
    });
  });
}

async function fetchElectronBinary() {
  const machine = thisMachine(projectDir);
  // No electron package (development dependencies left out) or a binary already there.
  if (machine.electronDir === null || findElectronBinary(machine).binary !== null) return;
  if (isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    say(
      'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary was not fetched. `npm start` ' +
        'needs it (`npx install-electron` fetches it later); `npm run web` and the tests do not.',
    );
    return;
  }
  const result = await runBounded(
    process.execPath,
    [join(machine.electronDir, 'install.js')],
    DOWNLOAD_TIMEOUT_MS,
  );
  if (result.ok) return;
  say(
    `could not download the Electron binary (${result.reason}). \`npm start\` needs it; ` +
      '`npm run web` and the tests do not. Run `npx install-electron` later (behind a mirror: ' +
      '`ELECTRON_MIRROR=https://your-mirror/ npx install-electron`).',
  );
}

function checkKeychainModule() {
  try {
    createRequire(join(projectDir, 'package.json'))('keytar');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const left = /Cannot find module 'keytar'/.test(message)
      ? 'was not installed: npm could neither download it prebuilt nor compile it here'
      : `is installed but does not load (${message.split('\n')[0]})`;
    say(
      `the system keychain module (keytar) ${left}. Sandbox mode, \`npm run web\` and the tests ` +
        'that do not need the keychain work without it; saving Zoom accounts does not. The ' +
        'README ("Set up") and the dashboard\'s accounts panel say what to install; then run ' +
        '`npm install` again.',
    );
  }
}

try {
  await fetchElectronBinary();
  checkKeychainModule();
} catch (error) {
  say(`the install's last checks failed (${error instanceof Error ? error.message : error}).`);
}
