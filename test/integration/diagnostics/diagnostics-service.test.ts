import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountTests } from '../../../src/main/diagnostics/account-checks';
import {
  createDiagnostics,
  type DiagnosticsOptions,
} from '../../../src/main/diagnostics/diagnostics-service';
import { formatReport } from '../../../src/main/diagnostics/format-report';
import { silentLogger } from '../../../src/main/log/logger';
import {
  fail,
  ok,
  type AccountView,
  type ConnectionTestReport,
  type LogLocation,
} from '../../../src/shared/ipc-contract';
import { closedPortUrl } from './closed-port';

let root: string;
let closedUrl: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'botdeck-diag-'));
  closedUrl = await closedPortUrl();
});
afterEach(() => rm(root, { recursive: true, force: true }));

const FILE_LOG: LogLocation = {
  kind: 'file',
  folder: '/data/logs',
  file: '/data/logs/botdeck.log',
  canOpenFolder: true,
};

function account(id: string, label: string, isSandbox = false): AccountView {
  return {
    id,
    label,
    displayName: '',
    email: '',
    avatarUrl: null,
    isSandbox,
    hasSecrets: true,
    serviceUser: 'bots@example.com',
    plan: 'pro',
    lastTest: null,
  };
}

const report = (failedStep: 'token' | 'zak' | null): ConnectionTestReport => ({
  ok: failedStep === null,
  steps: [
    { step: 'token', ok: failedStep !== 'token', message: 'Zoom rejected the client secret.' },
    { step: 'profile', ok: true, message: 'Found Support Bot.' },
    { step: 'zak', ok: failedStep !== 'zak', message: 'The Zoom app is missing a scope.' },
  ],
  profile:
    failedStep === null
      ? {
          displayName: 'Support Bot',
          email: 'b@example.com',
          avatarUrl: null,
          userType: 'Licensed',
          status: 'active',
        }
      : null,
});

/** Stored accounts that answer "Test connection" as told, counting the tests. */
function accountTests(): AccountTests & { tested: string[] } {
  const tested: string[] = [];
  return {
    tested,
    list: () => [
      account('sandbox', 'Sandbox', true),
      account('zoom-1', 'Support'),
      account('zoom-2', 'Sales'),
      account('zoom-3', 'Gone'),
    ],
    test: async (id) => {
      tested.push(id);
      if (id === 'zoom-1') return ok({ report: report(null) });
      if (id === 'zoom-2') return ok({ report: report('zak') });
      return fail('missing_secrets', 'The secrets of “Gone” are not in the keychain.');
    },
  };
}

function diagnostics(overrides: Partial<DiagnosticsOptions> = {}) {
  const opened: string[] = [];
  const service = createDiagnostics({
    dataDir: join(root, 'data'),
    vault: null,
    accounts: accountTests(),
    rendererDir: join(root, 'no-renderer'),
    // Never reached: the renderer folder is empty, so the check stops before asking.
    servePages: () => Promise.reject(new Error('no page server in this test')),
    log: FILE_LOG,
    openLogFolder: async () => void opened.push('opened'),
    // Every Zoom probe is refused at once.
    zoomBaseUrl: closedUrl,
    fetch: globalThis.fetch,
    now: () => 42,
    logger: silentLogger,
    platform: 'linux',
    env: {},
    electronPackageDir: null,
    ...overrides,
  });
  return { service, opened };
}

