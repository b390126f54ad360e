/**
 * The roster (`roster.json` in the data folder): which bots are live, so that after a crash or
 * a quit Botdeck can say which bots the restart stopped and relaunch them. Kept in memory and
 * written behind: a launch is written at once (a host killed mid-launch still has its bots on
 * disk), later state changes are coalesced. Bots that leave or fail drop out.
 *
 * Bots stopped by a restart stay in the file's `stopped` list until they are relaunched or
 * dismissed, so a second restart before the operator decided does not lose them.
 */
import { join } from 'node:path';
import { isLive, type BotView } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { createAtomicJsonFile } from '../settings';
import { passcodeFromFile, passcodeToFile, withPasscode, type PasscodeSeal } from './passcode-seal';
import {
  ROSTER_FILE_NAME,
  ROSTER_MAX_BOTS,
  ROSTER_VERSION,
  RosterFileSchema,
  type RosterBot,
  type RosterBotEntry,
  type StoppedRosterBot,
} from './roster-schema';
import { createWriteBehind } from './write-behind';

export interface RosterLoadResult {
  /** Bots that were live when the last run ended, now stopped (at `now`). */
  newlyStopped: StoppedRosterBot[];
  /** Set when roster.json was torn or corrupt and was set aside: operator words. */
  notice: string | null;
}

export interface RosterStore {
  readonly path: string;
  /** Reads the file once: last run's live bots become stopped, and the file is rewritten so. */
  load(): Promise<RosterLoadResult>;
  /** Records bots the fleet just accepted; resolves once they are on disk. */
  addLaunched(bots: RosterBot[]): Promise<void>;
  /** Follows the fleet's changes: states and names move on, bots on their way out drop out. */
  applyViews(views: readonly BotView[]): void;
  /** Stopped bots, oldest first. */
  stopped(): StoppedRosterBot[];
  /** Removes these stopped bots (in list order) and returns them; unknown ids are skipped. */
  takeStopped(ids: readonly string[]): StoppedRosterBot[];
  /** Puts back stopped bots a relaunch could not start. */
  restoreStopped(bots: readonly StoppedRosterBot[]): void;
  /** Writes the current roster now. */
  save(): Promise<void>;
  /**
   * For a clean quit: every live bot becomes stopped at `at` (their leaving is the quit, not the
   * operator's wish), the file is written, and later changes are ignored. Returns those bots.
   */
  stopAll(at: number): Promise<StoppedRosterBot[]>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

export interface RosterStoreOptions {
  dataDir: string;
  now: () => number;
  logger: Logger;
  /** How long later changes wait to be written together (default 250 ms). */
  coalesceMs?: number;
  /** Seals passcodes for the file; null keeps them in memory only (no keychain). */
  seal: PasscodeSeal | null;
}

export function createRosterStore(options: RosterStoreOptions): RosterStore {
  const { logger } = options;
  const file = createAtomicJsonFile({
    path: join(options.dataDir, ROSTER_FILE_NAME),
    schema: RosterFileSchema,
    now: options.now,
  });
  const live = new Map<string, RosterBot>();
  const stopped = new Map<string, StoppedRosterBot>();
  let frozen = false;
  const writer = createWriteBehind({
    delayMs: options.coalesceMs ?? 250,
    write: async () => {
      await file.write({
        version: ROSTER_VERSION,
        bots: [...live.values()].map(toFile),
        stopped: capped().map(toFile),
      });
    },
    onError: (error) => logger.error('Could not write the roster', { path: file.path, error }),
  });

  function toFile<T extends RosterBot>(bot: T) {
    return withPasscode(bot, passcodeToFile(bot.id, bot, options.seal));
  }

  function fromFile<T extends RosterBotEntry>(entry: T) {
    return withPasscode(entry, passcodeFromFile(entry.id, entry, options.seal));
  }

  /** The newest stopped bots when there are more than the file may hold. */
  function capped(): StoppedRosterBot[] {
    const all = [...stopped.values()];
    return all.length > ROSTER_MAX_BOTS ? all.slice(-ROSTER_MAX_BOTS) : all;
  }

  return {
    path: file.path,

    async load() {
      const read = await file.read();
      let notice: string | null = null;
      const newlyStopped: StoppedRosterBot[] = [];
      if (read.status === 'set-aside') {
        notice =
          `${read.message}. Bots that were running before this start cannot be listed for ` +
          'relaunch; the set-aside file shows which they were.';
      } else if (read.status === 'ok') {
        for (const entry of read.value.stopped) stopped.set(entry.id, fromFile(entry));
        const at = options.now();
        for (const bot of read.value.bots) {
          const entry = { ...fromFile(bot), stoppedAt: at };
          stopped.set(bot.id, entry);
          newlyStopped.push(entry);
        }
      }
      // Rewritten at once: last run's bots now live only in `stopped`, an older roster's plain
      // passcodes are sealed (or, with no keychain, left out), and a set-aside roster is
      // followed by a fresh, valid one.
      if (read.status !== 'missing' || stopped.size > 0) await writer.now();
      return { newlyStopped, notice };
    },

    async addLaunched(bots) {
      if (frozen) return;
      for (const bot of bots) live.set(bot.id, bot);
      await writer.now();
    },

    applyViews(views) {
      if (frozen) return;
      let changed = false;
      for (const view of views) {
        const bot = live.get(view.id);
        if (!bot || (bot.state === view.state && bot.name === view.name)) continue;
        // On its way out, or out: nothing to relaunch.
        if (!isLive(view.state)) live.delete(view.id);
        // A rename (before the join, or confirmed by the meeting) is what a relaunch uses.
        else live.set(view.id, { ...bot, state: view.state, name: view.name });
        changed = true;
      }
      if (changed) writer.soon();
    },

    stopped: () => [...stopped.values()],

    takeStopped(ids) {
      const wanted = new Set(ids);
      const taken = [...stopped.values()].filter((bot) => wanted.has(bot.id));
      for (const bot of taken) stopped.delete(bot.id);
      return taken;
    },

    restoreStopped(bots) {
      for (const bot of bots) stopped.set(bot.id, bot);
    },

    save: () => writer.now(),

    async stopAll(at) {
      const now = [...live.values()].map((bot) => ({ ...bot, stoppedAt: at }));
      for (const bot of now) stopped.set(bot.id, bot);
      live.clear();
      frozen = true;
      await writer.now();
      return now;
    },

    close: () => writer.close(),
  };
}
