import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // electron-vite externalizes `dependencies` only; keytar is an optional dependency (its
      // native build may fail on install), so it is named here: bundling it would copy its
      // binary into out/ where present and fail the build where npm left it out.
      externalizeDeps: { include: ['keytar'] },
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
    plugins: [
      react(),
      {
        // The Meeting SDK loads wasm, workers, UI chunks and language files at run time from
        // the path given to setZoomJSLib (Zoom's CDN by default). Botdeck serves its own copy,
        // in the CDN's layout (`lib` with `ui` beside it), at /zoom-sdk/ in the renderer output:
        // the path load-zoom-sdk.ts points the SDK at and page-policy.ts gives bot headers.
        name: 'botdeck-zoom-sdk-assets',
        apply: 'build',
        writeBundle(output) {
          const from = resolve('node_modules/@zoom/meetingsdk/dist');
          const to = join(output.dir ?? resolve('out/renderer'), 'zoom-sdk');
          for (const dir of ['lib', 'ui']) {
            cpSync(join(from, dir), join(to, dir), { recursive: true, force: true });
          }
        },
      },
    ],
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
});
