/**
 * Every account Botdeck can launch bots under: the built-in ones it starts with (the sandbox's
 * demo account) and the Zoom accounts the operator stored — non-secret fields in the settings
 * file, secrets in the OS keychain. Secrets are read from the vault only here, in main, to build
 * a Zoom client; the dashboard gets `AccountView`s and nothing else.
 */
import {
  fail,
  KEYCHAIN_AVAILABLE,
  ok,
  type AccountsState,
  type ConnectionTestReport,
  type Result,
  type SaveAccountRequest,
} from '../../shared/ipc-contract';
import type { AccountConfig } from './account-config';
import type { FleetAccount } from '../fleet/join-preparer';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings';
import { VaultUnavailableError, type CredentialVault } from '../vault';
import { createZoomClient, type ZoomClient } from '../zoom/zoom-client';
import { accountsState, builtInView, storedView, type AccountEntry } from './account-entries';
import { watchKeychain } from './keychain-status';
import { accountErrorCode, describeAccountError, MissingSecretsError } from './account-errors';
import { loadProfiles } from './account-profiles';
import { runConnectionTest, summarizeConnectionTest } from './connection-test';
import { removeStoredAccount, saveStoredAccount, type StoredAccountDeps } from './stored-accounts';

export interface StoredAccounts {
  settings: SettingsStore;
  /** Loaded on first use, so a missing Secret Service fails a call, not the app's start. */
  vault: () => Promise<CredentialVault>;
}

export interface AccountServiceOptions {
  /** Always present, neither editable nor removable (the sandbox's demo account). */
  builtIn: AccountConfig[];
  stored: StoredAccounts | null;
  /** Where stored accounts reach Zoom: zoom.us in production, the sandbox in tests. */
  zoomBase: { oauthBaseUrl: string; apiBaseUrl: string };
  fetch: typeof fetch;
  now: () => number;
  logger: Logger;
  /** How long start-up waits for profiles before going on without them (default 5 s). */
  profileDeadlineMs?: number;
  /** How long start-up waits for the keychain check before going on (default 3 s). */
  keychainDeadlineMs?: number;
}

export interface AccountService {
  start(): Promise<void>;
  state(): AccountsState;
  /** Problems found at start, in operator words. */
  notices(): string[];
  /** What the fleet needs to launch under `accountId` (default: the first account). */
  forLaunch(accountId: string | undefined): Promise<Result<FleetAccount>>;
  save(request: SaveAccountRequest): Promise<Result<AccountsState>>;
  remove(accountId: string): Promise<Result<AccountsState>>;
  test(accountId: string): Promise<Result<{ report: ConnectionTestReport; state: AccountsState }>>;
}

/** Zoom's Light-category limit per plan (docs/zoom.md, "Rate limits"), which bounds ZAK minting. */
export const PLAN_RATES = { free: 4, pro: 30, business: 80 } as const;

const UNKNOWN_ACCOUNT = 'That account is not set up in Botdeck.';

