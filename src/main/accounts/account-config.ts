/**
 * One Zoom account as main holds it, secrets included, and where Zoom's production endpoints
 * are. It sits below both the accounts service and `createBotdeck`, which each need it, so the
 * composition function can import the accounts without the accounts importing it back.
 */

/** One Zoom account as main holds it. Lives only in main; secrets included. */
export interface AccountConfig {
  id: string;
  label: string;
  isSandbox: boolean;
  oauthBaseUrl: string;
  apiBaseUrl: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
  sdkKey: string;
  sdkSecret: string;
  /** The service user (id or email) whose ZAKs bots use. */
  userId: string;
}

/** Zoom's production endpoints. */
export const ZOOM_BASE = { oauthBaseUrl: 'https://zoom.us', apiBaseUrl: 'https://api.zoom.us' };
