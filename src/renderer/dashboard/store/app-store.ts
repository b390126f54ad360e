/**
 * The dashboard's state: one vanilla zustand store built from its slices, created per app
 * (and per test) with its bridge to main passed in. Nothing here runs at import time.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { BrowserNotifications } from '../api/browser-notifications';
import type { BrowserDashboardApi } from '../api/connection';
import { createAccountEditorSlice, type AccountEditorSlice } from './account-editor-slice';
import { createAccountsSlice, type AccountsSlice } from './accounts-slice';
import { createAppSlice, type AppSlice } from './app-slice';
import { createBotActionsSlice, type BotActionsSlice } from './bot-actions-slice';
import { createBotsSlice, type BotsSlice, type FrameScheduler } from './bots-slice';
import { createCapacitySlice, type CapacitySlice } from './capacity-slice';
import { createDiagnosticsSlice, type DiagnosticsSlice } from './diagnostics-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createLaunchSlice, type LaunchSlice } from './launch-slice';
import { createNotificationsSlice, type NotificationsSlice } from './notifications-slice';
import { createPeekSlice, type PeekSlice } from './peek-slice';
import { createRestartSlice, type RestartSlice } from './restart-slice';
import { createShortcutsSlice, type ShortcutsSlice } from './shortcuts-slice';
import { createTableSlice, type TableSlice } from './table-slice';

export type AppState = AppSlice &
  BotsSlice &
  LaunchSlice &
  AccountsSlice &
  AccountEditorSlice &
  RestartSlice &
  HistorySlice &
  DiagnosticsSlice &
  BotActionsSlice &
  NotificationsSlice &
  TableSlice &
  PeekSlice &
  ShortcutsSlice &
  CapacitySlice;
export type AppStore = StoreApi<AppState>;

/** What a slice needs from outside the store. */
export interface AppStoreDeps {
  api: BrowserDashboardApi;
  /** When bot changes reach the store: once per animation frame by default (bots-slice.ts). */
  scheduleFrame?: FrameScheduler;
  /** The browser's notifications (web host); absent where the app shows its own. */
  browserNotifications?: BrowserNotifications;
}

/** A slice creator that sees the whole state, so actions may read or set other slices. */
export type SliceCreator<T> = (deps: AppStoreDeps) => StateCreator<AppState, [], [], T>;

export function createAppStore(deps: AppStoreDeps): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createAppSlice(deps)(...args),
    ...createBotsSlice(deps)(...args),
    ...createLaunchSlice(deps)(...args),
    ...createAccountsSlice(deps)(...args),
    ...createAccountEditorSlice(deps)(...args),
    ...createRestartSlice(deps)(...args),
    ...createHistorySlice(deps)(...args),
    ...createDiagnosticsSlice(deps)(...args),
    ...createBotActionsSlice(deps)(...args),
    ...createNotificationsSlice(deps)(...args),
    ...createTableSlice(deps)(...args),
    ...createPeekSlice(deps)(...args),
    ...createShortcutsSlice(deps)(...args),
    ...createCapacitySlice(deps)(...args),
  }));
}
