/**
 * A Playwright fixture that runs Botdeck as an operator on a headless machine would: the
 * sandbox alone (`npm run sandbox`), then the web host (`npm run web`'s entry) pointed at it,
 * so the test can ask the sandbox what really happened.
 */
import { test as base } from '@playwright/test';
import { startBotdeckProcesses } from './botdeck-processes';
import { sandboxClient, type SandboxClient } from '../../support/sandbox-client';
import { sandboxOf, type SandboxLine } from './sandbox-line';

export interface BotdeckFixture {
  /** The one-time dashboard URL the web host printed. */
  url: string;
  sandbox: SandboxLine;
  api: SandboxClient;
  /** The web host's settings folder (a fresh one per test). */
  dataDir: string;
  /** Everything the web host logged. */
  hostLog: string;
}

export interface BotdeckOptions {
  /** settings.json the web host starts with (`test.use({ hostSettings })`); none by default. */
  hostSettings: object | null;
}

export const test = base.extend<{ botdeck: BotdeckFixture } & BotdeckOptions>({
  hostSettings: [null, { option: true }],
  botdeck: async ({ hostSettings }, use, testInfo) => {
    const tag = testInfo.title.replace(/\W+/g, '-').slice(0, 40);
    // Stored "Zoom" accounts talk to the sandbox too: Zoom cannot be reached from tests.
    const run = await startBotdeckProcesses(
      tag,
      (sandbox) => ['--zoom-base-url', sandbox.url],
      hostSettings,
    );
    try {
      await use({
        url: run.host.line.url,
        sandbox: run.sandbox.line,
        api: sandboxClient(sandboxOf(run.sandbox.line)),
        dataDir: run.dataDir,
        hostLog: run.host.logPath,
      });
    } finally {
      await run.stop();
    }
  },
});

export { expect } from '@playwright/test';
