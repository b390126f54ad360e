/**
 * App slice: mode, accounts, the keychain's state and notices from the snapshot, the link to main, and `start()`,
 * which wires the store to main (events, connection status, first snapshot).
 */
import {
  KEYCHAIN_AVAILABLE,
  type AccountView,
  type AppMode,
  type BotsChangedEvent,
  type BotView,
  type KeychainView,
} from '../../../shared/ipc-contract';
import type { ConnectionStatus } from '../api/connection';
import type { SliceCreator } from './app-store';
import { applyBotsChanged, botsFromSnapshot } from './merge-bots';
import { reportUnexpected } from './unexpected-error';

export interface AppSlice {
  /** Null until the first snapshot arrives. */
  mode: AppMode | null;
  accounts: AccountView[];
  /** Whether account secrets can be stored, and if not, why and how to enable it. */
  keychain: KeychainView;
  notices: string[];
  /** True in the desktop app, where a bot's own window can be shown. */
  canShowBotWindows: boolean;
  connection: ConnectionStatus;
  loading: boolean;
  loadError: string | null;
  /** Listens to main and loads the snapshot. Returns a function that stops listening. */
  start(): () => void;
}

export const createAppSlice: SliceCreator<AppSlice> =
  ({ api }) =>
  (set, get) => ({
    mode: null,
    accounts: [],
    keychain: KEYCHAIN_AVAILABLE,
    notices: [],
    canShowBotWindows: false,
    connection: api.connection?.getStatus() ?? 'open',
    loading: false,
    loadError: null,

    start() {
      let stopped = false;
      // Events that arrive before the snapshot are replayed on top of it rather than dropped:
      // main batches events after the change, so they are at least as new as the snapshot, and
      // any later change sends a fresh full view anyway.
      let early: BotsChangedEvent[] | null = [];
      const offBots = api.onBotsChanged((event) => {
        if (early) early.push(event);
        else get().applyBotsChanged(event);
      });
      const offNotifications = api.onNotification((note) => get().showNotification(note));
      const offConnection = api.connection?.subscribe((connection) => set({ connection }));
      const finishLoading = (bots: Map<string, BotView>): void => {
        const replay = early ?? [];
        early = null;
        if (replay.length === 0) return set({ bots });
        // One copy for all of them: `bots` may be the store's own Map, which is never mutated.
        const next = new Map(bots);
        for (const event of replay) applyBotsChanged(next, event);
        set({ bots: next });
      };

      set({ loading: true, loadError: null, connection: api.connection?.getStatus() ?? 'open' });
      api.getSnapshot().then(
        (result) => {
          if (stopped) return;
          if (result.ok) {
            const { mode, accounts, keychain, notices, bots, canShowBotWindows } = result.value;
            get().applyAccountsState({ mode, accounts, keychain });
            get().applyRestartState(result.value);
            get().applyNotificationSettings(result.value.notifications);
            set({ notices, canShowBotWindows, loading: false });
            void get().loadShortcuts();
            finishLoading(botsFromSnapshot(bots));
          } else {
            set({ loading: false, loadError: result.error.message });
            finishLoading(get().bots);
          }
        },
        (error: unknown) => {
          if (stopped) return;
          set({
            loading: false,
            loadError: reportUnexpected('loading the snapshot failed', error),
          });
          finishLoading(get().bots);
        },
      );

      return () => {
        stopped = true;
        offBots();
        offNotifications();
        offConnection?.();
      };
    },
  });
