import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_KEY_ENTRY, loadKeychainKey } from '../../../src/main/vault/keychain-key';
import { createKeytarVault } from '../../../src/main/vault/keytar-vault';
import { loadKeytar, type KeytarLike } from '../../../src/main/vault/load-keytar';
import { VaultUnavailableError } from '../../../src/main/vault/vault-errors';

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
if (!hasSessionBus) {
  console.warn('Skipping: the keychain key tests need scripts/with-keyring.sh (a Secret Service).');
}

describe.skipIf(!hasSessionBus)('a key of Botdeck’s own in a real keychain', () => {
  const service = `Botdeck-test-${randomBytes(4).toString('hex')}`;
  let keytar: KeytarLike;

  beforeAll(async () => {
    keytar = await loadKeytar();
  });

  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(service)) {
      await keytar.deletePassword(service, account);
    }
  });

  it('is made once, 32 random bytes, and the same key comes back on every later load', async () => {
    const first = await loadKeychainKey({ keytar, service, entry: ROSTER_KEY_ENTRY });
    expect(first).toHaveLength(32);
    const again = await loadKeychainKey({ keytar, service, entry: ROSTER_KEY_ENTRY });
    expect(again.equals(first)).toBe(true);
    const other = await loadKeychainKey({
      keytar,
      service: `${service}-b`,
      entry: ROSTER_KEY_ENTRY,
    });
    expect(other.equals(first)).toBe(false);
    await keytar.deletePassword(`${service}-b`, ROSTER_KEY_ENTRY);
  });

  it('is never listed as an account', async () => {
    await loadKeychainKey({ keytar, service, entry: ROSTER_KEY_ENTRY });
    const vault = createKeytarVault({ keytar, service });
    expect(await vault.listAccountIds()).toEqual([]);
  });
});

describe('a key without a keychain', () => {
  it('fails with the vault’s operator words, never a key that was not stored', async () => {
    const refusing: KeytarLike = {
      getPassword: () => Promise.resolve(null),
      setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      deletePassword: () => Promise.resolve(false),
      findCredentials: () => Promise.resolve([]),
    };
    const loading = loadKeychainKey({
      keytar: refusing,
      entry: ROSTER_KEY_ENTRY,
      platform: 'linux',
    });
    await expect(loading).rejects.toBeInstanceOf(VaultUnavailableError);
    await expect(loading).rejects.toMatchObject({ reason: 'locked' });
  });
});