export function createAccountService(options: AccountServiceOptions): AccountService {
  const { stored, logger } = options;
  const keychain = stored && watchKeychain(stored.vault);
  const entries = new Map<string, AccountEntry>();
  const clients = new Map<string, ZoomClient>();
  const notices: string[] = [];
  for (const config of options.builtIn) {
    entries.set(config.id, { view: builtInView(config), builtIn: config, record: null });
  }

  async function configOf(entry: AccountEntry): Promise<AccountConfig> {
    if (entry.builtIn) return entry.builtIn;
    const record = entry.record;
    if (!record || !keychain) throw new MissingSecretsError(entry.view.label);
    const secrets = await (await keychain.vault()).readSecrets(record.id);
    if (!secrets) throw new MissingSecretsError(record.label);
    return {
      id: record.id,
      label: record.label,
      isSandbox: false,
      ...options.zoomBase,
      accountId: record.s2sAccountId,
      clientId: record.clientId,
      clientSecret: secrets.clientSecret,
      sdkKey: record.sdkKey,
      sdkSecret: secrets.sdkSecret,
      userId: record.userId,
    };
  }

  /** One client per account, so its token cache and rate limit span every launch. */
  function clientFor(config: AccountConfig, entry: AccountEntry): ZoomClient {
    let client = clients.get(config.id);
    if (!client) {
      client = createZoomClient({
        oauthBaseUrl: config.oauthBaseUrl,
        apiBaseUrl: config.apiBaseUrl,
        accountId: config.accountId,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        fetch: options.fetch,
        now: options.now,
        mintRatePerSecond: PLAN_RATES[entry.view.plan],
        logger,
      });
      clients.set(config.id, client);
    }
    return client;
  }

  async function reloadStored(): Promise<void> {
    if (!stored || !keychain) return;
    const records = await stored.settings.listAccounts();
    const previous = new Map([...entries].filter(([, entry]) => entry.record));
    for (const id of previous.keys()) entries.delete(id);
    let vault: CredentialVault | null = null;
    try {
      vault = await keychain.vault();
    } catch (error) {
      // A keychain problem is shown with its fix by the accounts panel (`state().keychain`).
      if (records.length > 0 && !(error instanceof VaultUnavailableError)) {
        notices.push(describeAccountError(error));
      }
    }
    for (const record of records) {
      const status = vault ? await vault.secretStatus(record.id).catch(() => null) : null;
      const hasSecrets = status !== null && status.hasClientSecret && status.hasSdkSecret;
      const view = storedView(record, hasSecrets, previous.get(record.id)?.view);
      entries.set(record.id, { view, builtIn: null, record });
    }
  }

  const state = (): AccountsState =>
    accountsState(entries.values(), keychain?.view() ?? KEYCHAIN_AVAILABLE);

  const storedDeps = (): StoredAccountDeps | null =>
    stored &&
    keychain && {
      settings: stored.settings,
      vault: keychain.vault,
      entries,
      forgetClient: (id) => clients.delete(id),
      reload: reloadStored,
      state,
      logger,
    };

  return {
    async start() {
      if (stored) {
        const loaded = await stored.settings.load();
        notices.push(...loaded.notices.map((notice) => notice.message));
      }
      await keychain?.probe(options.keychainDeadlineMs ?? 3_000);
      await reloadStored();
      await loadProfiles([...entries.values()], {
        config: configOf,
        clientFor,
        notices,
        logger,
        deadlineMs: options.profileDeadlineMs ?? 5_000,
      });
    },
    state,
    notices: () => [...notices],
    async forLaunch(accountId) {
      const id = accountId ?? state().accounts[0]?.id;
      const entry = id === undefined ? undefined : entries.get(id);
      if (!entry) return fail('unknown_account', UNKNOWN_ACCOUNT);
      try {
        const config = await configOf(entry);
        return ok({
          id: config.id,
          zoom: clientFor(config, entry),
          userId: config.userId,
          sdkKey: config.sdkKey,
          sdkSecret: config.sdkSecret,
          avatarUrl: entry.view.avatarUrl,
          sdk: config.isSandbox ? 'sandbox' : 'zoom',
        });
      } catch (error) {
        logger.warn('Could not prepare an account for launch', { accountId: entry.view.id });
        return fail(accountErrorCode(error), describeAccountError(error));
      }
    },
    save(request) {
      const deps = storedDeps();
      return deps
        ? saveStoredAccount(deps, request)
        : Promise.resolve(fail('read_only', 'This Botdeck keeps no Zoom accounts.'));
    },
    remove(accountId) {
      const deps = storedDeps();
      return deps
        ? removeStoredAccount(deps, accountId)
        : Promise.resolve(fail('unknown_account', UNKNOWN_ACCOUNT));
    },
    async test(accountId) {
      const entry = entries.get(accountId);
      if (!entry) return fail('unknown_account', UNKNOWN_ACCOUNT);
      let report: ConnectionTestReport;
      try {
        const config = await configOf(entry);
        // A fresh client: the test must prove the credentials, not reuse a cached token.
        clients.delete(accountId);
        report = await runConnectionTest(clientFor(config, entry), config.userId);
      } catch (error) {
        return fail(accountErrorCode(error), describeAccountError(error));
      }
      const lastTest = {
        at: options.now(),
        ok: report.ok,
        summary: summarizeConnectionTest(report),
      };
      entry.view.lastTest = lastTest;
      if (report.profile) {
        entry.view.displayName = report.profile.displayName;
        entry.view.email = report.profile.email;
        entry.view.avatarUrl = report.profile.avatarUrl;
      }
      if (entry.record && stored) {
        entry.record = await stored.settings.upsertAccount({ ...entry.record, lastTest });
      }
      return ok({ report, state: state() });
    },
  };
}
