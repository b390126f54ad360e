import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBotdeck, type Botdeck } from '../../../src/main/app/create-botdeck';
import { silentLogger } from '../../../src/main/log/logger';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { createSettingsStore } from '../../../src/main/settings';
import {
  createKeytarVault,
  loadKeytar,
  VaultUnavailableError,
  type CredentialVault,
} from '../../../src/main/vault';
import type {
  AnswerOf,
  DashboardChannel,
  RequestInputOf,
  Result,
  SaveAccountRequest,
} from '../../../src/shared/ipc-contract';
import { createNodeBotHost, type NodeBotHost } from '../main/node-bot-host';
import { audit } from '../../support/sandbox-client';
import { keytarSkipReason } from '../vault/fixtures/keychain-needed';
import { sandboxAccount } from '../main/fleet-test-kit';

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
if (!hasSessionBus) {
  console.warn('Skipping stored-account tests: run them through scripts/with-keyring.sh.');
}
/** A Secret Service (scripts/with-keyring.sh) and keytar to talk to it. */
const canRun = hasSessionBus && (await keytarSkipReason()) === null;

let sandbox: RunningSandbox;
let dataDir: string;
let vault: CredentialVault;
let host: NodeBotHost;
let botdeck: Botdeck | null = null;

async function start(vaultFactory: () => Promise<CredentialVault> = async () => vault) {
  host = createNodeBotHost();
  botdeck = await createBotdeck({
    accounts: [sandboxAccount(sandbox)],
    storedAccounts: { settings: createSettingsStore({ dir: dataDir }), vault: vaultFactory },
    // The sandbox stands in for zoom.us, so "real" accounts run the real client code against it.
    zoomBase: { oauthBaseUrl: sandbox.url, apiBaseUrl: sandbox.url },
    sandboxUrl: sandbox.url,
    windowHost: host,
    logger: silentLogger,
  });
  host.attach(botdeck);
  return botdeck;
}

async function call<C extends DashboardChannel>(
  channel: C,
  payload: RequestInputOf<C>,
): Promise<Result<AnswerOf<C>>> {
  if (!botdeck) throw new Error('start() first');
  return botdeck.handleDashboard(channel, payload);
}

