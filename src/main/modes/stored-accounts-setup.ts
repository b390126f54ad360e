/**
 * Where the operator's accounts live on this machine, for both hosts: settings in the app's
 * data folder, secrets in the OS keychain. The keychain is opened on first use, so a machine
 * without a Secret Service still starts (in sandbox mode) and says why when saving fails.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { StoredAccounts } from '../accounts/account-service';
import { createSettingsStore } from '../settings';
import {
  ROSTER_KEY_ENTRY,
  createKeytarVault,
  loadKeychainKey,
  loadKeytar,
  type CredentialVault,
} from '../vault';

export function storedAccountsIn(dataDir: string): StoredAccounts {
  let vault: Promise<CredentialVault> | null = null;
  return {
    settings: createSettingsStore({ dir: dataDir }),
    vault: () => {
      vault ??= loadKeytar()
        .then((keytar) => createKeytarVault({ keytar }))
        .catch((error: unknown) => {
          // Not cached: the operator may install or unlock a keyring and try again.
          vault = null;
          throw error;
        });
      return vault;
    },
  };
}

/**
 * Loads (or makes, the first time) the keychain key that seals the roster's meeting passcodes;
 * fails with `VaultUnavailableError` when there is no keychain (then they stay in memory).
 */
export async function loadRosterKey(): Promise<Buffer> {
  return loadKeychainKey({ keytar: await loadKeytar(), entry: ROSTER_KEY_ENTRY });
}

/**
 * The folder Electron's `app.getPath('userData')` gives Botdeck, computed without Electron so
 * the web host shares the desktop app's accounts.
 */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Botdeck');
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Botdeck');
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Botdeck');
}
