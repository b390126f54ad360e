/**
 * The vault's two error types and the mapping from what keytar/libsecret actually say to what an
 * operator can do about it (the words: `keychain-words.ts`). There is no plaintext fallback:
 * when the keychain cannot be used, the caller gets a `VaultUnavailableError` and saving fails
 * with those words.
 *
 * Messages observed on Debian 12 with keytar 7.9.0, libsecret 0.20 and gnome-keyring 42 (every
 * operation fails the same way unless noted):
 * - `DBUS_SESSION_BUS_ADDRESS` unset, no X11: "Cannot autolaunch D-Bus without X11 $DISPLAY"
 * - bus address pointing nowhere: "Could not connect: No such file or directory"
 * - a bus with no Secret Service: "The name org.freedesktop.secrets was not provided by any
 *   .service files" (findCredentials prefixes "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: ")
 * - gnome-keyring running without any keyring: setPassword "Object does not exist at path
 *   “/org/freedesktop/secrets/collection/login”"; reads return nothing, without an error
 * - keyring locked: setPassword "Cannot create an item in a locked collection"; getPassword
 *   returns null and deletePassword false WITHOUT an error, and findCredentials crashes the
 *   process (keytar reads a NULL secret), which is why the vault probes before those calls.
 */

import type { KeychainProblem, KeychainStep } from '../../shared/views';
import { installKindOf, keychainHelp, type InstallKind } from './keychain-words';

/** Why the keychain could not be used; a stable code for callers, the words are separate. */
export type VaultUnavailableReason = KeychainProblem;

/** The operator-readable words for a reason on a platform (`process.platform` values). */
export function operatorMessageFor(
  reason: VaultUnavailableReason,
  platform: string,
  install: InstallKind = installKindOf(process),
): string {
  return keychainHelp(reason, platform, install).message;
}

/** The OS keychain cannot be used right now. `message` equals `operatorMessage`. */
export class VaultUnavailableError extends Error {
  override readonly name = 'VaultUnavailableError';
  /** A stable code for IPC results. */
  readonly code = 'vault_unavailable';
  readonly reason: VaultUnavailableReason;
  /** What to install, start or unlock, in the operator's words. */
  readonly operatorMessage: string;
  /** What to install and run to enable the keychain, in order (may be empty). */
  readonly steps: KeychainStep[];

  /**
   * @param cause the keychain library's own message (never a secret: the vault redacts the
   *   values it was handling from it), kept for logs and bug reports.
   * @param install how Botdeck was installed (from `process` by default): it decides how the
   *   keychain module is repaired.
   */
  constructor(
    reason: VaultUnavailableReason,
    options: { platform: string; cause?: string; install?: InstallKind },
  ) {
    const help = keychainHelp(reason, options.platform, options.install ?? installKindOf(process));
    super(help.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.operatorMessage = help.message;
    this.steps = help.steps;
  }
}

/** An input the vault refuses (bad account id, empty or oversized secret). Never holds the value. */
export class VaultInputError extends Error {
  override readonly name = 'VaultInputError';
  readonly code = 'invalid_request';
  /** Which input was wrong: `accountId`, `clientSecret`, `sdkSecret` or `secrets`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** Recognised keytar/libsecret (and macOS/Windows) messages, most specific first. */
const PATTERNS: ReadonlyArray<readonly [RegExp, VaultUnavailableReason]> = [
  [/locked collection|is locked|keychain is locked|user interaction is not allowed/i, 'locked'],
  [/prompt.*(dismiss|cancel)|dismissed|cancell?ed/i, 'locked'],
  [/object does not exist at path .*\/collection\//i, 'no_keyring'],
  [/no such (secret )?collection|collection .*not found/i, 'no_keyring'],
  [/org\.freedesktop\.secrets|serviceunknown|secret service/i, 'no_secret_service'],
  [
    /cannot autolaunch d-bus|could not connect|dbus_session_bus_address|dbus-launch/i,
    'no_session_bus',
  ],
  [/timeout was reached|timed out|noreply/i, 'not_responding'],
  [
    /libsecret|cannot open shared object|compiled against a different node|\.node\b/i,
    'native_module',
  ],
];

/** Picks the reason for a keychain library's error message. */
export function classifyKeychainMessage(message: string): VaultUnavailableReason {
  for (const [pattern, reason] of PATTERNS) {
    if (pattern.test(message)) return reason;
  }
  return 'unknown';
}

/** The message of anything thrown, as a string. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
