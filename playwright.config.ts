import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './src/main/web/chromium-launch';

/** Debian's Chromium: Playwright's own browser download is neither needed nor possible here. */
const chromiumPath = process.env.BOTDECK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  outputDir: 'test-results/playwright',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // Each test runs a web host with its own headless Chromium for bots: one at a time on 2 cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      // The same quiet, unthrottled flags the web host gives its bot pages.
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'e2e', testDir: 'test/e2e' },
    { name: 'electron', testDir: 'test/electron' },
    // Only in the clean clone `.ci/without-keytar` installs without keytar: anywhere else keytar
    // is (rightly) there and this check would fail.
    ...(process.env.BOTDECK_INSTALL_CHECK === '1'
      ? [{ name: 'install', testDir: 'test/install' }]
      : []),
  ],
});
