/**
 * The vault's two error types and the mapping from what keytar/libsecret actually say to what an
 * operator can do about it. There is no plaintext fallback: when the keychain cannot be used,
 * the caller gets a `VaultUnavailableError` and saving fails with these words.
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

/** Why the keychain could not be used; a stable code for callers, the words are separate. */
export type VaultUnavailableReason =
  | 'no_session_bus'
  | 'no_secret_service'
  | 'no_keyring'
  | 'locked'
  | 'not_responding'
  | 'native_module'
  | 'unknown';

const NOT_SAVED = 'Nothing was saved in a plain file; sandbox mode keeps working.';

const LINUX_WORDS: Record<VaultUnavailableReason, string> = {
  no_session_bus:
    'Botdeck could not reach a desktop session (D-Bus), so it cannot use the system keychain. ' +
    'Start Botdeck from your desktop session with a Secret Service such as gnome-keyring ' +
    'running and unlocked, and libsecret-1 installed (Debian/Ubuntu: apt install gnome-keyring libsecret-1-0).',
  no_secret_service:
    'No system keychain (Secret Service) is running in this desktop session. Install and start ' +
    'one, such as gnome-keyring (Debian/Ubuntu: apt install gnome-keyring libsecret-1-0) or ' +
    'KeePassXC with Secret Service integration, unlock it, then try again.',
  no_keyring:
    'The system keychain has no default keyring yet. Create and unlock one (for example open ' +
    '"Passwords and Keys" and create a "Login" keyring, or log in to a GNOME session once), then try again.',
  locked:
    'The system keychain is locked. Unlock it (for example in "Passwords and Keys", or by ' +
    'answering the unlock prompt), then try again.',
  not_responding:
    'The system keychain did not answer. If an unlock prompt is open, answer it; otherwise ' +
    'restart the keyring service (for example gnome-keyring) and try again.',
  native_module:
    "Botdeck's keychain module (keytar) could not be loaded. Install libsecret-1 (Debian/Ubuntu: " +
    'apt install libsecret-1-0) and reinstall Botdeck.',
  unknown:
    'The system keychain refused the request. Make sure a Secret Service such as gnome-keyring ' +
    'is running and unlocked in your desktop session and libsecret-1 is installed, then try again.',
};

const OTHER_WORDS: Record<VaultUnavailableReason, string> = {
  ...LINUX_WORDS,
  locked: 'The system keychain is locked. Unlock it, then try again.',
  native_module:
    "Botdeck's keychain module (keytar) could not be loaded. Reinstall Botdeck, then try again.",
  unknown:
    'The system keychain (macOS Keychain or Windows Credential Manager) refused the request. ' +
    'Make sure it is unlocked, then try again.',
};

/** The operator-readable words for a reason on a platform (`process.platform` values). */
export function operatorMessageFor(reason: VaultUnavailableReason, platform: string): string {
  const words = platform === 'linux' ? LINUX_WORDS : OTHER_WORDS;
  return `${words[reason]} ${NOT_SAVED}`;
}

/** The OS keychain cannot be used right now. `message` equals `operatorMessage`. */
export class VaultUnavailableError extends Error {
  override readonly name = 'VaultUnavailableError';
  /** A stable code for IPC results. */
  readonly code = 'vault_unavailable';
  readonly reason: VaultUnavailableReason;
  /** What to install, start or unlock, in the operator's words. */
  readonly operatorMessage: string;

  /**
   * @param cause the keychain library's own message (never a secret: the vault redacts the
   *   values it was handling from it), kept for logs and bug reports.
   */
  constructor(reason: VaultUnavailableReason, options: { platform: string; cause?: string }) {
    const operatorMessage = operatorMessageFor(reason, options.platform);
    super(operatorMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.operatorMessage = operatorMessage;
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
