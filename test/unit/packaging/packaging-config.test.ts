/**
 * electron-builder.json is what `npm run dist` builds the installers from, and no installer
 * can be built where Botdeck is developed (no Electron binary can be downloaded). These tests
 * hold what can be checked without one: electron-builder accepts the config, the product and
 * targets are Botdeck's, and the hardening fuses stay set.
 */
import { describe, expect, it } from 'vitest';
import { validateConfig } from './builder-file-rules';
import { builderConfig, packageJson } from './project-files';

/** Each fuse, and why it is set this way (see README, "Build installers"). */
const HARDENING_FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node runtime.
  runAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect / SIGUSR1 would open a debugger on the process that holds the secrets.
  enableNodeCliInspectArguments: false,
  // Cookies (the dashboard and bot sessions) are encrypted with the OS keychain's key.
  enableCookieEncryption: true,
  // app.asar must match the hash electron-builder embeds (macOS and Windows check it).
  enableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, never a loose app/ folder put beside it.
  onlyLoadAppFromAsar: true,
  // Pages come from app://, so file:// gets no privileges beyond a browser's.
  grantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.json', () => {
  it('is accepted by the installed electron-builder', async () => {
    await expect(validateConfig(builderConfig)).resolves.toBeUndefined();
  });

  it('refuses an option electron-builder does not know (the check above can fail)', async () => {
    const misspelt = { ...builderConfig, electronFuses: { runAsnode: false } };
    await expect(validateConfig(misspelt)).rejects.toThrow(/configuration.electronFuses/);
  });

  it('keeps every hardening fuse set', () => {
    expect(builderConfig.electronFuses).toEqual(HARDENING_FUSES);
  });

  it('packs the app into app.asar, which the asar fuses rely on', () => {
    expect(builderConfig.asar ?? true).toBe(true);
  });

  it('builds Botdeck as AppImage and deb, dmg, and an NSIS installer', () => {
    expect(builderConfig).toMatchObject({
      productName: 'Botdeck',
      appId: 'dev.botdeck.app',
      linux: { target: ['AppImage', 'deb'], category: 'Network' },
      mac: { target: ['dmg'] },
      win: { target: ['nsis'] },
    });
    expect(packageJson.productName).toBe('Botdeck');
  });

  it('installs per user on Windows, with no administrator prompt', () => {
    expect(builderConfig.nsis).toMatchObject({ oneClick: true, perMachine: false });
  });

  it('gives the deb package what it requires: a maintainer email and a homepage', () => {
    expect(packageJson.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(packageJson.homepage).toMatch(/^https:\/\//);
  });

  it('builds the app before packaging it, for the current OS, without publishing', () => {
    const dist = packageJson.scripts.dist ?? '';
    expect(dist).toMatch(/^npm run build && electron-builder /);
    expect(dist).toContain('--config electron-builder.json');
    expect(dist).toContain('--publish never');
    expect(dist).not.toMatch(/--(linux|mac|win)\b|-[lmw]\b/);
  });
});
