/**
 * How the web host starts the headless Chromium its bot pages run in. Two things matter beyond
 * Playwright's defaults: Chromium's own sandbox stays on (bot pages run Zoom's code and content),
 * and hidden pages are never throttled (a bot sits in a meeting for hours in a page nobody looks
 * at, and the Meeting SDK's keepalives must keep their pace).
 */
import type { Browser } from 'playwright-core';

/**
 * The features playwright-core 1.65 disables on its own command line. Chromium honours only the
 * last `--disable-features`, so the web host's own switch below must repeat them or it would
 * switch them back on; a test compares this list with what Playwright really passes.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Switches that keep a hidden page running at full pace. Playwright passes them today, but only
 * as its own defaults: they are named here because Botdeck depends on them (throttled timers
 * and a backgrounded renderer would starve the SDK's keepalives). Intensive wake-up throttling
 * (timers at most once a minute after five hidden minutes) is a feature no default turns off:
 * it is in the disabled features below.
 */
export const UNTHROTTLED_ARGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * Browser UI that headless Chromium still builds for every window, which is every browser
 * context: the omnibox's popups are WebUI pages (`chrome://omnibox-popup.top-chrome`) preloaded
 * into a renderer of their own, about 48 MB PSS per bot measured on Chromium 156, twice what the
 * bot page's own renderer costs. A bot never types in an address bar.
 */
export const UNUSED_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Chromium keeps a spare renderer process started ahead of the next navigation, but a spare
 * belongs to one browser context and every bot has its own: each new bot threw the spare away
 * and started another, measured as half the zygote's CPU during a launch of 20 bots.
 */
export const WASTED_PER_CONTEXT_FEATURES = ['SpareRendererForSitePerProcess'];

const DISABLED_FEATURES = [
  ...PLAYWRIGHT_DISABLED_FEATURES,
  'IntensiveWakeUpThrottling',
  ...UNUSED_UI_FEATURES,
  ...WASTED_PER_CONTEXT_FEATURES,
];

/** Flags for bot Chromium (and the e2e tests' own browser): quiet offline, and unthrottled. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
  // No fake media flags: bots join without audio or video (`isSupportAV: false`), so a bot page
  // asking for the microphone or camera is refused, as it is in the desktop app.
  ...UNTHROTTLED_ARGS,
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

export const ROOT_SANDBOX_WARNING =
  'Bot pages run without Chromium’s sandbox: Chromium refuses it as root. Run the web host as an ordinary user to keep Zoom content inside the sandbox.';

/**
 * Whether Chromium's sandbox can be on for a process with this user id. As root Chromium will
 * not start with it (it needs `--no-sandbox` there); everywhere else it stays on.
 */
export function chromiumSandboxFor(uid: number | undefined): boolean {
  return uid !== 0;
}

export interface LaunchBotChromiumOptions {
  executablePath: string;
  /** The process's user id (`process.getuid()`; undefined on Windows). */
  uid: number | undefined;
  /** Called when the sandbox has to be off; the caller logs it once per host. */
  onNoSandbox(): void;
}

export async function launchBotChromium(options: LaunchBotChromiumOptions): Promise<Browser> {
  const sandbox = chromiumSandboxFor(options.uid);
  if (!sandbox) options.onNoSandbox();
  // Loaded on first use: Playwright takes most of a second to import, which the web host's
  // start-up would otherwise wait for before any bot is wanted.
  const { chromium } = await import('playwright-core');
  // Playwright adds `--no-sandbox` itself unless `chromiumSandbox` is true.
  return chromium.launch({
    executablePath: options.executablePath,
    headless: true,
    chromiumSandbox: sandbox,
    args: CHROMIUM_ARGS,
  });
}
