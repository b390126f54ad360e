/**
 * What each page downloads, read from the production build (out/renderer): the files its
 * HTML loads up front, and the Meeting SDK chunk only a Zoom-mode bot page loads on demand.
 * Proves the SDK stays out of the dashboard, with numbers.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const RENDERER = 'out/renderer';

export interface BundleSizes {
  dashboardKB: number;
  botKB: number;
  /** The lazily loaded @zoom/meetingsdk chunk (Zoom-mode bot pages only). */
  botZoomSdkLazyKB: number;
  dashboardHasSdk: boolean;
}

const kb = (bytes: number): number => Math.round(bytes / 102.4) / 10;

async function pageFiles(page: 'dashboard' | 'bot'): Promise<string[]> {
  const html = await readFile(join(RENDERER, page, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\.\/(assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
}

async function totalBytes(files: string[]): Promise<number> {
  const sizes = await Promise.all(
    files.map(async (file) => (await stat(join(RENDERER, file))).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Null when there is no build to measure (run `npm run build` first). */
export async function bundleSizes(): Promise<BundleSizes | null> {
  let dashboard: string[];
  let bot: string[];
  try {
    [dashboard, bot] = await Promise.all([pageFiles('dashboard'), pageFiles('bot')]);
  } catch {
    return null;
  }
  const sdkChunks = (await readdir(join(RENDERER, 'assets')))
    .filter((name) => name.startsWith('meetingsdk'))
    .map((name) => `assets/${name}`);
  return {
    dashboardKB: kb(await totalBytes(dashboard)),
    botKB: kb(await totalBytes(bot)),
    botZoomSdkLazyKB: kb(await totalBytes(sdkChunks)),
    dashboardHasSdk: dashboard.some((file) => sdkChunks.includes(file)),
  };
}
