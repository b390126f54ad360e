// What the accounts panel learns about the keychain from the real vault over keytar stand-ins
// that behave as keytar does in each state (see vault-errors.ts): unavailable with the fix,
// available again once a call succeeds, and a start that never waits on a silent keyring.
import { describe, expect, it } from 'vitest';
import { watchKeychain } from '../../../../src/main/accounts/keychain-status';
import { createKeytarVault, loadKeytar, type KeytarLike } from '../../../../src/main/vault';

/** keytar on a Linux keyring that can be locked and unlocked while Botdeck runs. */
function keyring(): KeytarLike & { locked: boolean } {
  const entries = new Map<string, string>();
  const fake = {
    locked: true,
    getPassword: async (_service: string, account: string) =>
      fake.locked ? null : (entries.get(account) ?? null),
    setPassword: async (_service: string, account: string, password: string) => {
      if (fake.locked) throw new Error('Cannot create an item in a locked collection');
      entries.set(account, password);
    },
    deletePassword: async (_service: string, account: string) =>
      !fake.locked && entries.delete(account),
    findCredentials: async () => [...entries].map(([account, password]) => ({ account, password })),
  };
  return fake;
}

const missingKeytar = (): Promise<never> =>
  Promise.reject(
    Object.assign(new Error("Cannot find package 'keytar' imported from /app/out/main/index.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    }),
  );

describe('keychain status', () => {
  it('is available until something says otherwise', () => {
    const status = watchKeychain(() => new Promise(() => undefined));
    expect(status.view()).toMatchObject({ available: true, problem: null, steps: [] });
  });

  it('a keytar npm left out: unavailable at start, with the commands that enable it', async () => {
    const status = watchKeychain(async () =>
      createKeytarVault({
        keytar: await loadKeytar({
          importModule: missingKeytar,
          platform: 'linux',
          install: 'source',
        }),
        platform: 'linux',
      }),
    );
    await status.probe(1_000);
    const view = status.view();
    expect(view).toMatchObject({ available: false, problem: 'not_installed' });
    expect(view.message).toContain('Nothing was saved in a plain file');
    expect(view.steps.map((step) => step.command)).toContain('npm install');
  });

  it('a locked keyring found by the start probe, cleared by the first save after unlocking', async () => {
    const keytar = keyring();
    const status = watchKeychain(async () => createKeytarVault({ keytar, platform: 'linux' }));
    await status.probe(1_000);
    expect(status.view()).toMatchObject({ available: false, problem: 'locked' });

    keytar.locked = false;
    await (await status.vault()).setSecrets('acct-1', { clientSecret: 'cs-1', sdkSecret: 'sk-1' });
    expect(status.view().available).toBe(true);
  });

  it('a refused input says nothing about the keychain', async () => {
    const keytar = keyring();
    const status = watchKeychain(async () => createKeytarVault({ keytar, platform: 'linux' }));
    await status.probe(1_000);
    await expect((await status.vault()).readSecrets('not:an:id')).rejects.toMatchObject({
      name: 'VaultInputError',
    });
    expect(status.view().problem).toBe('locked');
  });

  it('a keyring that does not answer holds the start up only until the deadline; its late answer counts', async () => {
    let answer: (error: Error) => void = () => undefined;
    const silent: KeytarLike = {
      ...keyring(),
      setPassword: () => new Promise((_resolve, reject) => (answer = reject)),
    };
    const status = watchKeychain(async () =>
      createKeytarVault({ keytar: silent, platform: 'linux' }),
    );
    await status.probe(20);
    expect(status.view().available).toBe(true);

    answer(new Error('Timeout was reached'));
    await expect.poll(() => status.view().problem).toBe('not_responding');
  });

  it('on macOS and Windows loading keytar is the whole check: no write that could prompt', async () => {
    const keytar = keyring();
    const status = watchKeychain(async () => createKeytarVault({ keytar, platform: 'darwin' }));
    await status.probe(1_000);
    expect(status.view().available).toBe(true);
  });
});
