/**
 * What outlives the app, in one service: the roster (which bots are live, which an app restart
 * stopped), the history log, and the relaunch setting. It watches the fleet only through its
 * batched change events and launches only through the normal launch path, so the fleet knows
 * nothing of it.
 */
import {
  fail,
  ok,
  type BotView,
  type BotsChangedEvent,
  type HistoryEntry,
  type HistoryExport,
  type RelaunchResult,
  type Result,
  type StoppedBot,
} from '../../shared/ipc-contract';
import { parseMeetingInput } from '../../shared/meeting-link';
import type { ActivityEntry } from '../fleet/bot-commands';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings';
import { createHistoryLog } from './history-log';
import { createHistoryTracker, launchEntry, stoppedEntries } from './history-entries';
import { createLaunchShortcuts, type LaunchShortcutsStore } from './launch-shortcuts';
import { loadPasscodeSeal } from './passcode-seal';
import { createRosterStore } from './roster-store';
import type { RosterBot } from './roster-schema';
import { relaunchStopped, toStoppedBot, type ParsedLaunchRequest } from './stopped-relaunch';

/** What persistence follows of the fleet: its bots, and their chat messages and renames. */
export interface PersistedFleet {
  list(): BotView[];
  onChanged(listener: (event: BotsChangedEvent) => void): () => void;
  onActivity(listener: (entry: ActivityEntry) => void): () => void;
}

export interface PersistenceServiceOptions {
  dataDir: string;
  /** The normal launch path (the core `bots:launch` handler). */
  launch(request: ParsedLaunchRequest): Promise<Result<{ botIds: string[] }>>;
  fleet: PersistedFleet;
  hasAccount(accountId: string): boolean;
  settings: SettingsStore;
  logger: Logger;
  now: () => number;
  /** Rotation size of the history log (tests make it small). */
  historyMaxBytes?: number;
  /** The keychain key that seals passcodes in the roster; without it they stay in memory. */
  passcodeKey?: () => Promise<Buffer>;
}

export interface PersistenceService {
  snapshotExtras(): {
    stoppedByRestart: StoppedBot[];
    relaunchAfterRestart: boolean;
    notices: string[];
  };
  /** A launch through the normal path, recorded in the roster (on disk before it answers). */
  launch(request: ParsedLaunchRequest): Promise<Result<{ botIds: string[] }>>;
  /** `passcodes` (by stopped bot id) stand in for passcodes Botdeck could not keep. */
  relaunch(
    ids: readonly string[],
    passcodes?: Readonly<Record<string, string>>,
  ): Promise<Result<RelaunchResult>>;
  dismiss(ids: readonly string[]): Promise<Result<{ stoppedByRestart: StoppedBot[] }>>;
  listHistory(limit: number): Promise<Result<{ entries: HistoryEntry[] }>>;
  exportHistory(): Promise<Result<HistoryExport>>;
  setRelaunchAfterRestart(enabled: boolean): Promise<Result<{ relaunchAfterRestart: boolean }>>;
  /** Presets and recent meetings; a launch through `launch` becomes the newest recent one. */
  shortcuts: Pick<LaunchShortcutsStore, 'view' | 'savePreset' | 'deletePreset'>;
  /** Adds an operator notice (shown with the snapshot's notices). */
  addNotice(notice: string): void;
  /** For a clean quit: live bots are listed for relaunch, then the fleet stops, then files close. */
  dispose(stopFleet: () => Promise<void>): Promise<void>;
}

/** The reason a bot's history shows when it left because Botdeck quit. */
const QUIT_REASON = 'Left because Botdeck quit; listed for relaunch at the next start.';

/**
 * Loads the roster (last run's live bots become "stopped by app restart"), then follows the
 * fleet. Does not relaunch anything by itself: see `start-persistence.ts`.
 */
