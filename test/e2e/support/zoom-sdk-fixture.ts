/**
 * Botdeck with Zoom's real Meeting SDK in its bot pages, offline: the sandbox alone (REST:
 * OAuth, ZAKs, the account's profile), and the web host with `--meeting-sdk zoom`, so bots get
 * tickets for the SDK, and `--block-host` for Zoom's hosts, so no bot page can reach Zoom (it
 * could not anyway; blocking makes every attempt fail fast and shows up in the host's log).
 */
import { test as base } from '@playwright/test';
import { startBotdeckProcesses } from './botdeck-processes';
import { sandboxClient, type SandboxClient } from '../../support/sandbox-client';
import { sandboxOf, type SandboxLine } from './sandbox-line';

/** Zoom's hosts (docs/zoom.md, "Join links"): bot pages may reach none of them. */
export const ZOOM_HOST_PATTERNS = ['*.zoom.us', '*.zoomgov.com'];

export interface ZoomSdkBotdeck {
  /** The one-time dashboard URL the web host printed. */
  url: string;
  /** The web host's origin, which serves the bot page like the Electron app:// scheme. */
  origin: string;
  sandbox: SandboxLine;
  api: SandboxClient;
  /** Everything the web host logged so far (JSON lines on its stderr). */
  hostLog(): string;
}

export const test = base.extend<{ botdeck: ZoomSdkBotdeck }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  botdeck: async ({}, use, testInfo) => {
    const tag = `zoom-sdk-${testInfo.title.replace(/\W+/g, '-').slice(0, 40)}`;
    const run = await startBotdeckProcesses(tag, () => [
      '--meeting-sdk',
      'zoom',
      ...ZOOM_HOST_PATTERNS.flatMap((pattern) => ['--block-host', pattern]),
    ]);
    let log = '';
    run.host.child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    try {
      await use({
        url: run.host.line.url,
        origin: new URL(run.host.line.url).origin,
        sandbox: run.sandbox.line,
        api: sandboxClient(sandboxOf(run.sandbox.line)),
        hostLog: () => log,
      });
    } finally {
      await run.stop();
    }
  },
});

export { expect } from '@playwright/test';
