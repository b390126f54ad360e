/**
 * The vault in the keychain states a Linux desktop really gets into, each built as a private
 * D-Bus session: a locked keyring, a Secret Service with no keyring at all, and a bus with no
 * Secret Service. Each must fail with VaultUnavailableError and its operator words, never a
 * crash (keytar's findCredentials segfaults on a locked keyring unless the vault guards it) and
 * never a silent "no secrets".
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AttemptSchema,
  TSX,
  VAULT_CHILD,
  WITH_KEYRING,
  canarySecrets,
  childEnv,
  filesContaining,
  lastJsonLine,
  run,
  type Attempt,
} from './fixtures/child-runs';
import { keytarSkipReason } from './fixtures/keychain-needed';

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
/** A Secret Service to put in each state, and keytar to talk to it. */
const canRun = hasSessionBus && (await keytarSkipReason()) === null;

/** A session bus that knows no services at all (no auto-started gnome-keyring). */
const BARE_BUS_CONFIG = (socketDir: string): string => `<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${socketDir}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

function expectEveryCallUnavailable(attempt: Attempt, reason: string, cause: string): void {
  for (const [call, result] of Object.entries(attempt)) {
    expect(result, call).toMatchObject({ ok: false, name: 'VaultUnavailableError', reason, cause });
  }
}

describe.skipIf(!canRun)('credential vault when the keychain is not usable', () => {
  const secrets = canarySecrets();
  const secretEnv = {
    BOTDECK_TEST_CLIENT_SECRET: secrets.clientSecret,
    BOTDECK_TEST_SDK_SECRET: secrets.sdkSecret,
  };
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'botdeck-keychain-states-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A fresh folder under root; `private` ones are 0700 as XDG_RUNTIME_DIR must be. */
  async function folder(name: string): Promise<string> {
    const path = join(root, name);
    await mkdir(path, { recursive: true, mode: 0o700 });
    return path;
  }

  it('a locked keyring fails every call as "locked", lists without crashing, and keeps secrets encrypted', async () => {
    const keyringData = await folder('locked/keyring-data');
    const appData = await folder('locked/app-data');

    // 1. Build a keyring with our secrets in it, through the same script the test suite uses.
    const seeded = await run(
      'bash',
      [WITH_KEYRING, TSX, VAULT_CHILD, 'seed', appData],
      childEnv({ ...secretEnv, WITH_KEYRING_DATA_DIR: keyringData }),
    );
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(lastJsonLine(seeded.stdout, z.object({ seeded: z.literal(true) }))).toEqual({
      seeded: true,
    });

    // 2. Reopen it in a new session without the password: the bus starts gnome-keyring on
    // demand and the login keyring stays locked (no display, so no unlock prompt can appear).
    const attempt = await run(
      'dbus-run-session',
      ['--', TSX, VAULT_CHILD, 'attempt', appData],
      childEnv({
        ...secretEnv,
        XDG_DATA_HOME: keyringData,
        XDG_RUNTIME_DIR: await folder('locked/runtime'),
      }),
    );
    expect(attempt.signal, 'the child must not crash').toBeNull();
    expect(attempt.code, attempt.stderr).toBe(0);
    const results = lastJsonLine(attempt.stdout, AttemptSchema);
    expectEveryCallUnavailable(results, 'locked', 'Cannot create an item in a locked collection');
    expect(results.setSecrets.ok === false && results.setSecrets.operatorMessage).toMatch(
      /^The system keychain is locked\. Unlock it/,
    );

    // The keyring file holds the secrets encrypted; settings.json holds none of them.
    expect(await filesContaining(root, [secrets.clientSecret, secrets.sdkSecret])).toEqual([]);
  });

  it('a Secret Service with no keyring at all fails every call as "no_keyring"', async () => {
    const attempt = await run(
      'dbus-run-session',
      ['--', TSX, VAULT_CHILD, 'attempt', await folder('empty/app-data')],
      childEnv({
        ...secretEnv,
        XDG_DATA_HOME: await folder('empty/keyring-data'),
        XDG_RUNTIME_DIR: await folder('empty/runtime'),
      }),
    );
    expect(attempt.code, attempt.stderr).toBe(0);
    const results = lastJsonLine(attempt.stdout, AttemptSchema);
    expectEveryCallUnavailable(
      results,
      'no_keyring',
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
    );
    expect(results.readSecrets.ok === false && results.readSecrets.operatorMessage).toMatch(
      /has no default keyring yet/,
    );
  });

  it('a session bus without any Secret Service fails every call as "no_secret_service"', async () => {
    const config = join(await folder('bare'), 'bus.conf');
    await writeFile(config, BARE_BUS_CONFIG(await folder('bare/socket')));
    const attempt = await run(
      'dbus-run-session',
      [`--config-file=${config}`, '--', TSX, VAULT_CHILD, 'attempt', await folder('bare/app-data')],
      childEnv(secretEnv),
    );
    expect(attempt.code, attempt.stderr).toBe(0);
    const results = lastJsonLine(attempt.stdout, AttemptSchema);
    expectEveryCallUnavailable(
      results,
      'no_secret_service',
      'The name org.freedesktop.secrets was not provided by any .service files',
    );
    expect(results.setSecrets.ok === false && results.setSecrets.operatorMessage).toMatch(
      /No system keychain \(Secret Service\) is running.*gnome-keyring/,
    );
    expect(await filesContaining(root, [secrets.clientSecret, secrets.sdkSecret])).toEqual([]);
  });
});
