/**
 * One web host (with its sandbox) for every test of a worker: tests that only open Zoom bot
 * pages in their own browser need nothing of a host but its pages and their headers, so they
 * share it instead of starting one each.
 */
import { test as base } from '@playwright/test';
import { startBotdeckProcesses } from './botdeck-processes';
import { ZOOM_HOST_PATTERNS } from './zoom-sdk-fixture';

export const test = base.extend<object, { zoomHost: { origin: string } }>({
  zoomHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
    async ({}, use) => {
      const run = await startBotdeckProcesses('zoom-answers', () => [
        '--meeting-sdk',
        'zoom',
        ...ZOOM_HOST_PATTERNS.flatMap((pattern) => ['--block-host', pattern]),
      ]);
      try {
        await use({ origin: new URL(run.host.line.url).origin });
      } finally {
        await run.stop();
      }
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
