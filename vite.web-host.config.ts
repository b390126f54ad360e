/**
 * The web host as one plain JavaScript file (out/web-host/cli.js), so `npm run web` starts it
 * with Node alone: run through tsx it spent about 3 of its 4.5 s of start-up transpiling and
 * loading TypeScript, with source-mapped stack traces making every Playwright call dearer.
 * Dependencies stay in node_modules (Vite's server build leaves them external).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  // No public folder to copy: this is a Node program, not a page.
  publicDir: false,
  build: {
    ssr: resolve('src/main/web/cli.ts'),
    outDir: 'out/web-host',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    // Maps for `node --enable-source-maps` when debugging; plain runs never pay for them.
    sourcemap: true,
    rollupOptions: {
      // keytar is an optional dependency: where its native build failed npm left it out, and
      // the build must not need it (the vault loads it lazily and says what to install).
      external: ['keytar'],
      output: { format: 'es', entryFileNames: 'cli.js' },
    },
  },
});