async function value<C extends DashboardChannel>(
  channel: C,
  payload: RequestInputOf<C>,
): Promise<AnswerOf<C>> {
  const result = await call(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

const sandboxCredentials = () => ({
  s2sAccountId: sandbox.account.accountId,
  clientId: sandbox.account.clientId,
  clientSecret: sandbox.account.clientSecret,
  sdkKey: sandbox.account.sdkKey,
  sdkSecret: sandbox.account.sdkSecret,
});

function demoAccountRequest(overrides: Partial<SaveAccountRequest> = {}): SaveAccountRequest {
  return {
    label: 'Support team',
    serviceUser: sandbox.account.userId,
    plan: 'pro',
    credentials: sandboxCredentials(),
    ...overrides,
  };
}

async function filesMentioning(dir: string, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    if (needles.some((needle) => text.includes(needle))) hits.push(name);
  }
  return hits;
}

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
  dataDir = await mkdtemp(join(tmpdir(), 'botdeck-accounts-'));
  if (canRun) {
    vault = createKeytarVault({
      keytar: await loadKeytar(),
      service: `Botdeck-test-${randomBytes(4).toString('hex')}`,
    });
  }
});
afterEach(async () => {
  await botdeck?.dispose();
  botdeck = null;
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(!canRun)('stored Zoom accounts (real keychain, sandbox as Zoom)', () => {
  it('a saved account keeps its secrets in the keychain only and puts the app in Zoom mode', async () => {
    await start();
    expect((await value('app:snapshot', {})).mode).toBe('sandbox');
    const state = await value('accounts:save', demoAccountRequest());
    expect(state.mode).toBe('zoom');
    const saved = state.accounts[0];
    expect(saved).toMatchObject({ label: 'Support team', hasSecrets: true, isSandbox: false });
    expect(state.accounts.at(-1)?.isSandbox).toBe(true);

    const stored = await vault.readSecrets(saved?.id ?? '');
    expect(stored?.clientSecret).toBe(sandbox.account.clientSecret);
    const secrets = [sandbox.account.clientSecret, sandbox.account.sdkSecret];
    expect(await filesMentioning(dataDir, secrets)).toEqual([]);
    expect(await filesMentioning(dataDir, [sandbox.account.clientId])).toEqual(['settings.json']);
    const snapshot = JSON.stringify(await value('app:snapshot', {}));
    for (const secret of secrets) expect(snapshot).not.toContain(secret);
  });

  it('Test connection shows the profile every bot inherits and keeps the result', async () => {
    await start();
    const { accounts } = await value('accounts:save', demoAccountRequest());
    const id = accounts[0]?.id ?? '';
    const { report, state } = await value('accounts:test', { accountId: id });
    expect(report.steps.map((step) => [step.step, step.ok])).toEqual([
      ['token', true],
      ['profile', true],
      ['zak', true],
    ]);
    expect(report.profile?.avatarUrl).toMatch(/\/avatars\//);
    expect(report.profile?.userType).toBe('Licensed');
    expect(state.accounts[0]?.avatarUrl).toBe(report.profile?.avatarUrl);
    expect(state.accounts[0]?.lastTest?.ok).toBe(true);
    // The ZAK the test minted is nowhere in what the dashboard got.
    const minted = (await audit(sandbox)).zaks.map((zak) => zak.token);
    expect(minted.length).toBeGreaterThan(0);
    for (const zak of minted) expect(JSON.stringify({ report, state })).not.toContain(zak);

    await botdeck?.dispose();
    await start();
    const again = await value('app:snapshot', {});
    expect(again.accounts[0]).toMatchObject({ id, hasSecrets: true, lastTest: { ok: true } });
  });

  it('says which step failed: a wrong client secret, then an unknown user', async () => {
    await start();
    const request = demoAccountRequest();
    const credentials = { ...sandboxCredentials(), clientSecret: 'not-the-secret' };
    const wrong = await value('accounts:save', { ...request, credentials });
    const id = wrong.accounts[0]?.id ?? '';
    const bad = await value('accounts:test', { accountId: id });
    expect(bad.report.steps[0]).toMatchObject({ step: 'token', ok: false });
    expect(bad.report.steps[0]?.message).toMatch(/client ID or client secret/i);
    expect(bad.report.steps[1]?.message).toMatch(/Not tried/);

    await value('accounts:save', {
      ...request,
      accountId: id,
      serviceUser: 'nobody@example.com',
    });
    const missing = await value('accounts:test', {
      accountId: id,
    });
    expect(missing.report.steps.map((step) => step.ok)).toEqual([true, false, false]);
    expect(missing.report.steps[1]?.message).toMatch(/does not exist/i);
  });

  it('bots launched under a stored account get the Zoom meeting client and a ZAK of its user', async () => {
    await start();
    const { accounts } = await value('accounts:save', demoAccountRequest());
    const meeting = await value('sandbox:create-meeting', {});
    await value('bots:launch', {
      meeting: meeting.meetingNumber,
      names: ['Zoom 1'],
      accountId: accounts[0]?.id,
    });
    await vi.waitFor(() => expect(host.tickets).toHaveLength(1));
    expect(host.tickets[0]).toMatchObject({ sdk: 'zoom', sandboxUrl: null, userName: 'Zoom 1' });
    const zaks = (await audit(sandbox)).zaks;
    expect(zaks.map((zak) => zak.token)).toContain(host.tickets[0]?.zak);
  });

  it('removing an account deletes its secrets and returns to sandbox mode', async () => {
    await start();
    const { accounts } = await value('accounts:save', demoAccountRequest());
    const id = accounts[0]?.id ?? '';
    const state = await value('accounts:delete', { accountId: id });
    expect(state.mode).toBe('sandbox');
    expect(state.accounts.map((account) => account.isSandbox)).toEqual([true]);
    expect(await vault.readSecrets(id)).toBeNull();
    const sandboxId = state.accounts[0]?.id ?? '';
    expect(await call('accounts:delete', { accountId: sandboxId })).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
  });
});

it('with no Secret Service, saving fails in plain words and nothing is written', async () => {
  const unavailable = new VaultUnavailableError('no_session_bus', { platform: 'linux' });
  await start(() => Promise.reject(unavailable));
  const result = await call('accounts:save', demoAccountRequest());
  expect(result).toEqual({
    ok: false,
    error: { code: 'vault_unavailable', message: unavailable.operatorMessage },
  });
  expect(unavailable.operatorMessage).toMatch(/gnome-keyring/);
  expect(await readdir(dataDir)).toEqual([]);
  // Sandbox mode keeps working, and the accounts panel knows why nothing can be saved.
  const snapshot = await value('app:snapshot', {});
  expect(snapshot.mode).toBe('sandbox');
  expect(snapshot.keychain).toMatchObject({ available: false, problem: 'no_session_bus' });
  expect(await call('sandbox:create-meeting', {})).toMatchObject({ ok: true });
});

it('where npm left keytar out, the first snapshot says so, with the commands that enable it', async () => {
  const missing = Object.assign(new Error("Cannot find package 'keytar' imported from /app"), {
    code: 'ERR_MODULE_NOT_FOUND',
  });
  // An account saved before keytar went missing: its card stays, without its secrets.
  await createSettingsStore({ dir: dataDir }).upsertAccount({
    id: 'zoom-kept',
    label: 'Kept',
    s2sAccountId: 'acct-kept',
    clientId: 'client-kept',
    sdkKey: 'sdk-kept',
    userId: 'bots@example.com',
    plan: 'pro',
  });
  await start(async () =>
    createKeytarVault({
      keytar: await loadKeytar({
        importModule: () => Promise.reject(missing),
        platform: 'linux',
        install: 'source',
      }),
    }),
  );
  const snapshot = await value('app:snapshot', {});
  expect(snapshot.keychain).toMatchObject({ available: false, problem: 'not_installed' });
  expect(snapshot.keychain.steps.map((step) => step.command)).toEqual([
    'sudo apt-get install build-essential libsecret-1-dev pkg-config',
    'npm install',
    'sudo apt-get install gnome-keyring',
  ]);
  // Said once, by the accounts panel, not again as a start-up notice.
  expect(snapshot.notices).toEqual([]);
  expect(snapshot.accounts.find((account) => account.id === 'zoom-kept')?.hasSecrets).toBe(false);

  const saved = await call('accounts:save', demoAccountRequest());
  expect(saved).toEqual({
    ok: false,
    error: { code: 'vault_unavailable', message: snapshot.keychain.message },
  });
  expect(await filesMentioning(dataDir, [sandbox.account.clientSecret])).toEqual([]);
  expect((await value('app:snapshot', {})).accounts).toHaveLength(2);
});