export async function createPersistenceService(
  options: PersistenceServiceOptions,
): Promise<PersistenceService> {
  const { logger, now } = options;
  const seal = await loadPasscodeSeal(options.passcodeKey, logger);
  const roster = createRosterStore({ dataDir: options.dataDir, now, logger, seal });
  const shortcuts = createLaunchShortcuts({ dataDir: options.dataDir, now, logger, seal });
  const history = createHistoryLog({
    dataDir: options.dataDir,
    logger,
    maxBytes: options.historyMaxBytes,
  });
  const tracker = createHistoryTracker();
  const notices: string[] = [];
  let relaunchAfterRestart = await options.settings.load().then(
    (loaded) => loaded.settings.relaunchAfterRestart,
    (error: unknown) => {
      // The accounts report an unreadable settings file; here it only means "off".
      logger.error('Could not read the relaunch setting', { error });
      return false;
    },
  );
  let quitting = false;

  try {
    const loaded = await roster.load();
    if (loaded.notice) notices.push(loaded.notice);
    history.append(stoppedEntries(loaded.newlyStopped));
  } catch (error) {
    logger.error('Could not read the roster', { path: roster.path, error });
    notices.push(
      `Botdeck could not read ${roster.path}, so bots that were running before this start ` +
        'cannot be listed for relaunch. Check the file’s permissions.',
    );
  }

  try {
    const loaded = await shortcuts.load();
    if (loaded.notice) notices.push(loaded.notice);
  } catch (error) {
    logger.error('Could not read the presets file', { path: shortcuts.path, error });
    notices.push(
      `Botdeck could not read ${shortcuts.path}, so saved presets and recent meetings are not ` +
        'offered. Check the file’s permissions.',
    );
  }

  const stopListening = options.fleet.onChanged(({ bots }) => {
    roster.applyViews(bots);
    const entries = tracker.entriesFor(bots, now());
    history.append(
      quitting
        ? entries.map((entry) =>
            entry.kind === 'leave' ? { ...entry, reason: QUIT_REASON } : entry,
          )
        : entries,
    );
  });

  const stopActivity = options.fleet.onActivity((entry) => history.append([entry]));

  async function launch(request: ParsedLaunchRequest, relaunch: boolean) {
    const result = await options.launch(request);
    if (!result.ok) return result;
    const meeting = parseMeetingInput(request.meeting, request.passcode);
    const views = new Map(options.fleet.list().map((view) => [view.id, view]));
    const bots: RosterBot[] = [];
    for (const id of result.value.botIds) {
      const view = views.get(id);
      if (!view) continue; // Already gone again: nothing to keep.
      bots.push({
        id,
        name: view.name,
        meetingNumber: view.meetingNumber,
        passcode: meeting.ok ? meeting.passcode : '',
        accountId: view.accountId,
        ...(meeting.ok && meeting.zoomDomain !== 'zoom.us'
          ? { zoomDomain: meeting.zoomDomain }
          : {}),
        state: view.state,
        createdAt: view.createdAt,
        launchId: view.launchId,
        timeouts: request.timeouts,
        chatOnJoin: request.chatOnJoin,
      });
    }
    const entry = launchEntry(bots, now(), relaunch);
    if (entry) history.append([entry]);
    const first = bots[0];
    await Promise.all([
      roster.addLaunched(bots),
      // A relaunch only repeats a meeting; the operator's own launches are the recent ones.
      first && !relaunch
        ? shortcuts.recordLaunch({
            meeting: request.meeting,
            passcode: request.passcode,
            accountId: first.accountId,
          })
        : null,
    ]);
    return result;
  }

  const stoppedViews = (): StoppedBot[] => roster.stopped().map(toStoppedBot);

  return {
    snapshotExtras: () => ({
      stoppedByRestart: stoppedViews(),
      relaunchAfterRestart,
      notices: [...notices],
    }),
    launch: (request) => launch(request, false),
    async relaunch(ids, passcodes = {}) {
      const result = await relaunchStopped(
        {
          roster,
          launch: (request) => launch(request, true),
          hasAccount: options.hasAccount,
        },
        ids,
        passcodes,
      );
      return result.ok ? ok({ ...result.value, stoppedByRestart: stoppedViews() }) : result;
    },
    async dismiss(ids) {
      roster.takeStopped(ids);
      await roster.save();
      return ok({ stoppedByRestart: stoppedViews() });
    },
    listHistory: async (limit) => ok({ entries: await history.list(limit) }),
    async exportHistory() {
      const entries = await history.all();
      const jsonl = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
      return ok({ jsonl, count: entries.length });
    },
    async setRelaunchAfterRestart(enabled) {
      try {
        const settings = await options.settings.update({ relaunchAfterRestart: enabled });
        relaunchAfterRestart = settings.relaunchAfterRestart;
        return ok({ relaunchAfterRestart });
      } catch (error) {
        logger.error('Could not save the relaunch setting', { error });
        return fail('settings_not_saved', 'Botdeck could not save the setting; see the log.');
      }
    },
    shortcuts,
    addNotice: (notice) => void notices.push(notice),
    async dispose(stopFleet) {
      quitting = true;
      history.append(stoppedEntries(await roster.stopAll(now())));
      try {
        await stopFleet();
      } finally {
        stopListening();
        stopActivity();
        await history.flush();
        await roster.close();
      }
    },
  };
}
