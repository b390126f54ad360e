/**
 * Notifications in the dashboard: the setting that turns them off, and in the web host's
 * dashboard the browser's permission, which only the operator's click may ask for. In the
 * desktop app the system shows them; there the setting is all there is.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';

export function NotificationSettings() {
  const state = useAppStore(
    useShallow((s) => ({
      enabled: s.notifications.enabled,
      shownBy: s.notifications.shownBy,
      permission: s.browserPermission,
      saving: s.savingNotifications,
      error: s.notificationsError,
      setEnabled: s.setNotificationsEnabled,
      allow: s.allowBrowserNotifications,
    })),
  );
  if (state.shownBy === null) return null;
  const browser = state.shownBy === 'browser';
  return (
    <section className="notification-settings" aria-label="Notifications">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={state.enabled}
          disabled={state.saving}
          onChange={(event) => void state.setEnabled(event.target.checked)}
        />
        Notify me when a bot fails, is removed or its meeting ends
      </label>
      {browser && state.enabled && state.permission === 'default' && (
        <button type="button" className="button button-small" onClick={() => void state.allow()}>
          Allow browser notifications
        </button>
      )}
      {browser && state.enabled && state.permission === 'denied' && (
        <p className="hint">
          This browser blocks notifications from this page; allow them in its site settings.
        </p>
      )}
      {browser && state.enabled && state.permission === 'unsupported' && (
        <p className="hint">This browser cannot show notifications.</p>
      )}
      {state.error !== null && (
        <p className="form-alert" role="alert">
          {state.error}
        </p>
      )}
    </section>
  );
}
