/**
 * Notifications slice: the setting that turns them off (kept by main in settings.json), where
 * they show, and in the web host's dashboard the browser's own permission, which only the
 * operator's click may ask for. Main decides what is worth a notification and groups them; a
 * browser dashboard only shows what main sends, once the operator allowed it.
 */
import type { BotNotification, NotificationSettings } from '../../../shared/ipc-contract';
import type { BrowserPermission } from '../api/browser-notifications';
import type { SliceCreator } from './app-store';
import { reportUnexpected } from './unexpected-error';

export interface NotificationsSlice {
  notifications: NotificationSettings;
  browserPermission: BrowserPermission;
  savingNotifications: boolean;
  notificationsError: string | null;
  applyNotificationSettings(settings: NotificationSettings): void;
  setNotificationsEnabled(enabled: boolean): Promise<void>;
  /** Asks the browser for permission (call it from the operator's click only). */
  allowBrowserNotifications(): Promise<void>;
  /** A notification main sent: shown when this dashboard shows them and may. */
  showNotification(notification: BotNotification): void;
}

export const createNotificationsSlice: SliceCreator<NotificationsSlice> =
  ({ api, browserNotifications }) =>
  (set, get) => ({
    notifications: { enabled: true, shownBy: null },
    browserPermission: browserNotifications?.permission() ?? 'unsupported',
    savingNotifications: false,
    notificationsError: null,

    applyNotificationSettings(notifications) {
      set({ notifications });
    },

    async setNotificationsEnabled(enabled) {
      // The box follows the click at once; a refusal puts it back and says why.
      const before = get().notifications;
      set({
        notifications: { ...before, enabled },
        savingNotifications: true,
        notificationsError: null,
      });
      try {
        const result = await api.setNotifications({ enabled });
        set(
          result.ok
            ? { savingNotifications: false, notifications: result.value }
            : {
                savingNotifications: false,
                notifications: before,
                notificationsError: result.error.message,
              },
        );
      } catch (error) {
        set({
          savingNotifications: false,
          notifications: before,
          notificationsError: reportUnexpected('changing the notification setting failed', error),
        });
      }
    },

    async allowBrowserNotifications() {
      if (!browserNotifications) return;
      set({ browserPermission: await browserNotifications.request() });
    },

    showNotification({ title, body }) {
      const { notifications } = get();
      if (notifications.shownBy !== 'browser' || !notifications.enabled) return;
      if (browserNotifications?.permission() !== 'granted') return;
      browserNotifications.show(title, body);
    },
  });
