/**
 * The browser's Notification API as the dashboard uses it: whether the operator allowed it, ask
 * once when they press the button (browsers allow asking only from a click), and show one.
 * Kept behind this small port so store tests can stand in for the browser.
 */

export type BrowserPermission = NotificationPermission | 'unsupported';

export interface BrowserNotifications {
  permission(): BrowserPermission;
  /** Asks the operator; only from a click. */
  request(): Promise<BrowserPermission>;
  show(title: string, body: string): void;
}

/** The page's own `Notification`, or a port that says it has none. */
export function windowNotifications(): BrowserNotifications {
  const Api = typeof Notification === 'undefined' ? null : Notification;
  return {
    permission: () => (Api ? Api.permission : 'unsupported'),
    request: async () => (Api ? Api.requestPermission() : 'unsupported'),
    show(title, body) {
      // A notification the OS cannot show (no notification server) is no error for Botdeck.
      if (Api?.permission === 'granted') new Api(title, { body });
    },
  };
}
