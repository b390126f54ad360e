/**
 * Does the OS keychain work? Writes a probe item through the real vault, reads it back and
 * deletes it. Going through the vault (not keytar directly) gives the same answers the app gets
 * when an operator saves an account: the vault writes before it reads, so a locked keyring
 * answers "locked" instead of crashing keytar, and a keytar that is missing or cannot load comes
 * back as a `VaultUnavailableError` with words, not as a crash.
 *
 * The probe's values are random markers, not secrets; the item is deleted whatever happens.
 */
import { randomUUID } from 'node:crypto';
import type { CredentialVault } from '../vault';
import { VaultUnavailableError } from '../vault';
import {
  describeError,
  passed,
  problem,
  skipped,
  type CheckOutcome,
  type CheckSpec,
} from './diagnostic-check';

/** An account id no operator account gets (theirs are generated), so the probe touches nothing. */
export const KEYCHAIN_PROBE_ACCOUNT = 'botdeck-diagnostics-probe';

export interface KeychainCheckOptions {
  /** The app's vault loader; null when this Botdeck keeps no accounts. */
  vault: (() => Promise<CredentialVault>) | null;
  platform: NodeJS.Platform;
}

const KEYCHAIN_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'the macOS Keychain',
  win32: 'the Windows Credential Manager',
  linux: 'the system keychain (Secret Service)',
};

export function keychainCheck(options: KeychainCheckOptions): CheckSpec {
  return {
    id: 'keychain',
    title: 'OS keychain',
    required: true,
    timeoutMs: 10_000,
    onTimeout: (seconds) =>
      problem(
        `The system keychain did not answer within ${seconds} seconds.`,
        'If an unlock prompt is open, answer it; otherwise restart the keyring service (for ' +
          'example gnome-keyring) and run the checks again.',
      ),
    run: () => probeKeychain(options),
  };
}

async function probeKeychain(options: KeychainCheckOptions): Promise<CheckOutcome> {
  if (options.vault === null) return skipped('This Botdeck keeps no Zoom accounts.');
  const name = KEYCHAIN_NAMES[options.platform] ?? 'the system keychain';
  try {
    const vault = await options.vault();
    const marker = `probe-${randomUUID()}`;
    try {
      await vault.setSecrets(KEYCHAIN_PROBE_ACCOUNT, { clientSecret: marker, sdkSecret: marker });
      const read = await vault.readSecrets(KEYCHAIN_PROBE_ACCOUNT);
      if (read?.clientSecret !== marker || read.sdkSecret !== marker) {
        return problem(
          `Botdeck wrote a test item to ${name} but could not read it back.`,
          'Unlock the keychain and make sure no other program manages Botdeck’s items, then ' +
            'run the checks again.',
        );
      }
    } finally {
      await vault.deleteSecrets(KEYCHAIN_PROBE_ACCOUNT).catch(() => undefined);
    }
    return passed(`Wrote, read back and deleted a test item in ${name}.`);
  } catch (error) {
    if (error instanceof VaultUnavailableError) {
      // The same words and steps the accounts panel shows, commands included.
      const steps = error.steps.map((step) =>
        step.command ? `${step.text} Run: ${step.command}` : step.text,
      );
      return problem(
        `Botdeck cannot use ${name}, so it cannot store Zoom accounts.`,
        [error.operatorMessage, ...steps].join(' '),
      );
    }
    return problem(
      `Botdeck could not write, read back and delete a test item in ${name}: ${describeError(error)}`,
      'Make sure the keychain is running and unlocked, then run the checks again.',
    );
  }
}
