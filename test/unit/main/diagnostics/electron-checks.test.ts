import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../../src/main/diagnostics/diagnostic-check';
import {
  electronChecks,
  type ElectronCheckOptions,
} from '../../../../src/main/diagnostics/electron-checks';

let root: string;
let packageDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'botdeck-electron-'));
  packageDir = join(root, 'node_modules', 'electron');
  await mkdir(packageDir, { recursive: true });
  await writeFile(join(packageDir, 'package.json'), JSON.stringify({ version: '45.5.0' }));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function check(id: string, options: Partial<ElectronCheckOptions> = {}) {
  const checks = await runChecks(
    electronChecks({
      running: null,
      packageDir,
      platform: 'linux',
      env: {},
      usernsSysctlPath: join(root, 'no-such-sysctl'),
      ...options,
    }),
  );
  const found = checks.find((item) => item.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

async function installBinary(dist = join(packageDir, 'dist')): Promise<string> {
  await writeFile(join(packageDir, 'path.txt'), 'electron');
  await mkdir(dist, { recursive: true });
  await writeFile(join(dist, 'electron'), '#!/bin/sh\n');
  return join(dist, 'electron');
}

describe('the Electron binary check', () => {
  it('names the missing download, with its version and how to get it', async () => {
    const result = await check('electron');
    expect(result).toMatchObject({ status: 'problem', required: true });
    expect(result.message).toContain('Electron 45.5.0 is installed without its binary');
    expect(result.message).toContain(join(packageDir, 'path.txt'));
    expect(result.fix).toContain('node node_modules/electron/install.js');
    expect(result.fix).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('finds the binary where path.txt says, or in ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const binary = await installBinary();
    expect(await check('electron')).toMatchObject({
      status: 'ok',
      message: `Electron 45.5.0 is installed (${binary}).`,
    });
    const elsewhere = join(root, 'unpacked');
    expect(
      await check('electron', { env: { ELECTRON_OVERRIDE_DIST_PATH: elsewhere } }),
    ).toMatchObject({
      status: 'problem',
      message: `The Electron 45.5.0 binary is missing: ${join(elsewhere, 'electron')} does not exist.`,
    });
  });

  it('takes an ELECTRON_OVERRIDE_DIST_PATH folder even without path.txt, as electron does', async () => {
    const unpacked = join(root, 'unpacked');
    await mkdir(unpacked);
    await writeFile(join(unpacked, 'electron'), '');
    expect(
      await check('electron', { env: { ELECTRON_OVERRIDE_DIST_PATH: unpacked } }),
    ).toMatchObject({
      status: 'ok',
      message: `Electron 45.5.0 is installed (${join(unpacked, 'electron')}).`,
    });
  });

  it('says to run npm ci when the package is not installed, and trusts a running Electron', async () => {
    expect(await check('electron', { packageDir: null })).toMatchObject({
      status: 'problem',
      fix: 'Run `npm ci` in the Botdeck folder.',
    });
    expect(
      await check('electron', { running: { version: '45.5.0', distDir: root }, packageDir: null }),
    ).toMatchObject({ status: 'ok', message: 'Running in Electron 45.5.0.' });
  });
});

describe('the display check', () => {
  it('on Linux needs DISPLAY or WAYLAND_DISPLAY, and says what to do without one', async () => {
    const missing = await check('display');
    expect(missing.status).toBe('problem');
    expect(missing.fix).toContain('npm run web');
    expect(await check('display', { env: { DISPLAY: ':0' } })).toMatchObject({
      status: 'ok',
      message: 'A display is available (DISPLAY=:0).',
    });
    expect(await check('display', { env: { WAYLAND_DISPLAY: 'wayland-0' } })).toMatchObject({
      status: 'ok',
    });
  });

  it('is always fine on macOS and Windows', async () => {
    expect((await check('display', { platform: 'darwin' })).status).toBe('ok');
    expect((await check('display', { platform: 'win32' })).status).toBe('ok');
  });
});

describe('the Linux sandbox check', () => {
  const restrict = async (value: string): Promise<string> => {
    const path = join(root, 'apparmor_restrict_unprivileged_userns');
    await writeFile(path, `${value}\n`);
    return path;
  };

  it('is fine where user namespaces are not restricted, and skipped off Linux', async () => {
    expect((await check('electron-sandbox')).status).toBe('ok');
    const sysctl = await restrict('0');
    expect((await check('electron-sandbox', { usernsSysctlPath: sysctl })).status).toBe('ok');
    expect((await check('electron-sandbox', { platform: 'darwin' })).status).toBe('skipped');
  });

  it('where they are restricted, gives the exact commands for chrome-sandbox and never --no-sandbox as a fix', async () => {
    const sysctl = await restrict('1');
    const dist = join(packageDir, 'dist');
    await installBinary(dist);
    const helper = join(dist, 'chrome-sandbox');
    await writeFile(helper, '');
    await chmod(helper, 0o755);

    const result = await check('electron-sandbox', { usernsSysctlPath: sysctl });
    expect(result.status).toBe('problem');
    expect(result.message).toContain('restricts unprivileged user namespaces');
    expect(result.message).toContain('mode 755');
    expect(result.fix).toContain(`sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`);
    expect(result.fix).toContain('Never start Botdeck with --no-sandbox');
  });

  it('where they are restricted and the helper is missing, says so', async () => {
    const sysctl = await restrict('1');
    const result = await check('electron-sandbox', { usernsSysctlPath: sysctl });
    expect(result.status).toBe('problem');
    expect(result.message).toContain('was not found');
  });

  it.runIf(process.getuid?.() === 0)('accepts a root-owned helper with mode 4755', async () => {
    const sysctl = await restrict('1');
    const dist = join(packageDir, 'dist');
    await mkdir(dist, { recursive: true });
    const helper = join(dist, 'chrome-sandbox');
    await writeFile(helper, '');
    await chmod(helper, 0o4755);
    expect((await check('electron-sandbox', { usernsSysctlPath: sysctl })).status).toBe('ok');
  });
});
