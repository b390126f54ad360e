/**
 * Wires persistence into Botdeck for `createBotdeck`: builds the service on the host's data
 * folder (or nothing when there is none), lays its channels over the core handlers, and, when
 * the operator chose "Relaunch automatically after a restart", relaunches the stopped bots.
 */
import type { Result } from '../../shared/ipc-contract';
import type { DashboardHandlers } from '../ipc/ipc-router';
import type { Logger } from '../log/logger';
import { createSettingsStore, type SettingsStore } from '../settings';
import { withPersistence, type CoreDashboardHandlers } from './persistence-handlers';
import {
  createPersistenceService,
  type PersistedFleet,
  type PersistenceService,
} from './persistence-service';
import { listNames } from './stopped-relaunch';

export interface PersistenceConfig {
  /** The app's data folder: Electron's userData, or the web host's `--data-dir`. */
  dataDir: string;
  /** Rotation size of the history log (default 1 MiB; tests make it small). */
  historyMaxBytes?: number;
  /**
   * Loads the keychain key that seals meeting passcodes in the roster. Absent, or failing (no
   * keychain): passcodes are kept in memory only, and a relaunch after a restart asks for them.
   */
  passcodeKey?: () => Promise<Buffer>;
}

export interface StartPersistenceOptions {
  /** Absent: nothing is kept, and the persistence channels say so. */
  config: PersistenceConfig | undefined;
  core: CoreDashboardHandlers;
  fleet: PersistedFleet;
  hasAccount(accountId: string): boolean;
  /** The stored accounts' settings store, so `settings.json` has one writer; else one is made. */
  settings: SettingsStore | undefined;
  logger: Logger;
  now: () => number;
}

export interface StartedPersistence {
  /** Every dashboard handler, persistence included. */
  dashboard: DashboardHandlers;
  /** Lists the live bots for relaunch, runs `stopFleet`, then closes the files. */
  dispose(stopFleet: () => Promise<void>): Promise<void>;
}

export async function startPersistence(
  options: StartPersistenceOptions,
): Promise<StartedPersistence> {
  const { config, core, logger } = options;
  if (!config) {
    return { dashboard: withPersistence(core, null), dispose: (stopFleet) => stopFleet() };
  }
  const settings =
    options.settings ?? createSettingsStore({ dir: config.dataDir, now: options.now });
  // The accounts already reported a set-aside settings file when they share the store.
  const settingsNotices = options.settings
    ? []
    : await settings.load().then(
        (loaded) => loaded.notices,
        () => [], // Reported by the service, which then treats the setting as off.
      );
  const service = await createPersistenceService({
    dataDir: config.dataDir,
    launch: async (request) => core['bots:launch'](request),
    fleet: options.fleet,
    hasAccount: options.hasAccount,
    settings,
    logger,
    now: options.now,
    historyMaxBytes: config.historyMaxBytes,
    passcodeKey: config.passcodeKey,
  });
  for (const notice of settingsNotices) service.addNotice(notice.message);

  const { stoppedByRestart, relaunchAfterRestart } = service.snapshotExtras();
  if (relaunchAfterRestart && stoppedByRestart.length > 0) {
    // After this tick: the host attaches its window host to Botdeck right after createBotdeck
    // resolves, and a bot page must find Botdeck attached when it says ready.
    setImmediate(
      () =>
        void relaunchAll(service, options).catch((error: unknown) => {
          logger.error('Relaunching after the restart failed', { error });
        }),
    );
  }
  return {
    dashboard: withPersistence(core, service),
    dispose: (stopFleet) => service.dispose(stopFleet),
  };
}

/** The automatic relaunch: every stopped bot whose account is still set up. */
async function relaunchAll(
  service: PersistenceService,
  options: Pick<StartPersistenceOptions, 'hasAccount' | 'logger'>,
): Promise<void> {
  const stopped = service.snapshotExtras().stoppedByRestart;
  const orphans = stopped.filter((bot) => !options.hasAccount(bot.accountId));
  const locked = stopped.filter((bot) => options.hasAccount(bot.accountId) && bot.needsPasscode);
  const ready = stopped.filter((bot) => options.hasAccount(bot.accountId) && !bot.needsPasscode);
  if (orphans.length > 0) {
    service.addNotice(
      `${listNames(orphans)} stayed stopped: the account they were launched with is no longer ` +
        'set up in Botdeck.',
    );
  }
  if (locked.length > 0) {
    service.addNotice(
      `${listNames(locked)} stayed stopped: Botdeck could not keep their meeting passcode (no ` +
        'system keychain), so enter it under "Stopped by app restart" to relaunch them.',
    );
  }
  if (ready.length === 0) return;
  const result: Result<unknown> = await service.relaunch(ready.map((bot) => bot.id));
  const count = `${ready.length} bot${ready.length === 1 ? '' : 's'}`;
  if (result.ok) {
    service.addNotice(
      `Relaunched ${count} that were running when Botdeck stopped ("Relaunch automatically ` +
        'after a restart" is on).',
    );
    options.logger.info('Relaunched bots after the restart', { count: ready.length });
  } else {
    service.addNotice(
      `Could not relaunch the bots stopped by the restart: ${result.error.message}`,
    );
  }
}
