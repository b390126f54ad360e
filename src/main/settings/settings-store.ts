/**
 * The settings file (`settings.json` in the app's data folder): the accounts' non-secret fields,
 * launch defaults and app options. Loaded once, kept in memory, written atomically after every
 * change. Changes run one at a time against the latest state, so two concurrent edits never
 * lose each other, and the in-memory state only moves on once the write is durable.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import { createAtomicJsonFile } from './atomic-json-file';
import {
  AccountRecordSchema,
  SettingsPatchSchema,
  SettingsSchema,
  defaultSettings,
  type AccountRecord,
  type AccountRecordInput,
  type Settings,
  type SettingsPatch,
} from './settings-schema';
import { AccountIdSchema } from '../vault/vault-schemas';

export const SETTINGS_FILE_NAME = 'settings.json';

/** Something the operator should be told at start, in their words. */
export interface SettingsNotice {
  code: 'settings_set_aside';
  message: string;
  /** Where the unusable file was moved, for the operator to inspect or recover. */
  setAsidePath: string;
}

export interface LoadedSettings {
  settings: Settings;
  /** Empty unless the file had to be set aside. */
  notices: SettingsNotice[];
}

/** An argument the store refuses; the message names the field and the rule, not the value. */
export class SettingsInputError extends Error {
  override readonly name = 'SettingsInputError';
  readonly code = 'invalid_request';
}

export interface SettingsStore {
  readonly path: string;
  /**
   * Reads the file on the first call (later calls return the same notices and the current
   * settings). A missing file gives the defaults with no notice; an unusable one is set aside
   * and reported in `notices`.
   *
   * @throws JsonFileError when the file can be neither read nor set aside.
   */
  load(): Promise<LoadedSettings>;
  listAccounts(): Promise<AccountRecord[]>;
  getAccount(id: string): Promise<AccountRecord | null>;
  /** Adds the account, or replaces the one with the same id in place. */
  upsertAccount(record: AccountRecordInput): Promise<AccountRecord>;
  /** Removes the account (and clears it as the default); false when there was none. */
  removeAccount(id: string): Promise<boolean>;
  /** Changes app-wide settings; `launchDefaults` is merged field by field. */
  update(patch: SettingsPatch): Promise<Settings>;
}

export interface SettingsStoreOptions {
  /** The app's data folder (created on the first write). */
  dir: string;
  /** Clock for the set-aside file's timestamp. */
  now?: () => number;
}

export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const file = createAtomicJsonFile({
    path: join(options.dir, SETTINGS_FILE_NAME),
    schema: SettingsSchema,
    now: options.now,
  });
  let state: Settings = defaultSettings();
  let loading: Promise<SettingsNotice[]> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function serially<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function readOnce(): Promise<SettingsNotice[]> {
    const result = await file.read();
    if (result.status === 'ok') {
      state = result.value;
      return [];
    }
    state = defaultSettings();
    if (result.status === 'missing') return [];
    return [
      {
        code: 'settings_set_aside',
        message:
          `${result.message}; Botdeck started with default settings. Accounts saved in it must ` +
          'be added again (their secrets are still in the system keychain).',
        setAsidePath: result.setAsidePath,
      },
    ];
  }

  function ensureLoaded(): Promise<SettingsNotice[]> {
    loading ??= readOnce().catch((error: unknown) => {
      loading = null; // let a later call retry, e.g. after the operator fixed permissions
      throw error;
    });
    return loading;
  }

  /** Applies `change` to the latest settings, writes the result, then adopts it. */
  function mutate<R>(change: (current: Settings) => { next: Settings; result: R }): Promise<R> {
    return serially(async () => {
      await ensureLoaded();
      const { next, result } = change(state);
      state = await file.write(next);
      return result;
    });
  }

  const read = async <R>(pick: (settings: Settings) => R): Promise<R> => {
    await ensureLoaded();
    return structuredClone(pick(state));
  };

  return {
    path: file.path,

    load: async () => {
      const notices = await ensureLoaded();
      return { settings: structuredClone(state), notices: structuredClone(notices) };
    },

    listAccounts: () => read((settings) => settings.accounts),

    getAccount: async (id) => {
      const accountId = parseOrThrow(AccountIdSchema, id, 'account id');
      return read((settings) => settings.accounts.find((a) => a.id === accountId) ?? null);
    },

    upsertAccount: async (record) => {
      const account = parseOrThrow(AccountRecordSchema, record, 'account');
      return mutate((current) => {
        const index = current.accounts.findIndex((a) => a.id === account.id);
        const accounts =
          index === -1
            ? [...current.accounts, account]
            : current.accounts.map((a, i) => (i === index ? account : a));
        return { next: { ...current, accounts }, result: structuredClone(account) };
      });
    },

    removeAccount: async (id) => {
      const accountId = parseOrThrow(AccountIdSchema, id, 'account id');
      return mutate((current) => {
        const accounts = current.accounts.filter((a) => a.id !== accountId);
        const defaultAccountId =
          current.defaultAccountId === accountId ? null : current.defaultAccountId;
        return {
          next: { ...current, accounts, defaultAccountId },
          result: accounts.length !== current.accounts.length,
        };
      });
    },

    update: async (patch) => {
      const changes = parseOrThrow(SettingsPatchSchema, patch, 'settings change');
      return mutate((current) => {
        const next: Settings = {
          ...current,
          launchDefaults: { ...current.launchDefaults, ...changes.launchDefaults },
        };
        if (changes.relaunchAfterRestart !== undefined) {
          next.relaunchAfterRestart = changes.relaunchAfterRestart;
        }
        if (changes.notifications !== undefined) next.notifications = changes.notifications;
        if (changes.defaultAccountId !== undefined) {
          const id = changes.defaultAccountId;
          if (id !== null && !current.accounts.some((a) => a.id === id)) {
            throw new SettingsInputError(
              'Invalid settings change (defaultAccountId): no such account.',
            );
          }
          next.defaultAccountId = id;
        }
        return { next, result: structuredClone(next) };
      });
    },
  };
}

/** Parses `value` or throws `SettingsInputError` naming the first problem's field and rule. */
function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') ?? '';
  throw new SettingsInputError(
    `Invalid ${what}${where === '' ? '' : ` (${where})`}: ${issue?.message ?? 'not accepted'}.`,
  );
}
