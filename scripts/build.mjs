// @ts-check
/**
 * `npm run build`: the Electron app's main, preloads and pages (electron-vite), then the web
 * host as one plain script (vite.web-host.config.ts), then the stamp `npm run web` checks to
 * know the build is current.
 */
import { fileURLToPath } from 'node:url';
import { build as buildApp } from 'electron-vite';
import { build as buildWebHost } from 'vite';
import { inputsHash, writeStamp } from './build-stamp.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
process.chdir(projectDir);
const hash = await inputsHash(projectDir);
await buildApp({});
await buildWebHost({ configFile: 'vite.web-host.config.ts' });
await writeStamp(projectDir, hash);
