import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
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
    plugins: [react()],
    build: {
      rollupOptions: {
        input: {
          dashboard: resolve('src/renderer/dashboard/index.html'),
          bot: resolve('src/renderer/bot/index.html'),
        },
      },
    },
  },
});
