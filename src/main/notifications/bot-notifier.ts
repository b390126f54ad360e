/**
 * Tells the operator, through whatever the host can show (the desktop's notifications, or the
 * web host's dashboards with the browser's), when bots fail, are removed by the host, or see
 * their meeting end. Changes that arrive close together are held for a moment and grouped, so
 * an ended meeting with thirty bots is one notification. The setting that turns it off lives in
 * `settings.json` (`notifications`); with no settings file it is kept in memory.
 */
import {
  fail,
  ok,
  type BotNotification,
  type BotsChangedEvent,
  type NotificationSettings,
  type Result,
} from '../../shared/ipc-contract';
import type { FleetTimers, TimerHandle } from '../fleet/fleet-timers';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings';
import { createNotableTracker, type Notable } from './notable-changes';
import { notificationsFor } from './notification-words';

/** What a host gives to show notifications, and where they show. */
export interface NotifyPort {
  shownBy: 'desktop' | 'browser';
  show(title: string, body: string): void;
}

export interface BotNotifierOptions {
  fleet: { onChanged(listener: (event: BotsChangedEvent) => void): () => void };
  /** Null: this host shows none (the setting is still kept). */
  port: NotifyPort | null;
  settings: SettingsStore | undefined;
  timers: FleetTimers;
  logger: Logger;
  /** How long the first change waits for others to group with (default 1.5 s). */
  groupWindowMs?: number;
}

export interface BotNotifier {
  settings(): NotificationSettings;
  setEnabled(enabled: boolean): Promise<Result<NotificationSettings>>;
  /** Stops listening; what was held back is dropped (the app is going away). */
  dispose(): void;
}

export const GROUP_WINDOW_MS = 1_500;

export async function createBotNotifier(options: BotNotifierOptions): Promise<BotNotifier> {
  const { port, logger, timers } = options;
  let enabled = options.settings
    ? await options.settings.load().then(
        (loaded) => loaded.settings.notifications,
        // The accounts report an unreadable settings file; here it means the default.
        () => true,
      )
    : true;
  const tracker = createNotableTracker();
  let held: Notable[] = [];
  let timer: TimerHandle | null = null;

  function flush(): void {
    timer = null;
    const notables = held;
    held = [];
    if (!enabled || !port) return;
    for (const note of notificationsFor(notables)) show(note);
  }

  function show(note: BotNotification): void {
    try {
      port?.show(note.title, note.body);
    } catch (error) {
      // A host that cannot show one now (no notification server) must not hurt the fleet.
      logger.warn('Could not show a notification', { error });
    }
  }

  const stop = options.fleet.onChanged(({ bots }) => {
    // Tracked even while off, so turning it on does not report what ended long ago.
    const notables = tracker.notableIn(bots);
    if (notables.length === 0 || !enabled || !port) return;
    held.push(...notables);
    timer ??= timers.setTimeout(flush, options.groupWindowMs ?? GROUP_WINDOW_MS);
  });

  const view = (): NotificationSettings => ({ enabled, shownBy: port?.shownBy ?? null });

  return {
    settings: view,
    async setEnabled(next) {
      if (options.settings) {
        try {
          enabled = (await options.settings.update({ notifications: next })).notifications;
        } catch (error) {
          logger.error('Could not save the notification setting', { error });
          return fail('settings_not_saved', 'Botdeck could not save the setting; see the log.');
        }
      } else {
        enabled = next;
      }
      if (!enabled) held = [];
      return ok(view());
    },
    dispose() {
      stop();
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      held = [];
    },
  };
}
