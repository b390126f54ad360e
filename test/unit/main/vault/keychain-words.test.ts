// What an operator is told when the keychain module is missing or broken: per OS and per way of
// installing, the commands that really enable it, and which missing-module errors mean "npm
// left keytar out" rather than "keytar is broken".
import { describe, expect, it } from 'vitest';
import { installKindOf, keychainHelp } from '../../../../src/main/vault/keychain-words';
import { loadKeytar } from '../../../../src/main/vault/load-keytar';

const commands = (platform: string, install: 'source' | 'packaged'): (string | null)[] =>
  keychainHelp('not_installed', platform, install).steps.map((step) => step.command);

/** A module-not-found error as Node raises it. */
function notFound(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('keychain help', () => {
  it('from source on Linux: the toolchain and libsecret headers, npm install again, a Secret Service', () => {
    expect(commands('linux', 'source')).toEqual([
      'sudo apt-get install build-essential libsecret-1-dev pkg-config',
      'npm install',
      'sudo apt-get install gnome-keyring',
    ]);
    const { message, steps } = keychainHelp('not_installed', 'linux', 'source');
    expect(message).toMatch(/keytar\) is not installed/);
    expect(message).toContain('Nothing was saved in a plain file');
    // `npm rebuild keytar` says it succeeded and brings back nothing once npm removed keytar.
    expect(steps[1]?.text).toContain('npm rebuild does not bring back');
  });

  it('from source on macOS and Windows: their compilers, then npm install', () => {
    expect(commands('darwin', 'source')).toEqual(['xcode-select --install', 'npm install']);
    const windows = keychainHelp('not_installed', 'win32', 'source').steps;
    expect(windows[0]?.text).toContain('Desktop development with C++');
    expect(windows.map((step) => step.command)).toEqual([null, 'npm install']);
  });

  it('a module that is there but will not load gets its own words and the same repair', () => {
    const broken = keychainHelp('native_module', 'linux', 'source');
    expect(broken.message).toMatch(/installed but could not be loaded/);
    expect(broken.steps).toEqual(keychainHelp('not_installed', 'linux', 'source').steps);
  });

  it('in a packaged app keytar ships prebuilt: reinstall Botdeck (Linux: with libsecret)', () => {
    expect(keychainHelp('native_module', 'darwin', 'packaged').steps).toEqual([
      { text: 'Reinstall Botdeck.', command: null },
    ]);
    expect(commands('linux', 'packaged')).toEqual([
      'sudo apt-get install libsecret-1-0 gnome-keyring',
      null,
    ]);
  });

  it('keyring problems keep their words and need no install steps', () => {
    const locked = keychainHelp('locked', 'linux', 'source');
    expect(locked.message).toMatch(/locked\. Unlock it/);
    expect(locked.steps).toEqual([]);
  });

  it('tells a packaged Electron app from a source checkout and the web host', () => {
    const node = { versions: { node: '20.20.2' } };
    const electron = { versions: { node: '22.20.0', electron: '45.5.0' } };
    expect(installKindOf(node)).toBe('source');
    expect(installKindOf({ ...electron, defaultApp: true })).toBe('source');
    expect(installKindOf(electron)).toBe('packaged');
  });
});

describe('loadKeytar tells a missing keytar from a broken one', () => {
  it.each([
    ["Cannot find package 'keytar' imported from /app/out/main/index.js", 'ERR_MODULE_NOT_FOUND'],
    ["Cannot find module 'keytar'\nRequire stack:\n- /app/out/main/index.js", 'MODULE_NOT_FOUND'],
  ])('"%s" (%s) means npm left it out', async (message, code) => {
    await expect(
      loadKeytar({
        importModule: () => Promise.reject(notFound(message, code)),
        platform: 'linux',
        install: 'source',
      }),
    ).rejects.toMatchObject({
      name: 'VaultUnavailableError',
      reason: 'not_installed',
      steps: expect.arrayContaining([{ text: expect.any(String), command: 'npm install' }]),
    });
  });

  it('a keytar whose own binary is missing is broken, not left out', async () => {
    const missingBinary = notFound(
      "Cannot find module '../build/Release/keytar.node'\nRequire stack:\n- /app/node_modules/keytar/lib/keytar.js",
      'MODULE_NOT_FOUND',
    );
    await expect(
      loadKeytar({ importModule: () => Promise.reject(missingBinary), install: 'source' }),
    ).rejects.toMatchObject({ reason: 'native_module' });
  });
});
