import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarVault, type CredentialVault } from '../../../src/main/vault/keytar-vault';
import { loadKeytar, type KeytarLike } from '../../../src/main/vault/load-keytar';
import {
  AttemptSchema,
  TSX,
  VAULT_CHILD,
  canarySecrets,
  childEnv,
  countFiles,
  filesContaining,
  lastJsonLine,
  run,
} from './fixtures/child-runs';
import { keytarSkipReason } from './fixtures/keychain-needed';

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const SKIP_NOTE =
  'DBUS_SESSION_BUS_ADDRESS is unset: the keychain tests need a real Secret Service. Run them ' +
  'through scripts/with-keyring.sh (bash scripts/with-keyring.sh npx vitest run --project ' +
  'integration test/integration/vault).';
if (!hasSessionBus) console.warn(`Skipping: ${SKIP_NOTE}`);
/** A Secret Service (scripts/with-keyring.sh) and keytar to talk to it. */
const canRun = hasSessionBus && (await keytarSkipReason()) === null;

describe.skipIf(!canRun)(
  'credential vault on a real Secret Service (keytar + gnome-keyring)',
  () => {
    // A service of its own, so a run against a developer's own keychain never touches Botdeck's entries.
    const service = `Botdeck-test-${randomBytes(4).toString('hex')}`;
    let keytar: KeytarLike;
    let vault: CredentialVault;

    beforeAll(async () => {
      keytar = await loadKeytar();
      vault = createKeytarVault({ keytar, service });
    });

    afterAll(async () => {
      if (!keytar) return;
      for (const { account } of await keytar.findCredentials(service)) {
        await keytar.deletePassword(service, account);
      }
    });

    it('stores both secrets and reads them back, sealed against JSON, strings and inspection', async () => {
      const secrets = canarySecrets();
      await vault.setSecrets('acct-read', secrets);

      const read = await vault.readSecrets('acct-read');
      expect(read?.clientSecret).toBe(secrets.clientSecret);
      expect(read?.sdkSecret).toBe(secrets.sdkSecret);
      const views = [
        JSON.stringify(read),
        String(read),
        `${read}`,
        inspect(read),
        JSON.stringify({ read }),
      ];
      for (const view of views) {
        expect(view).not.toContain(secrets.clientSecret);
        expect(view).not.toContain(secrets.sdkSecret);
      }
      expect(JSON.parse(JSON.stringify(read))).toEqual({
        clientSecret: '•••• (32 chars)',
        sdkSecret: '•••• (32 chars)',
      });
      // Structured clone (Electron IPC) copies only enumerable fields: nothing crosses.
      expect(structuredClone({ ...read })).toEqual({});
    });

    it('keeps one keychain entry per secret, named <accountId>:client-secret and :sdk-secret', async () => {
      const secrets = canarySecrets();
      await vault.setSecrets('acct-layout', secrets);
      expect(await keytar.getPassword(service, 'acct-layout:client-secret')).toBe(
        secrets.clientSecret,
      );
      expect(await keytar.getPassword(service, 'acct-layout:sdk-secret')).toBe(secrets.sdkSecret);
    });

    it('replaces one secret and leaves the other as it was', async () => {
      const first = canarySecrets();
      const second = canarySecrets();
      await vault.setSecrets('acct-replace', first);
      await vault.setSecrets('acct-replace', { sdkSecret: second.sdkSecret });

      const read = await vault.readSecrets('acct-replace');
      expect(read?.clientSecret).toBe(first.clientSecret);
      expect(read?.sdkSecret).toBe(second.sdkSecret);
    });

    it('reports which secrets exist, and reads nothing while either is missing', async () => {
      expect(await vault.secretStatus('acct-partial')).toEqual({
        hasClientSecret: false,
        hasSdkSecret: false,
      });
      await vault.setSecrets('acct-partial', { clientSecret: canarySecrets().clientSecret });

      expect(await vault.secretStatus('acct-partial')).toEqual({
        hasClientSecret: true,
        hasSdkSecret: false,
      });
      expect(await vault.readSecrets('acct-partial')).toBeNull();
    });

    it('lists exactly the accounts that have at least one secret', async () => {
      await vault.setSecrets('list-both', canarySecrets());
      await vault.setSecrets('list-sdk-only', { sdkSecret: canarySecrets().sdkSecret });
      await vault.setSecrets('list-gone', canarySecrets());
      await vault.deleteSecrets('list-gone');

      const ids = await vault.listAccountIds();
      expect(ids).toEqual(expect.arrayContaining(['list-both', 'list-sdk-only']));
      expect(ids).not.toContain('list-gone');
      // The write-check entry the vault keeps is not an account.
      expect(ids.every((id) => !id.includes('probe'))).toBe(true);
    });

    it("keeps two accounts' secrets apart, and deleting one leaves the other", async () => {
      const alpha = canarySecrets();
      const beta = canarySecrets();
      await vault.setSecrets('alpha', alpha);
      await vault.setSecrets('beta', beta);

      expect((await vault.readSecrets('alpha'))?.clientSecret).toBe(alpha.clientSecret);
      expect((await vault.readSecrets('beta'))?.clientSecret).toBe(beta.clientSecret);

      await vault.deleteSecrets('alpha');
      expect(await vault.readSecrets('alpha')).toBeNull();
      expect(await vault.secretStatus('alpha')).toEqual({
        hasClientSecret: false,
        hasSdkSecret: false,
      });
      expect((await vault.readSecrets('beta'))?.sdkSecret).toBe(beta.sdkSecret);
    });

    it('deletes an account that has nothing stored without complaint', async () => {
      await expect(vault.deleteSecrets('never-stored')).resolves.toBeUndefined();
    });

    it('refuses bad account ids and secrets with words that do not repeat the value', async () => {
      const secret = canarySecrets().clientSecret;
      const failures = await Promise.all([
        vault.setSecrets('bad:id', { clientSecret: secret }).catch((e: unknown) => e),
        vault.setSecrets('ok-id', { clientSecret: `${secret} ${secret}` }).catch((e: unknown) => e),
        vault.setSecrets('ok-id', { clientSecret: 'x'.repeat(513) }).catch((e: unknown) => e),
        vault.setSecrets('ok-id', { clientSecret: '  ' }).catch((e: unknown) => e),
      ]);
      for (const failure of failures) {
        expect(failure).toMatchObject({ name: 'VaultInputError', code: 'invalid_request' });
        expect(String((failure as Error).message)).not.toContain(secret);
      }
      expect((failures[1] as Error).message).toBe(
        'The client secret must not contain spaces or control characters.',
      );
      expect(await vault.secretStatus('ok-id')).toEqual({
        hasClientSecret: false,
        hasSdkSecret: false,
      });
    });

    it('uses the keychain service "Botdeck" unless told otherwise', async () => {
      const defaultVault = createKeytarVault({ keytar });
      const id = `default-service-${randomBytes(4).toString('hex')}`;
      const secrets = canarySecrets();
      await defaultVault.setSecrets(id, secrets);
      try {
        expect(await keytar.getPassword('Botdeck', `${id}:client-secret`)).toBe(
          secrets.clientSecret,
        );
      } finally {
        await defaultVault.deleteSecrets(id);
      }
      expect(await keytar.getPassword('Botdeck', `${id}:client-secret`)).toBeNull();
    });
  },
);

