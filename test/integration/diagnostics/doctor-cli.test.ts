// `npm run doctor` as an operator runs it: a child process, a fresh data folder, and (through
// scripts/with-keyring.sh) a real Secret Service. Electron's binary and Zoom are made
// unreachable on purpose, the same way on every machine: ELECTRON_OVERRIDE_DIST_PATH points
// at an empty folder and --zoom-base-url at a loopback port nothing listens on.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountService } from '../../../src/main/accounts/account-service';
import { silentLogger } from '../../../src/main/log/logger';
import { storedAccountsIn } from '../../../src/main/modes/stored-accounts-setup';
import { startSandbox } from '../../../src/main/sandbox/sandbox-server';
import type { DiagnosticsReport } from '../../../src/shared/ipc-contract';
import { rendererFixture } from './renderer-fixture';
import { closedPortUrl } from './closed-port';

const hasKeyring = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

let root: string;
let dataDir: string;
let noElectron: string;
let rendererDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'botdeck-doctor-'));
  dataDir = join(root, 'data');
  noElectron = join(root, 'no-electron');
  rendererDir = await rendererFixture();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(rendererDir, { recursive: true, force: true });
});

/** Runs `npm run doctor`'s entry to its end. */
function doctor(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(
    'node_modules/.bin/tsx',
    ['src/main/diagnostics/cli.ts', '--data-dir', dataDir, '--renderer-dir', rendererDir, ...args],
    { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const lineOf = (text: string, title: string): string =>
  text.split('\n').find((line) => line.includes(` ${title} `)) ?? `(no line for ${title})`;

describe('npm run doctor', () => {
  it('names the missing Electron binary and each unreachable Zoom endpoint, and exits 1', async () => {
    const zoom = await closedPortUrl();
    const { code, stdout, stderr } = await doctor(['--zoom-base-url', zoom]);

    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Botdeck doctor: /);
    expect(lineOf(stdout, 'Electron binary')).toMatch(
      new RegExp(
        `^ {2}PROBLEM +Electron binary +The Electron [\\d.]+ binary is missing: ${join(noElectron, 'electron')} does not exist\\.$`,
      ),
    );
    expect(lineOf(stdout, 'Display')).toMatch(/^ {2}PROBLEM +Display +No display/);
    for (const [title, path] of [
      ["Zoom's REST API", '/v2/'],
      ["Zoom's OAuth", '/oauth/token'],
      ["The Meeting SDK's join service", '/api/v1/wc/info'],
    ] as const) {
      expect(lineOf(stdout, title)).toMatch(/^ {2}PROBLEM /);
      expect(lineOf(stdout, title)).toContain(
        `Could not reach ${zoom}${path}: the connection was refused.`,
      );
    }
    expect(lineOf(stdout, 'Data folder')).toMatch(
      /^ {2}ok +Data folder +.* was created and is writable/,
    );
    expect(lineOf(stdout, 'Meeting SDK files and isolation headers')).toMatch(/^ {2}ok /);
    expect(lineOf(stdout, 'Cross-origin isolation in a bot window')).toMatch(/^ {2}skipped /);
    expect(lineOf(stdout, 'Zoom accounts')).toMatch(/^ {2}skipped .*No Zoom account is stored yet/);
    if (hasKeyring)
      expect(lineOf(stdout, 'OS keychain')).toMatch(
        /^ {2}ok +OS keychain +Wrote, read back and deleted/,
      );
    expect(stdout).toContain(`Log: the desktop app writes ${join(dataDir, 'logs', 'botdeck.log')}`);
    expect(stdout).toContain('To fix:\n  - Electron binary: Download it with');
    expect(stdout).toMatch(
      /\d+ required checks found a problem: Botdeck will not work fully on this machine yet\.\n$/,
    );
  });

  it.runIf(hasKeyring)(
    'with --json, tests each stored account for real and never prints a secret',
    async () => {
      const sandbox = await startSandbox({ port: 0 });
      try {
        const accounts = createAccountService({
          builtIn: [],
          stored: storedAccountsIn(dataDir),
          zoomBase: { oauthBaseUrl: sandbox.url, apiBaseUrl: sandbox.url },
          fetch,
          now: Date.now,
          logger: silentLogger,
        });
        await accounts.start();
        const saved = await accounts.save({
          label: 'Support',
          serviceUser: sandbox.account.userId,
          plan: 'pro',
          credentials: {
            s2sAccountId: sandbox.account.accountId,
            clientId: sandbox.account.clientId,
            clientSecret: sandbox.account.clientSecret,
            sdkKey: sandbox.account.sdkKey,
            sdkSecret: sandbox.account.sdkSecret,
          },
        });
        if (!saved.ok) throw new Error(saved.error.message);
        const id = saved.value.accounts[0]?.id ?? '';

        const { code, stdout } = await doctor(['--zoom-base-url', sandbox.url, '--json']);
        expect(code).toBe(1); // Still no Electron binary and no display here.
        const report = JSON.parse(stdout) as DiagnosticsReport;
        const byId = new Map(report.checks.map((check) => [check.id, check]));
        expect(byId.get(`account:${id}`)).toMatchObject({
          status: 'ok',
          title: 'Zoom account “Support”',
          message: expect.stringMatching(/^Test connection passed: Connected as /),
        });
        expect(byId.get('zoom-api')?.status).toBe('ok');
        expect(byId.get('keychain')?.status).toBe('ok');
        expect(byId.get('electron')?.status).toBe('problem');
        for (const secret of [sandbox.account.clientSecret, sandbox.account.sdkSecret]) {
          expect(stdout).not.toContain(secret);
        }
      } finally {
        await sandbox.close();
      }
    },
  );
});
