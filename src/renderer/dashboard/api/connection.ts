/**
 * The dashboard's link to main, as the UI sees it. Electron IPC cannot drop while the window
 * lives, so only the WebSocket bridge (web host) reports a connection; the store treats a
 * missing `connection` as always open.
 */
import type { DashboardApi } from '../../../shared/ipc-contract';

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

export interface ConnectionSource {
  getStatus(): ConnectionStatus;
  /** Returns an unsubscribe function. */
  subscribe(listener: (status: ConnectionStatus) => void): () => void;
}

/** The contract's API, optionally with a connection the UI can watch. */
export type BrowserDashboardApi = DashboardApi & { readonly connection?: ConnectionSource };

export const DISCONNECTED_ERROR = {
  code: 'disconnected',
  message: 'Lost the connection to Botdeck. Reload to reconnect.',
} as const;
