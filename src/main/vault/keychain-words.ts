/**
 * What an operator reads when the system keychain cannot be used: why, and what to install and
 * run to enable it on their OS. The keychain module's own fix depends on how Botdeck was
 * installed: from source, npm builds keytar (and leaves it out when the build fails); in a
 * packaged app it ships prebuilt, so reinstalling is the fix.
 */
import type { KeychainProblem, KeychainStep } from '../../shared/views';

/** How this Botdeck was installed, which decides how its keychain module is repaired. */
export type InstallKind = 'source' | 'packaged';

/**
 * From source unless this is an Electron app started without a path argument: the web host
 * runs on plain Node from a checkout, and `electron-vite` starts Electron with the app's folder
 * as its argument, which sets `process.defaultApp`; a packaged app has neither.
 */
export function installKindOf(proc: {
  versions: { node: string; electron?: string };
  defaultApp?: boolean;
}): InstallKind {
  return proc.versions.electron !== undefined && proc.defaultApp !== true ? 'packaged' : 'source';
}

const NOT_SAVED = 'Nothing was saved in a plain file; sandbox mode keeps working.';

const SOURCE_MODULE_WORDS = {
  not_installed:
    "Botdeck's keychain module (keytar) is not installed: npm leaves it out when it can neither " +
    'download it prebuilt nor compile it (no C/C++ compiler, or on Linux no libsecret ' +
    'development files).',
  native_module:
    "Botdeck's keychain module (keytar) is installed but could not be loaded (a missing " +
    'libsecret library, or a broken build).',
} as const;

const PACKAGED_MODULE_WORDS =
  "Botdeck's keychain module could not be loaded, so Botdeck can't store Zoom secrets.";

const LINUX_WORDS: Record<Exclude<KeychainProblem, keyof typeof SOURCE_MODULE_WORDS>, string> = {
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
  unknown:
    'The system keychain refused the request. Make sure a Secret Service such as gnome-keyring ' +
    'is running and unlocked in your desktop session and libsecret-1 is installed, then try again.',
};

const OTHER_WORDS: typeof LINUX_WORDS = {
  ...LINUX_WORDS,
  locked: 'The system keychain is locked. Unlock it, then try again.',
  unknown:
    'The system keychain (macOS Keychain or Windows Credential Manager) refused the request. ' +
    'Make sure it is unlocked, then try again.',
};

const step = (text: string, command: string | null = null): KeychainStep => ({ text, command });

const REINSTALL_FROM_SOURCE = step(
  "In Botdeck's folder, run npm install again (npm rebuild does not bring back a module npm " +
    'left out), then restart Botdeck.',
  'npm install',
);

/** What to install and run, per OS, to get keytar into a source checkout. */
const SOURCE_STEPS: Record<'linux' | 'darwin' | 'win32', KeychainStep[]> = {
  linux: [
    step(
      "Install a C/C++ compiler, libsecret's development files and pkg-config (Debian/Ubuntu; " +
        'Fedora: sudo dnf install gcc-c++ make libsecret-devel pkgconf-pkg-config).',
      'sudo apt-get install build-essential libsecret-1-dev pkg-config',
    ),
    REINSTALL_FROM_SOURCE,
    step(
      'Keep a Secret Service running and unlocked in your desktop session, such as gnome-keyring ' +
        '(or KeePassXC with its Secret Service integration).',
      'sudo apt-get install gnome-keyring',
    ),
  ],
  darwin: [
    step("Install Xcode's command line tools (the C/C++ compiler).", 'xcode-select --install'),
    REINSTALL_FROM_SOURCE,
  ],
  win32: [
    step(
      'Install Visual Studio Build Tools with the “Desktop development with C++” workload, and ' +
        "Python 3 (the Node.js installer's “Tools for Native Modules” option installs both).",
    ),
    REINSTALL_FROM_SOURCE,
  ],
};

function moduleSteps(platform: string, install: InstallKind): KeychainStep[] {
  if (install === 'packaged') {
    return platform === 'linux'
      ? [
          step(
            'Install libsecret and a Secret Service such as gnome-keyring.',
            'sudo apt-get install libsecret-1-0 gnome-keyring',
          ),
          step('Reinstall Botdeck.'),
        ]
      : [step('Reinstall Botdeck.')];
  }
  return platform === 'linux' || platform === 'darwin' || platform === 'win32'
    ? SOURCE_STEPS[platform]
    : SOURCE_STEPS.linux;
}

export interface KeychainHelp {
  /** Why, in operator words, ending with the promise that nothing went to a plain file. */
  message: string;
  /** What to install and run to enable the keychain (empty when the words say it all). */
  steps: KeychainStep[];
}

/** The words and steps for a problem on a platform (`process.platform` values). */
export function keychainHelp(
  problem: KeychainProblem,
  platform: string,
  install: InstallKind,
): KeychainHelp {
  if (problem === 'not_installed' || problem === 'native_module') {
    const why = install === 'packaged' ? PACKAGED_MODULE_WORDS : SOURCE_MODULE_WORDS[problem];
    return { message: `${why} ${NOT_SAVED}`, steps: moduleSteps(platform, install) };
  }
  const words = platform === 'linux' ? LINUX_WORDS : OTHER_WORDS;
  return { message: `${words[problem]} ${NOT_SAVED}`, steps: [] };
}
