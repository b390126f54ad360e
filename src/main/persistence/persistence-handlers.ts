/**
 * The dashboard channels about what outlives the app, laid over the core handlers: the snapshot
 * gains the bots stopped by a restart and the relaunch setting, a launch is recorded in the
 * roster and the history, and the relaunch, dismiss, history and setting channels answer from
 * the persistence service. Without a data folder those channels say so instead.
 */
import {
  fail,
  ok,
  type AppSnapshot,
  type DashboardChannel,
  type Result,
} from '../../shared/ipc-contract';
import type { DashboardHandlers } from '../ipc/ipc-router';
import type { PersistenceService } from './persistence-service';

type PersistenceChannel = Extract<
  DashboardChannel,
  | 'bots:relaunch'
  | 'bots:dismiss-stopped'
  | 'history:list'
  | 'history:export'
  | 'settings:relaunch-after-restart'
  | 'presets:list'
  | 'presets:save'
  | 'presets:delete'
>;

/** The snapshot as the core handlers know it, before persistence adds its part. */
export type CoreSnapshot = Omit<AppSnapshot, 'stoppedByRestart' | 'relaunchAfterRestart'>;

/** Every dashboard handler but the persistence ones, with the core snapshot. */
export type CoreDashboardHandlers = Omit<DashboardHandlers, PersistenceChannel | 'app:snapshot'> & {
  'app:snapshot': (
    payload: Record<string, never>,
  ) => Result<CoreSnapshot> | Promise<Result<CoreSnapshot>>;
};

const HISTORY_DEFAULT_LIMIT = 200;

const NO_DATA_FOLDER = fail(
  'no_data_folder',
  'This Botdeck keeps no data folder, so it has no roster or history.',
);

const NO_PRESETS = fail(
  'no_data_folder',
  'This Botdeck keeps no data folder, so it cannot keep presets.',
);

/** The full dashboard handlers: `core` plus persistence (or its absence when `service` is null). */
export function withPersistence(
  core: CoreDashboardHandlers,
  service: PersistenceService | null,
): DashboardHandlers {
  const snapshot: DashboardHandlers['app:snapshot'] = async (payload) => {
    const result = await core['app:snapshot'](payload);
    if (!result.ok) return result;
    if (!service) return ok({ ...result.value, stoppedByRestart: [], relaunchAfterRestart: false });
    const extras = service.snapshotExtras();
    return ok({
      ...result.value,
      notices: [...result.value.notices, ...extras.notices],
      stoppedByRestart: extras.stoppedByRestart,
      relaunchAfterRestart: extras.relaunchAfterRestart,
    });
  };

  if (!service) {
    return {
      ...core,
      'app:snapshot': snapshot,
      'bots:relaunch': () => NO_DATA_FOLDER,
      'bots:dismiss-stopped': () => NO_DATA_FOLDER,
      'history:list': () => NO_DATA_FOLDER,
      'history:export': () => NO_DATA_FOLDER,
      'settings:relaunch-after-restart': () => NO_DATA_FOLDER,
      // Nothing kept is nothing to offer; saving says why it cannot.
      'presets:list': () => ok({ presets: [], recentMeetings: [] }),
      'presets:save': () => NO_PRESETS,
      'presets:delete': () => NO_PRESETS,
    };
  }
  return {
    ...core,
    'app:snapshot': snapshot,
    'bots:launch': (request) => service.launch(request),
    'bots:relaunch': (request) => service.relaunch(request.ids, request.passcodes),
    'bots:dismiss-stopped': (request) => service.dismiss(request.ids),
    'history:list': (request) => service.listHistory(request.limit ?? HISTORY_DEFAULT_LIMIT),
    'history:export': () => service.exportHistory(),
    'settings:relaunch-after-restart': (request) =>
      service.setRelaunchAfterRestart(request.enabled),
    'presets:list': () => ok(service.shortcuts.view()),
    'presets:save': (request) => service.shortcuts.savePreset(request.name, request.form),
    'presets:delete': (request) => service.shortcuts.deletePreset(request.presetId),
  };
}
