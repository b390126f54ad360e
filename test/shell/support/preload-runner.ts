/**
 * Runs a built preload (`out/preload/*.cjs`, exactly what Electron loads) the way a sandboxed
 * renderer does: in its own JavaScript context, where `require` knows only 'electron'. A preload
 * that needed anything else (a Node module, a bundling mistake) fails here as it would in the app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { rendererElectronFor, type StandInIpcMain } from '../stand-in/ipc';
import type { StandInWebContents } from '../stand-in/web-contents';

const PRELOAD_DIR = join(process.cwd(), 'out', 'preload');

export type PreloadKind = 'dashboard' | 'bot';

const sources = new Map<PreloadKind, string>();

function preloadSource(kind: PreloadKind): string {
  let source = sources.get(kind);
  if (source === undefined) {
    const file = join(PRELOAD_DIR, `${kind}.cjs`);
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run \`npm run build\` before the shell tests.`);
    }
    source = readFileSync(file, 'utf8');
    sources.set(kind, source);
  }
  return source;
}

/** Runs the preload for one page; returns what it exposed with contextBridge. */
export function runPreload(
  kind: PreloadKind,
  contents: StandInWebContents,
  ipcMain: StandInIpcMain,
): Record<string, unknown> {
  const exposed: Record<string, unknown> = {};
  const electron = rendererElectronFor(contents, ipcMain, exposed);
  const module = { exports: {} };
  runInNewContext(preloadSource(kind), {
    require(id: string) {
      if (id === 'electron') return electron;
      throw new Error(`A sandboxed preload cannot require '${id}'`);
    },
    module,
    exports: module.exports,
    console,
    setTimeout,
    clearTimeout,
    structuredClone,
    URL,
  });
  return exposed;
}
