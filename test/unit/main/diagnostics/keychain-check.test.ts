// The keychain check through the real vault code over stand-ins for keytar in each state (the
// states vault-errors.ts records). The real Secret Service: test/integration/diagnostics.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../src/main/diagnostics/diagnostic-check';
import {
  KEYCHAIN_PROBE_ACCOUNT,
  keychainCheck,
} from '../../../../src/main/diagnostics/keychain-check';
import { createKeytarVault, loadKeytar, type KeytarLike } from '../../../../src/main/vault';

/** A keychain in memory that behaves as an unlocked keyring does. */
function memoryKeytar(): KeytarLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  const key = (service: string, account: string) => `${service}/${account}`;
  return {
    items,
    getPassword: async (service, account) => items.get(key(service, account)) ?? null,
    setPassword: async (service, account, password) =>
      void items.set(key(service, account), password),
    deletePassword: async (service, account) => items.delete(key(service, account)),
    findCredentials: async () => [],
  };
}

async function run(vault: Parameters<typeof keychainCheck>[0]['vault']) {
  const [check] = await runChecks([keychainCheck({ vault, platform: 'linux' })]);
  if (!check) throw new Error('no check');
  return check;
}

describe('the keychain check', () => {
  it('writes, reads back and deletes its probe item, leaving nothing of its own behind', async () => {
    const keytar = memoryKeytar();
    const check = await run(async () => createKeytarVault({ keytar, platform: 'linux' }));
    expect(check).toMatchObject({
      status: 'ok',
      message: 'Wrote, read back and deleted a test item in the system keychain (Secret Service).',
    });
    const leftovers = [...keytar.items.keys()].filter((item) =>
      item.includes(KEYCHAIN_PROBE_ACCOUNT),
    );
    expect(leftovers).toEqual([]);
  });

  it('reports a locked keyring with the words for unlocking it', async () => {
    const locked: KeytarLike = {
      ...memoryKeytar(),
      getPassword: async () => null,
      setPassword: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
    };
    const check = await run(async () => createKeytarVault({ keytar: locked, platform: 'linux' }));
    expect(check.status).toBe('problem');
    expect(check.message).toBe(
      'Botdeck cannot use the system keychain (Secret Service), so it cannot store Zoom accounts.',
    );
    expect(check.fix).toContain('The system keychain is locked. Unlock it');
  });

  it('reports keytar that is not installed or cannot load as a problem with words, not a crash', async () => {
    const check = await run(async () =>
      createKeytarVault({
        keytar: await loadKeytar({
          importModule: () => Promise.reject(new Error("Cannot find package 'keytar'")),
          platform: 'linux',
        }),
      }),
    );
    expect(check.status).toBe('problem');
    expect(check.fix).toContain(
      "Botdeck's keychain module (keytar) is installed but could not be loaded",
    );
    // The fix says exactly what to install and run, as the accounts panel does.
    expect(check.fix).toContain('Run: sudo apt-get install');
  });

  it('is skipped where Botdeck keeps no accounts', async () => {
    expect((await run(null)).status).toBe('skipped');
  });
});
