/**
 * A Playwright fixture for restart tests: one sandbox and one data folder that outlive any
 * number of web hosts, each started as an operator would (`npm run web`'s entry, pointed at the
 * sandbox and the data folder) in its own process group, so a test can kill one the way a
 * crash would and start the next on what it left on disk.
 */
import { test as base } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJsonLineProcess, type Started } from './processes';
import { sandboxClient, type SandboxClient } from '../../support/sandbox-client';
import { sandboxOf, type SandboxLine } from './sandbox-line';

export type WebHost = Started<{ url: string; sandboxUrl: string }>;

export interface RestartFixture {
  sandbox: SandboxLine;
  api: SandboxClient;
  /** The data folder every host of the test shares. */
  dataDir: string;
  /** Starts a web host on the shared sandbox and data folder; `name` tags its log. */
  startHost(name: string): Promise<WebHost>;
  /** The bots `roster.json` lists as live ([] when there is no roster yet). */
  rosterNames(): Promise<string[]>;
}

export const test = base.extend<{ restart: RestartFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  restart: async ({}, use, testInfo) => {
    const tag = testInfo.title.replace(/\W+/g, '-').slice(0, 40);
    const sandbox = await startJsonLineProcess<SandboxLine>(`sandbox-${tag}`, [
      'src/main/sandbox/cli.ts',
      '--port',
      '0',
    ]);
    const dataDir = await mkdtemp(join(tmpdir(), 'botdeck-e2e-restart-'));
    const hosts: WebHost[] = [];
    try {
      await use({
        sandbox: sandbox.line,
        api: sandboxClient(sandboxOf(sandbox.line)),
        dataDir,
        async startHost(name) {
          const host = await startJsonLineProcess<{ url: string; sandboxUrl: string }>(
            `web-host-${tag}-${name}`,
            ['src/main/web/cli.ts', '--sandbox-url', sandbox.line.url, '--data-dir', dataDir],
            { BOTDECK_SANDBOX_ACCOUNT: JSON.stringify(sandbox.line) },
            { processGroup: true },
          );
          hosts.push(host);
          return host;
        },
        async rosterNames() {
          const text = await readFile(join(dataDir, 'roster.json'), 'utf8').catch(() => null);
          if (text === null) return [];
          return (JSON.parse(text) as { bots: { name: string }[] }).bots.map((bot) => bot.name);
        },
      });
    } finally {
      for (const host of hosts) await host.kill('SIGTERM');
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
