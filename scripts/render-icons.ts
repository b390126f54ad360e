/**
 * Renders build/icon.svg into every icon file the app and its installers use, so the PNGs, ICO
 * and ICNS in the repository can always be regenerated from the one SVG source:
 *   npx tsx scripts/render-icons.ts
 * Chromium draws each size from the vector (crisper at 16 px than scaling one big PNG down);
 * @shockpkg/icon-encoder packs the Windows ICO and macOS ICNS. Giving electron-builder finished
 * .ico/.icns files and a Linux size set means it converts nothing, so it needs no icon tool.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import { chromium, type Page } from 'playwright-core';
import {
  ICON_FILES,
  ICNS_ENTRIES,
  ICO_SIZES,
  LINUX_ICON_SIZES,
  RUNTIME_ICON_SIZE,
} from './icon-files';

const root = join(import.meta.dirname, '..');
const chromiumPath = process.env.BOTDECK_CHROMIUM ?? '/usr/bin/chromium';

async function render(page: Page, svg: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  // setContent waits for the load event, so the image is in before the screenshot.
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style>` +
      `<img src="${src}" width="${size}" height="${size}" style="display:block">`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

async function main(): Promise<void> {
  const svg = await readFile(join(root, ICON_FILES.svg), 'utf8');
  const sizes = [
    ...new Set([
      1024,
      RUNTIME_ICON_SIZE,
      ...LINUX_ICON_SIZES,
      ...ICO_SIZES,
      ...ICNS_ENTRIES.map((e) => e.size),
    ]),
  ];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const pngs = new Map<number, Buffer>();
  try {
    // deviceScaleFactor 1: one CSS pixel is one icon pixel.
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of sizes.sort((a, b) => a - b)) pngs.set(size, await render(page, svg, size));
  } finally {
    await browser.close();
  }
  const png = (size: number): Buffer => {
    const data = pngs.get(size);
    if (!data) throw new Error(`No ${size} px render`);
    return data;
  };

  await writeFile(join(root, ICON_FILES.png), png(1024));
  await mkdir(join(root, ICON_FILES.runtimePng, '..'), { recursive: true });
  await writeFile(join(root, ICON_FILES.runtimePng), png(RUNTIME_ICON_SIZE));
  await mkdir(join(root, ICON_FILES.linuxSetDir), { recursive: true });
  for (const size of LINUX_ICON_SIZES) {
    await writeFile(join(root, ICON_FILES.linuxSetDir, `${size}x${size}.png`), png(size));
  }

  const ico = new IconIco();
  for (const size of ICO_SIZES) await ico.addFromPng(png(size));
  await writeFile(join(root, ICON_FILES.ico), ico.encode());

  const icns = new IconIcns();
  icns.toc = true;
  for (const entry of ICNS_ENTRIES) await icns.addFromPng(png(entry.size), [entry.type]);
  await writeFile(join(root, ICON_FILES.icns), icns.encode());
  console.warn(`Rendered ${sizes.length} sizes from ${ICON_FILES.svg}`);
}

await main();
