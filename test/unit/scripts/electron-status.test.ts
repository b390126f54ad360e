// The decisions behind `npm start`'s check and the install step's Electron download, on
// machines described in memory: a fresh clone (no binary, no display), a desktop, an override,
// and Ubuntu's user-namespace restriction.
import { describe, expect, it } from 'vitest';
import {
  electronStatus,
  explainProblems,
  findElectronBinary,
  isSet,
} from '../../../scripts/electron-status.mjs';

type Machine = Parameters<typeof electronStatus>[0];

const DIR = '/app/node_modules/electron';

/** A machine with these files (path → text) and stats; Linux with a display unless told. */
function machine(overrides: Partial<Machine> & { files?: Record<string, string> } = {}): Machine {
  const files = overrides.files ?? {};
  return {
    platform: 'linux',
    env: { DISPLAY: ':0' },
    electronDir: DIR,
    exists: (path) => path in files,
    read: (path) => files[path] ?? null,
    stat: () => null,
    ...overrides,
  };
}

const installed = { [`${DIR}/path.txt`]: 'electron', [`${DIR}/dist/electron`]: '' };

describe('electron status', () => {
  it('a fresh clone: no binary and no display, each said with its fix, and the web host offered', () => {
    const status = electronStatus(machine({ env: {} }));
    expect(status.binary).toBeNull();
    expect(status.problems).toHaveLength(2);
    expect(status.problems[0]).toMatch(/binary has not been downloaded.*npx install-electron/);
    expect(status.problems[1]).toMatch(/no display: DISPLAY and WAYLAND_DISPLAY are unset/);
    const text = explainProblems(status.problems);
    expect(text).toContain('`npm run web`');
    expect(text).not.toMatch(/\bat \S+:\d+:\d+/);
  });

  it('a desktop with the binary fetched can start', () => {
    expect(electronStatus(machine({ files: installed }))).toEqual({
      binary: `${DIR}/dist/electron`,
      problems: [],
      warnings: [],
    });
    expect(
      electronStatus(machine({ files: installed, env: { WAYLAND_DISPLAY: 'wayland-0' } })).problems,
    ).toEqual([]);
    // macOS and Windows always have a display.
    expect(
      electronStatus(machine({ files: installed, platform: 'darwin', env: {} })).problems,
    ).toEqual([]);
  });

  it('path.txt without the binary it names is not installed (electron-vite would spawn nothing)', () => {
    const files = { [`${DIR}/path.txt`]: 'electron' };
    expect(findElectronBinary(machine({ files })).binary).toBeNull();
  });

  it('ELECTRON_EXEC_PATH is used as electron-vite uses it, and checked', () => {
    const files = { '/opt/electron/electron': '' };
    expect(
      findElectronBinary(machine({ files, env: { ELECTRON_EXEC_PATH: '/opt/electron/electron' } })),
    ).toEqual({
      binary: '/opt/electron/electron',
      missing: null,
    });
    expect(
      findElectronBinary(machine({ env: { ELECTRON_EXEC_PATH: '/nowhere/electron' } })).missing,
    ).toContain('/nowhere/electron, which does not exist');
  });

  it('says why the binary is missing when the download was skipped on purpose, or electron is absent', () => {
    const skipped = findElectronBinary(machine({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } }));
    expect(skipped.missing).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(findElectronBinary(machine({ electronDir: null })).missing).toContain(
      'Run `npm install`',
    );
  });

  it('reads "set" as npm does', () => {
    expect(['1', 'true', 'yes'].map(isSet)).toEqual([true, true, true]);
    expect([undefined, '', '0', 'false', 'FALSE'].map(isSet)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('Ubuntu 23.10+ user-namespace restriction', () => {
  const restricted = {
    ...installed,
    '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1\n',
  };
  const helper = `${DIR}/dist/chrome-sandbox`;

  it('warns, with the exact commands, when chrome-sandbox is not root-owned and setuid', () => {
    const status = electronStatus(
      machine({
        files: restricted,
        stat: (path) => (path === helper ? { uid: 1000, mode: 0o100755 } : null),
      }),
    );
    expect(status.problems).toEqual([]);
    expect(status.warnings).toHaveLength(1);
    expect(status.warnings[0]).toContain(
      `sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`,
    );
    expect(status.warnings[0]).toContain('Never run Botdeck with --no-sandbox');
  });

  it('is quiet once the helper is fixed, or where the restriction is off', () => {
    const fixed = machine({ files: restricted, stat: () => ({ uid: 0, mode: 0o104755 }) });
    expect(electronStatus(fixed).warnings).toEqual([]);
    const open = machine({
      files: { ...installed, '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '0\n' },
      stat: () => ({ uid: 1000, mode: 0o100755 }),
    });
    expect(electronStatus(open).warnings).toEqual([]);
  });
});
