/**
 * Where `npm run build` puts the built pages, for the hosts that run from a checkout (the web
 * host and `npm run doctor`). Apart from the web host so the doctor can find the pages without
 * loading Playwright and the sandbox. The Electron shell knows its own folder.
 */
import { fileURLToPath } from 'node:url';

export const DEFAULT_RENDERER_DIR = fileURLToPath(
  new URL('../../../out/renderer', import.meta.url),
);
