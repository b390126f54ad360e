/**
 * Where `npm run build` puts the built pages, for the hosts that run from a checkout (the web
 * host and `npm run doctor`). Apart from the web host so the doctor can find the pages without
 * loading Playwright and the sandbox. The Electron shell knows its own folder.
 *
 * Found from the checkout's root (the nearest folder above this code holding package.json)
 * rather than a fixed climb, because this code runs both from src/ (through tsx) and bundled
 * into out/web-host/ (`npm run web`), at different depths.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function checkoutRootOf(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

export const DEFAULT_RENDERER_DIR = join(checkoutRootOf(import.meta.url), 'out', 'renderer');