describe('with no Secret Service reachable', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'botdeck-no-keychain-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('fails every call with VaultUnavailableError saying what to install, and writes no secret anywhere', async () => {
    const secrets = canarySecrets();
    const appData = join(root, 'app-data');
    // Every place a fallback could write to points inside `root`, which is scanned afterwards.
    const env = childEnv({
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
      HOME: join(root, 'home'),
      XDG_DATA_HOME: join(root, 'xdg-data'),
      XDG_CONFIG_HOME: join(root, 'xdg-config'),
      BOTDECK_TEST_CLIENT_SECRET: secrets.clientSecret,
      BOTDECK_TEST_SDK_SECRET: secrets.sdkSecret,
    });

    const child = await run(TSX, [VAULT_CHILD, 'attempt', appData], env);
    expect(child.code, child.stderr).toBe(0);

    const attempt = lastJsonLine(child.stdout, AttemptSchema);
    for (const result of Object.values(attempt)) {
      expect(result).toMatchObject({
        ok: false,
        name: 'VaultUnavailableError',
        reason: 'no_session_bus',
        cause: 'Could not connect: No such file or directory',
      });
    }
    const { setSecrets } = attempt;
    expect(setSecrets.ok === false && setSecrets.operatorMessage).toMatch(
      /Secret Service such as gnome-keyring running and unlocked, and libsecret-1 installed/,
    );
    expect(setSecrets.ok === false && setSecrets.operatorMessage).toMatch(
      /Nothing was saved in a plain file/,
    );

    // The non-secret half of the account was saved; no secret is anywhere under root.
    expect(await countFiles(root)).toBeGreaterThan(0);
    expect(await filesContaining(root, [secrets.clientSecret, secrets.sdkSecret])).toEqual([]);
    expect(child.stdout + child.stderr).not.toContain(secrets.clientSecret);
    expect(child.stdout + child.stderr).not.toContain(secrets.sdkSecret);
  });
});
