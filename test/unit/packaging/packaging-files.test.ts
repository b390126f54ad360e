/**
 * What `npm run dist` would put in app.asar, asked of electron-builder's own file matcher for
 * each platform: the built app, every Meeting SDK asset the build copies and keytar's native
 * binary (unpacked, as a .node file must be real) go in; the project's sources, tests, scripts
 * and docs, and the packages only the web host or the renderer bundles use, stay out.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileRules } from './builder-file-rules';
import {
  builderConfig,
  checkedInFiles,
  filesUnder,
  installedAt,
  mainProcessImports,
  mainRuntimePackages,
  root,
} from './project-files';

const BUILT_APP = [
  'package.json',
  'out/main/index.js',
  'out/main/chunks/fleet-1a2b3c.js',
  'out/preload/dashboard.cjs',
  'out/preload/bot.cjs',
  'out/renderer/dashboard/index.html',
  'out/renderer/bot/index.html',
  'out/renderer/assets/dashboard-1a2b3c.js',
  'out/renderer/assets/dashboard-1a2b3c.css',
  'out/renderer/assets/meetingsdk-1a2b3c.js',
  'out/renderer/icon.png',
];
const KEYTAR_BINARY = 'node_modules/keytar/build/Release/keytar.node';
/** Runtime dependencies the desktop app never loads from node_modules. */
const NOT_LOADED_BY_MAIN = [
  'playwright-core', // the web host's headless bots
  'ws', // the web host's dashboard socket
  '@zoom/meetingsdk', // bundled into out/renderer/assets, assets copied to out/renderer/zoom-sdk
  'react',
  'react-dom',
  'zustand',
  '@tanstack/react-virtual', // the dashboard's libraries, bundled into out/renderer/assets
  'lodash', // the Meeting SDK's own dependency, bundled with it
];

/** The Meeting SDK files electron.vite.config.ts copies into out/renderer/zoom-sdk. */
const sdkAssets = (): string[] =>
  ['lib', 'ui'].flatMap((dir) =>
    filesUnder(join(root, 'node_modules/@zoom/meetingsdk/dist', dir)).map((path) =>
      path.replace('node_modules/@zoom/meetingsdk/dist/', 'out/renderer/zoom-sdk/'),
    ),
  );

describe.each(['linux', 'mac', 'win'])('electron-builder file rules on %s', (platform) => {
  const rules = fileRules(root, builderConfig, platform);

  it('pack the built main process, preloads and pages, inside app.asar', () => {
    for (const path of BUILT_APP) {
      expect(rules.packs(path), path).toBe(true);
      expect(rules.unpacks(path), path).toBe(false);
    }
  });

  it('pack every Meeting SDK asset the build copies', () => {
    const assets = sdkAssets();
    expect(assets).toContain('out/renderer/zoom-sdk/lib/webim.min.js');
    expect(assets.some((path) => path.endsWith('.wasm'))).toBe(true);
    expect(assets.filter((path) => !rules.packs(path))).toEqual([]);
  });

  it('leave out every file of the checkout but package.json', () => {
    const files = checkedInFiles();
    for (const folder of ['src/', 'test/', 'bench/', 'scripts/', 'build/']) {
      expect(
        files.some((path) => path.startsWith(folder)),
        folder,
      ).toBe(true);
    }
    const packed = files.filter((path) => rules.packs(path));
    expect(packed).toEqual(['package.json']);
    // Folders that may appear later (docs) or be generated are out too.
    for (const path of ['docs/zoom.md', 'src/main/index.ts', 'test/e2e/a.spec.ts', 'dist/x.js']) {
      expect(rules.packs(path), path).toBe(false);
    }
  });

  it('pack every run-time file of the packages main imports and their dependencies', () => {
    const packages = mainRuntimePackages();
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['p-limit', 'zod']));
    for (const folder of packages.values()) {
      const runtime = filesUnder(join(root, folder)).filter((path) =>
        /(\.(c|m)?js|\.json|\.node)$/.test(path),
      );
      expect(runtime.length, folder).toBeGreaterThan(0);
      expect(runtime.filter((path) => !rules.packs(path))).toEqual([]);
    }
  });

  it('pack keytar’s native binary and unpack it beside app.asar', () => {
    expect(rules.packs(KEYTAR_BINARY)).toBe(true);
    expect(rules.unpacks(KEYTAR_BINARY)).toBe(true);
    expect(rules.packs('node_modules/keytar/lib/keytar.js')).toBe(true);
  });

  it('leave out the packages the desktop app never loads', () => {
    const imported = mainProcessImports();
    for (const name of NOT_LOADED_BY_MAIN) {
      expect(imported, name).not.toContain(name);
      expect(rules.packs(`node_modules/${name}/package.json`), name).toBe(false);
    }
  });
});

describe('keytar', () => {
  const folder = installedAt('keytar');

  // keytar is optional: where it did not install, the app runs in sandbox mode only.
  it.skipIf(!folder)('loads nothing at run time but its native binary', () => {
    const source = readFileSync(join(root, `${folder}/lib/keytar.js`), 'utf8');
    const required = [...source.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['../build/Release/keytar.node']);
  });
});
