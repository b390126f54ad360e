import { cpSync, createReadStream, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { DEV_NONCE_PLACEHOLDER } from './src/main/pages/dev-server-pages';
import {
  contentType,
  resolveRendererFile,
  ZOOM_SDK_URL_PREFIX,
} from './src/main/pages/page-policy';

const ZOOM_SDK_DIST = resolve('node_modules/@zoom/meetingsdk/dist');
const ZOOM_SDK_DIRS = ['lib', 'ui'];

/**
 * The Meeting SDK loads wasm, workers, UI chunks and language files at run time from the path
 * given to setZoomJSLib (Zoom's CDN by default). Botdeck serves its own copy, in the CDN's layout
 * (`lib` with `ui` beside it), at /zoom-sdk/: copied into the renderer output by a build, served
 * straight from node_modules by the dev server. load-zoom-sdk.ts points the SDK there and
 * page-policy.ts gives those files the bot page's headers.
 */
function zoomSdkAssets(): Plugin {
  return {
    name: 'botdeck-zoom-sdk-assets',
    writeBundle(output) {
      const to = join(output.dir ?? resolve('out/renderer'), 'zoom-sdk');
      for (const dir of ZOOM_SDK_DIRS) {
        cpSync(join(ZOOM_SDK_DIST, dir), join(to, dir), { recursive: true, force: true });
      }
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith(ZOOM_SDK_URL_PREFIX)) return next();
        const file = resolveRendererFile(
          ZOOM_SDK_DIST,
          `/${path.slice(ZOOM_SDK_URL_PREFIX.length)}`,
        );
        const isFile =
          file !== null && statSync(file, { throwIfNoEntry: false })?.isFile() === true;
        if (!file || !isFile) return next();
        response.setHeader('Content-Type', contentType(file));
        createReadStream(file).pipe(response);
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads may only require('electron'): bundle everything else into each file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: {
          dashboard: resolve('src/preload/dashboard.ts'),
          bot: resolve('src/preload/bot.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), zoomSdkAssets()],
    // `npm run dev` only: Vite marks the scripts and styles it injects with this placeholder,
    // which the app:// handler swaps for a fresh nonce per page and adds to the page's CSP.
    ...(command === 'serve' ? { html: { cspNonce: DEV_NONCE_PLACEHOLDER } } : {}),
    build: {
      // electron-vite leaves renderer bundles unminified by default; every bot window parses
      // the Meeting SDK chunk, which minifies from 8.7 MB to 5.4 MB (dashboard: 320 → 205 kB).
      minify: true,
      rollupOptions: {
        input: {
          dashboard: resolve('src/renderer/dashboard/index.html'),
          bot: resolve('src/renderer/bot/index.html'),
        },
      },
    },
  },
}));
