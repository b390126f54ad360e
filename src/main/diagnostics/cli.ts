/**
 * `npm run doctor`: one command that tells whether Botdeck works on this machine, before a
 * customer's meeting does. Runs every Diagnostics check (the dashboard's Diagnostics section
 * shows the same), prints one line per check and the fixes, and exits 1 when a required check
 * found a problem, 0 otherwise (2 if the doctor itself could not run).
 *
 *   --data-dir DIR        data folder to check (default: the desktop app's, e.g. ~/.config/Botdeck)
 *   --zoom-base-url URL   test stored accounts and probe Zoom's endpoints here instead of zoom.us
 *                         (a sandbox, to rehearse)
 *   --renderer-dir DIR    built pages to check (default: out/renderer)
 *   --json                print the report as one JSON object instead
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hasRequiredProblem } from '../../shared/diagnostics-contract';
import { createAccountService } from '../accounts/account-service';
import { ZOOM_BASE } from '../accounts/account-config';
import { LOG_FILE_NAME, logFolderIn } from '../log/file-logger';
import { silentLogger } from '../log/logger';
import { defaultDataDir, storedAccountsIn } from '../modes/stored-accounts-setup';
import { DEFAULT_RENDERER_DIR } from '../pages/renderer-dir';
import type { AccountTests } from './account-checks';
import { describeError, withDeadline } from './diagnostic-check';
import { createDiagnostics } from './diagnostics-service';
import { httpPageServer } from './sdk-assets-check';
import { startWebServer } from '../web/web-server';
import { formatReport } from './format-report';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'zoom-base-url': { type: 'string' },
      'renderer-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const zoomBaseUrl = values['zoom-base-url'];
  const stored = storedAccountsIn(dataDir);
  const { accounts, accountsError } = await loadAccounts(stored, zoomBaseUrl);
  const { settings } = await stored.settings.load();
  const folder = logFolderIn(dataDir);
  const rendererDir = values['renderer-dir'] ?? DEFAULT_RENDERER_DIR;
  const diagnostics = createDiagnostics({
    dataDir,
    vault: stored.vault,
    accounts,
    accountsError,
    rendererDir,
    // The pages as the web host serves them, on a throwaway server for the check.
    async servePages() {
      const server = await startWebServer({ rendererDir, port: 0, logger: silentLogger });
      return httpPageServer(server.origin, globalThis.fetch, () => server.close());
    },
    zoomBaseUrl,
    botPageOrigin: {
      origin:
        settings.botPageOrigin === 'loopback'
          ? 'a loopback http://127.0.0.1 port picked when the desktop app starts'
          : 'app://botdeck',
      chosenBy: `the desktop app's settings.json botPageOrigin: "${settings.botPageOrigin}"`,
    },
    log: { kind: 'file', folder, file: join(folder, LOG_FILE_NAME), canOpenFolder: false },
    fetch: globalThis.fetch,
    now: Date.now,
    logger: silentLogger,
  });
  const report = await diagnostics.run();
  const heading =
    `Botdeck doctor: ${process.platform} ${process.arch}, Node ${process.versions.node}, ` +
    `data folder ${dataDir}`;
  await print(values.json ? `${JSON.stringify(report)}\n` : formatReport(report, heading));
  return hasRequiredProblem(report) ? 1 : 0;
}

const ACCOUNTS_DEADLINE_MS = 10_000;

/** The stored accounts as the app would load them; profiles are not waited for. */
async function loadAccounts(
  stored: ReturnType<typeof storedAccountsIn>,
  zoomBaseUrl: string | undefined,
): Promise<{ accounts: AccountTests | null; accountsError?: string }> {
  const service = createAccountService({
    builtIn: [],
    stored,
    zoomBase: zoomBaseUrl ? { oauthBaseUrl: zoomBaseUrl, apiBaseUrl: zoomBaseUrl } : ZOOM_BASE,
    fetch: globalThis.fetch,
    now: Date.now,
    logger: silentLogger,
    profileDeadlineMs: 0,
  });
  // Reading accounts asks the keychain, which can wait on an unlock prompt: bound the wait.
  const failure = await withDeadline(
    service.start().then(
      () => null,
      (error: unknown) => describeError(error),
    ),
    ACCOUNTS_DEADLINE_MS,
    () =>
      `reading them took longer than ${ACCOUNTS_DEADLINE_MS / 1000} seconds (is the keychain ` +
      'waiting for an unlock prompt?)',
  );
  if (failure !== null) return { accounts: null, accountsError: failure };
  return { accounts: { list: () => service.state().accounts, test: (id) => service.test(id) } };
}

function print(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

// Exits explicitly: a probe that timed out may still hold a socket open.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Botdeck doctor could not finish: ${describeError(error)}\n`);
    process.exit(2);
  },
);
