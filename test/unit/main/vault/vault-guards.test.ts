// The vault's guards, driven by a stand-in that reproduces what keytar does in each keychain
// state (as recorded in vault-errors.ts), so every platform's CI can check them without a
// Secret Service. The same states against the real one: keychain-states.test.ts.
import { describe, expect, it } from 'vitest';
import { createKeytarVault } from '../../../../src/main/vault/keytar-vault';
import { loadKeytar, type KeytarLike } from '../../../../src/main/vault/load-keytar';
import {
  VaultUnavailableError,
  classifyKeychainMessage,
  operatorMessageFor,
} from '../../../../src/main/vault/vault-errors';
import { keytarSkipReason } from '../../../integration/vault/fixtures/keychain-needed';

const hasKeytar = (await keytarSkipReason()) === null;

/** keytar on a locked gnome-keyring: quiet nulls on read, an error on write, a crash on find. */
function lockedKeytar(): KeytarLike & { findCalls: number } {
  const fake = {
    findCalls: 0,
    getPassword: async () => null,
    deletePassword: async () => false,
    setPassword: async () => {
      throw new Error('Cannot create an item in a locked collection');
    },
    findCredentials: async () => {
      fake.findCalls += 1;
      throw new Error('segmentation fault (the real keytar takes the process down here)');
    },
  };
  return fake;
}

describe('vault guards', () => {
  it('never lists through keytar on a locked keyring, where keytar would crash the process', async () => {
    const keytar = lockedKeytar();
    const vault = createKeytarVault({ keytar, platform: 'linux' });
    await expect(vault.listAccountIds()).rejects.toMatchObject({
      name: 'VaultUnavailableError',
      reason: 'locked',
    });
    expect(keytar.findCalls).toBe(0);
  });

  it('reports a locked keyring instead of "no secrets" on reads and deletes', async () => {
    const vault = createKeytarVault({ keytar: lockedKeytar(), platform: 'linux' });
    await expect(vault.readSecrets('acct')).rejects.toBeInstanceOf(VaultUnavailableError);
    await expect(vault.secretStatus('acct')).rejects.toBeInstanceOf(VaultUnavailableError);
    await expect(vault.deleteSecrets('acct')).rejects.toBeInstanceOf(VaultUnavailableError);
  });

  it('keeps a secret out of the error even when the keychain library echoes it', async () => {
    const secret = 'echoed-secret-0123456789abcdef01';
    const keytar: KeytarLike = {
      ...lockedKeytar(),
      setPassword: async (_service, _account, password) => {
        throw new Error(`refused to store ${password}`);
      },
    };
    const error = await createKeytarVault({ keytar })
      .setSecrets('acct', { clientSecret: secret })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultUnavailableError);
    const { message, cause, operatorMessage } = error as VaultUnavailableError;
    expect(`${message} ${String(cause)} ${operatorMessage} ${JSON.stringify(error)}`).not.toContain(
      secret,
    );
    expect(cause).toBe('refused to store ••••');
  });

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_session_bus'],
    ['Could not connect: No such file or directory', 'no_session_bus'],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'no_secret_service',
    ],
    [
      'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
      'no_secret_service',
    ],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'no_keyring'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Timeout was reached', 'not_responding'],
    [
      'libsecret-1.so.0: cannot open shared object file: No such file or directory',
      'native_module',
    ],
    ['Something new and strange', 'unknown'],
  ])('reads "%s" as %s', (message, reason) => {
    expect(classifyKeychainMessage(message)).toBe(reason);
  });

  it('tells a Linux operator what to install or unlock, and that nothing went to a plain file', () => {
    expect(operatorMessageFor('no_secret_service', 'linux')).toContain(
      'apt install gnome-keyring libsecret-1-0',
    );
    expect(operatorMessageFor('locked', 'linux')).toMatch(/locked\. Unlock it/);
    expect(operatorMessageFor('unknown', 'darwin')).toContain('macOS Keychain');
    for (const platform of ['linux', 'darwin', 'win32']) {
      expect(operatorMessageFor('locked', platform)).toContain('Nothing was saved in a plain file');
    }
  });
});

describe('loadKeytar', () => {
  it.skipIf(!hasKeytar)('loads the real keytar with the four calls the vault uses', async () => {
    const keytar = await loadKeytar();
    for (const call of [
      'getPassword',
      'setPassword',
      'deletePassword',
      'findCredentials',
    ] as const) {
      expect(typeof keytar[call]).toBe('function');
    }
  });

  it('turns a native module that will not load into VaultUnavailableError, not a crash', async () => {
    const failure = new Error(
      'libsecret-1.so.0: cannot open shared object file: No such file or directory',
    );
    await expect(
      loadKeytar({
        importModule: () => Promise.reject(failure),
        platform: 'linux',
        install: 'packaged',
      }),
    ).rejects.toMatchObject({
      name: 'VaultUnavailableError',
      reason: 'native_module',
      cause: failure.message,
      steps: expect.arrayContaining([
        {
          text: expect.stringContaining('libsecret'),
          command: expect.stringContaining('libsecret-1-0'),
        },
      ]),
    });
  });

  it('refuses a module that is not keytar', async () => {
    await expect(loadKeytar({ importModule: async () => ({ default: {} }) })).rejects.toMatchObject(
      {
        reason: 'native_module',
      },
    );
  });
});
