/**
 * Diagnostics: every check `npm run doctor` prints and the dashboard's Diagnostics section
 * shows, built from what the host passes in. The checks are the same everywhere; only what a
 * host can know differs (the desktop app knows its Electron and can open a bot window; the CLI
 * skips that with a reason), so an operator gets one answer whichever way they ask.
 */
import {
  fail,
  ok,
  type DiagnosticsReport,
  type LogLocation,
  type Result,
} from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { CredentialVault } from '../vault';
import { accountChecks, type AccountTests } from './account-checks';
import { dataFolderCheck } from './data-folder-check';
import {
  describeError,
  passed,
  problem,
  runChecks,
  skipped,
  type CheckSpec,
} from './diagnostic-check';
import { electronChecks, electronPackageDir, type ElectronRuntime } from './electron-checks';
import { keychainCheck } from './keychain-check';
import { pageOriginCheck, type BotPageOrigin } from './page-origin-check';
import { sdkAssetsCheck, type PageServer } from './sdk-assets-check';
import { zoomEndpointChecks } from './zoom-endpoints-check';

/** Opens a real bot window and reads `crossOriginIsolated` in it. */
export interface BotIsolationProbe {
  /** Where the window was opened, for the report ("the desktop app", "the web host's Chromium"). */
  where: string;
  probe(): Promise<boolean>;
}

/** What a host tells Diagnostics about itself. */
export interface DiagnosticsHost {
  log: LogLocation;
  /** Opens the log folder in the file manager; absent where the host cannot. */
  openLogFolder?: () => Promise<void>;
  /** The desktop app's own Electron; absent elsewhere (then node_modules/electron is checked). */
  electron?: ElectronRuntime;
  /** The built pages (out/renderer). */
  rendererDir: string;
  /** The built pages as this host serves them, for the SDK files check. */
  servePages: () => Promise<PageServer>;
  /** Absent: the bot window check is skipped with a reason. */
  botIsolation?: BotIsolationProbe;
  /** Which origin bot pages run on (the desktop app's setting). */
  botPageOrigin?: BotPageOrigin;
  /** The host's --zoom-base-url: Zoom's endpoints are probed there instead. */
  zoomBaseUrl?: string;
}

export interface DiagnosticsOptions extends DiagnosticsHost {
  dataDir: string | null;
  /** The stored accounts' vault loader; null when this Botdeck keeps no accounts. */
  vault: (() => Promise<CredentialVault>) | null;
  accounts: AccountTests | null;
  /** Why the stored accounts could not be read, when they could not. */
  accountsError?: string;
  fetch: typeof fetch;
  now: () => number;
  logger: Logger;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** node_modules/electron; found from here by default. */
  electronPackageDir?: string | null;
}

export interface DiagnosticsService {
  /** Runs every check at once; a run asked for while one is going gets that run's report. */
  run(): Promise<DiagnosticsReport>;
  openLogFolder(): Promise<Result<null>>;
}

export function createDiagnostics(options: DiagnosticsOptions): DiagnosticsService {
  const platform = options.platform ?? process.platform;
  let running: Promise<DiagnosticsReport> | null = null;

  function checks(): CheckSpec[] {
    return [
      ...electronChecks({
        running: options.electron ?? null,
        packageDir:
          options.electron !== undefined
            ? null
            : options.electronPackageDir === undefined
              ? electronPackageDir()
              : options.electronPackageDir,
        platform,
        env: options.env ?? process.env,
      }),
      keychainCheck({ vault: options.vault, platform }),
      dataFolderCheck({ dataDir: options.dataDir, platform }),
      sdkAssetsCheck({
        rendererDir: options.rendererDir,
        servePages: options.servePages,
      }),
      botIsolationCheck(options.botIsolation),
      pageOriginCheck(options.botPageOrigin),
      ...zoomEndpointChecks({ fetch: options.fetch, baseUrl: options.zoomBaseUrl }),
      ...accountChecks(options.accounts, options.accountsError),
    ];
  }

  async function runAll(): Promise<DiagnosticsReport> {
    const results = await runChecks(checks());
    const problems = results.filter((check) => check.status === 'problem').map((check) => check.id);
    options.logger.info('Diagnostics ran', { problems });
    return { at: options.now(), checks: results, log: options.log };
  }

  return {
    run() {
      running ??= runAll().finally(() => (running = null));
      return running;
    },
    async openLogFolder() {
      const { log } = options;
      if (log.kind !== 'file' || !log.canOpenFolder || !options.openLogFolder) {
        return fail(
          'not_available',
          log.kind === 'file'
            ? `Botdeck cannot open folders here; the log is in ${log.folder}.`
            : `This Botdeck has no log folder: ${log.description}`,
        );
      }
      try {
        await options.openLogFolder();
        return ok(null);
      } catch (error) {
        options.logger.warn('Could not open the log folder', { error });
        return fail('open_failed', `Could not open the log folder; it is ${log.folder}.`);
      }
    },
  };
}

function botIsolationCheck(probe: BotIsolationProbe | undefined): CheckSpec {
  return {
    id: 'bot-isolation',
    title: 'Cross-origin isolation in a bot window',
    required: true,
    timeoutMs: 20_000,
    async run() {
      if (!probe) {
        return skipped(
          'Only the running app opens bot windows: open Diagnostics in the dashboard to run this check.',
        );
      }
      let isolated: boolean;
      try {
        isolated = await probe.probe();
      } catch (error) {
        return problem(
          `Could not open a bot window in ${probe.where}: ${describeError(error)}`,
          'Run the checks again; if it keeps failing, send the log file to support.',
        );
      }
      return isolated
        ? passed(
            `A bot window opened in ${probe.where} is cross-origin isolated, as the Meeting SDK needs.`,
          )
        : problem(
            `A bot window opened in ${probe.where} is not cross-origin isolated, so the Meeting SDK ` +
              'cannot use SharedArrayBuffer and bots lose audio and video.',
            'See the Meeting SDK files check; rebuild (`npm run build`) or reinstall Botdeck.',
          );
    },
  };
}
