/** The privileged scheme the Electron shell serves pages from (standard, secure, isolated). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'botdeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const DASHBOARD_URL_PATH = '/dashboard/index.html';
export const BOT_PAGE_URL_PATH = '/bot/index.html';