describe('diagnostics', () => {
  it('runs every check once, in a fixed order, and tests each stored account but the sandbox', async () => {
    const accounts = accountTests();
    const { service } = diagnostics({ accounts });
    const result = await service.run();

    expect(result.at).toBe(42);
    expect(result.log).toEqual(FILE_LOG);
    expect(result.checks.map((check) => check.id)).toEqual([
      'electron',
      'display',
      'electron-sandbox',
      'keychain',
      'data-folder',
      'sdk-assets',
      'bot-isolation',
      'bot-page-origin',
      'zoom-api',
      'zoom-oauth',
      'zoom-web-sdk',
      'zoom-sdk-cdn',
      'account:zoom-1',
      'account:zoom-2',
      'account:zoom-3',
    ]);
    expect(accounts.tested).toEqual(['zoom-1', 'zoom-2', 'zoom-3']);
    const byId = new Map(result.checks.map((check) => [check.id, check]));
    expect(byId.get('account:zoom-1')).toMatchObject({
      status: 'ok',
      title: 'Zoom account “Support”',
      message: 'Test connection passed: Connected as Support Bot; ZAK minting works.',
    });
    expect(byId.get('account:zoom-2')).toMatchObject({
      status: 'problem',
      message: 'Test connection failed: The Zoom app is missing a scope.',
    });
    expect(byId.get('account:zoom-3')).toMatchObject({
      status: 'problem',
      message: 'Test connection could not run: The secrets of “Gone” are not in the keychain.',
    });
    expect(byId.get('bot-isolation')?.status).toBe('skipped');
    expect(byId.get('zoom-api')?.message).toBe(
      `Could not reach ${closedUrl}/v2/: the connection was refused. Botdeck mints ZAKs and reads user profiles there.`,
    );
  });

  it('skips the account checks with a reason when no account is stored', async () => {
    const { service } = diagnostics({ accounts: null });
    const accounts = (await service.run()).checks.filter((check) => check.id.startsWith('account'));
    expect(accounts).toMatchObject([{ id: 'accounts', status: 'skipped', required: false }]);
  });

  it('reads a bot window’s isolation from the host’s probe', async () => {
    const isolated = diagnostics({ botIsolation: { where: 'the test', probe: async () => true } });
    const plain = diagnostics({ botIsolation: { where: 'the test', probe: async () => false } });
    const find = async (service: typeof isolated.service) =>
      (await service.run()).checks.find((check) => check.id === 'bot-isolation');
    expect(await find(isolated.service)).toMatchObject({ status: 'ok' });
    expect(await find(plain.service)).toMatchObject({
      status: 'problem',
      message: expect.stringContaining('is not cross-origin isolated'),
    });
  });

  it('answers a run asked for during a run with that same run', async () => {
    const accounts = accountTests();
    const { service } = diagnostics({ accounts });
    const [first, second] = await Promise.all([service.run(), service.run()]);
    expect(second).toBe(first);
    expect(accounts.tested).toHaveLength(3);
  });

  it('opens the log folder only where the host can', async () => {
    const desktop = diagnostics();
    expect(await desktop.service.openLogFolder()).toEqual(ok(null));
    expect(desktop.opened).toEqual(['opened']);

    const web = diagnostics({
      log: { kind: 'stderr', description: 'The web host logs to stderr.' },
      openLogFolder: undefined,
    });
    expect(await web.service.openLogFolder()).toEqual(
      fail('not_available', 'This Botdeck has no log folder: The web host logs to stderr.'),
    );

    const failing = diagnostics({ openLogFolder: () => Promise.reject(new Error('no shell')) });
    expect(await failing.service.openLogFolder()).toEqual(
      fail('open_failed', 'Could not open the log folder; it is /data/logs.'),
    );
  });

  it('prints one line per check, the log, the fixes, and the verdict', async () => {
    const { service } = diagnostics();
    const text = formatReport(await service.run(), 'Botdeck doctor');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Botdeck doctor');
    expect(lines.find((line) => line.includes("Zoom's REST API"))).toMatch(
      /^ {2}PROBLEM +Zoom's REST API +Could not reach/,
    );
    expect(lines.find((line) => line.includes('Cross-origin isolation'))).toMatch(/^ {2}skipped /);
    expect(text).toContain('Log: the desktop app writes /data/logs/botdeck.log');
    expect(text).toContain('To fix:\n  - Electron binary: Run `npm ci` in the Botdeck folder.');
    expect(lines.at(-2)).toMatch(/^\d+ required checks found a problem/);
  });
});
