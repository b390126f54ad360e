/**
 * `--zoom-base-url` points every stored account's client secret and access tokens somewhere
 * other than zoom.us: only https or this machine's loopback is taken, and the host names the
 * accounts that will go there.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { createSettingsStore } from '../../../src/main/settings';
import { startWebHost } from '../../../src/main/web/start-web-host';
import { checkZoomBaseUrl } from '../../../src/main/web/zoom-base-url';
import { recordingLogger } from '../main/recording-logger';

const run = promisify(execFile);

let dataDir: string;
let sandbox: RunningSandbox;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'botdeck-zoom-base-'));
  sandbox = await startSandbox({ port: 0 });
});
afterEach(async () => {
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('--zoom-base-url', () => {
  it('takes https anywhere and plain http only to loopback', () => {
    for (const ok of [
      'https://zoom.us',
      'https://rehearsal.example/',
      'http://127.0.0.1:8080',
      'http://localhost:8080/',
      'http://[::1]:8080',
    ]) {
      expect(checkZoomBaseUrl(ok), ok).toBe(ok.replace(/\/$/, ''));
    }
    for (const bad of [
      'http://evil.example',
      'http://127.0.0.1.evil.example',
      'http://10.0.0.5:8080',
      'ftp://127.0.0.1',
      'https://user:pw@zoom.us',
      'https://zoom.us/?x=1',
      'zoom.us',
    ]) {
      expect(() => checkZoomBaseUrl(bad), bad).toThrow(/--zoom-base-url/);
    }
  });

  it('stops the web host before it starts anything when the URL is refused', async () => {
    const { logger } = recordingLogger();
    await expect(
      startWebHost({ zoomBaseUrl: 'http://evil.example', dataDir, logger, sandbox }),
    ).rejects.toThrow(/plain http only to this machine/);
  });

  it('the command line exits with the reason', async () => {
    const failed = await run(
      'node_modules/.bin/tsx',
      ['src/main/web/cli.ts', '--zoom-base-url', 'http://evil.example', '--data-dir', dataDir],
      { timeout: 30_000 },
    ).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    expect(failed?.stderr).toMatch(/--zoom-base-url takes https/);
  });

  it('names the stored accounts that will send their secrets there', async () => {
    await createSettingsStore({ dir: dataDir }).upsertAccount({
      id: 'acme',
      label: 'Acme Zoom',
      s2sAccountId: 'AcmeAccount1',
      clientId: 'AcmeClient1',
      sdkKey: 'AcmeSdk1',
      userId: 'bots@acme.example',
      plan: 'pro',
    });
    const { logger, warnings } = recordingLogger();
    const host = await startWebHost({ zoomBaseUrl: sandbox.url, dataDir, logger, sandbox });
    try {
      expect(warnings).toContainEqual(
        `--zoom-base-url: these stored Zoom accounts will send their client secrets and access tokens to ${sandbox.url}, not zoom.us: "Acme Zoom" (AcmeAccount1).`,
      );
    } finally {
      await host.close();
    }
  });
});
