/**
 * Every installer target has its icon, at the sizes its platform asks for, and the running app
 * has one too (window icon and the dashboard's favicon). The files are rendered from
 * build/icon.svg by scripts/render-icons.ts; these tests fail when one is missing, was not
 * regenerated at the right size, or the config stops pointing at it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ICON_FILES,
  ICNS_ENTRIES,
  ICO_SIZES,
  LINUX_ICON_SIZES,
  RUNTIME_ICON_SIZE,
} from '../../../scripts/icon-files';
import { icnsEntries, icoSizes, pngSize } from './icon-headers';
import { builderConfig, root } from './project-files';

const read = (path: string): Buffer => readFileSync(join(root, path));
const square = (size: number) => ({ width: size, height: size });

describe('installer icons', () => {
  it('are what electron-builder.json points each platform at', () => {
    expect(builderConfig).toMatchObject({
      directories: { buildResources: 'build' },
      linux: { icon: ICON_FILES.linuxSetDir },
      mac: { icon: ICON_FILES.icns },
      win: { icon: ICON_FILES.ico },
    });
  });

  it('start from an SVG source and a 1024 px PNG', () => {
    expect(read(ICON_FILES.svg).toString('utf8')).toMatch(/^<svg[^>]+viewBox="0 0 1024 1024"/);
    expect(pngSize(read(ICON_FILES.png))).toEqual(square(1024));
  });

  it('give Linux one PNG per size, each as large as its name says', () => {
    const names = readdirSync(join(root, ICON_FILES.linuxSetDir)).sort();
    expect(names).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_ICON_SIZES) {
      expect(pngSize(read(`${ICON_FILES.linuxSetDir}/${size}x${size}.png`)), `${size}`).toEqual(
        square(size),
      );
    }
  });

  it('give Windows an ICO with every size up to the 256 px electron-builder requires', () => {
    expect(icoSizes(read(ICON_FILES.ico))).toEqual([...ICO_SIZES]);
  });

  it('give macOS an ICNS with every modern entry at its size', () => {
    const entries = icnsEntries(read(ICON_FILES.icns));
    expect(entries).not.toBeNull();
    const byType = new Map(entries?.map((entry) => [entry.type, entry]));
    for (const { type, size } of ICNS_ENTRIES) {
      const entry = byType.get(type);
      expect(entry, type).toBeDefined();
      // ic04 and ic05 (16 and 32 px) hold raw ARGB; every larger entry is a PNG.
      if (entry?.png) expect(entry.png, type).toEqual(square(size));
    }
    expect(byType.get('ic10')?.png).toEqual(square(1024));
  });
});

describe('the running app’s icon', () => {
  it('is in the renderer’s public folder, so the build serves it as /icon.png', () => {
    expect(ICON_FILES.runtimePng).toBe('src/renderer/public/icon.png');
    expect(pngSize(read(ICON_FILES.runtimePng))).toEqual(square(RUNTIME_ICON_SIZE));
  });

  it('is the dashboard page’s favicon', () => {
    const html = read('src/renderer/dashboard/index.html').toString('utf8');
    expect(html).toMatch(/<link rel="icon" type="image\/png" href="\/icon\.png" \/>/);
  });

  it('came from the same render as the installer icons', () => {
    expect(read(ICON_FILES.runtimePng).equals(read(`${ICON_FILES.linuxSetDir}/512x512.png`))).toBe(
      true,
    );
    expect(existsSync(join(root, ICON_FILES.svg))).toBe(true);
  });
});
