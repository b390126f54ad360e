/**
 * A Playwright fixture that runs Botdeck as an operator on a headless machine would: the
 * sandbox alone (`npm run sandbox`), then the web host (`npm run web`'s entry) pointed at it,
 * so the test can ask the sandbox what really happened.
 */
import { test as base } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJsonLineProcess } from './processes';
import { sandboxApi, type SandboxLine } from './sandbox-api';

export interface BotdeckFixture {
  /** The one-time dashboard URL the web host printed. */
  url: string;
  sandbox: SandboxLine;
  api: ReturnType<typeof sandboxApi>;
  /** The web host's settings folder (a fresh one per test). */
  dataDir: string;
  /** Everything the web host logged. */
  hostLog: string;
}

export const test = base.extend<{ botdeck: BotdeckFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  botdeck: async ({}, use, testInfo) => {
    const tag = testInfo.title.replace(/\W+/g, '-').slice(0, 40);
    const sandbox = await startJsonLineProcess<SandboxLine>(`sandbox-${tag}`, [
      'src/main/sandbox/cli.ts',
      '--port',
      '0',
    ]);
    const dataDir = await mkdtemp(join(tmpdir(), 'botdeck-e2e-'));
    const host = await startJsonLineProcess<{ url: string; sandboxUrl: string }>(
      `web-host-${tag}`,
      [
        'src/main/web/cli.ts',
        '--sandbox-url',
        sandbox.line.url,
        '--data-dir',
        dataDir,
        // Stored "Zoom" accounts talk to the sandbox too: Zoom cannot be reached from tests.
        '--zoom-base-url',
        sandbox.line.url,
      ],
      { BOTDECK_SANDBOX_ACCOUNT: JSON.stringify(sandbox.line) },
    );
    try {
      await use({
        url: host.line.url,
        sandbox: sandbox.line,
        api: sandboxApi(sandbox.line),
        dataDir,
        hostLog: host.logPath,
      });
    } finally {
      await host.stop();
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
