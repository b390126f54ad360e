/**
 * Picks the dashboard's bridge to main: the preload's `window.botdeck` in Electron, or the
 * WebSocket bridge in the web host (which serves the same page without a preload).
 */
import type { BrowserDashboardApi } from './connection';
import { createWebSocketDashboardApi } from './websocket-dashboard-api';

export function getDashboardApi(): BrowserDashboardApi {
  return window.botdeck ?? createWebSocketDashboardApi();
}
