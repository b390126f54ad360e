/**
 * One stand-in Electron: the objects the shell imports from 'electron', all belonging to one
 * "run" of the app, plus what tests need to act as the OS and the pages. Shell tests mock the
 * module with `electronModule`, whose getters follow `resetElectronStandIn()`, so every test
 * gets a fresh app, fresh windows and fresh sessions while the shell's imports stay the same.
 */
import type * as Electron from 'electron';
import { StandInApp } from './app';
import { StandInBrowserWindow, type WindowWorld } from './browser-window';
import { StandInIpcMain } from './ipc';
import { StandInSession } from './session';

type PageHook = (window: StandInBrowserWindow, url: string) => Promise<void>;

export class ElectronStandIn implements WindowWorld {
  readonly app: StandInApp;
  readonly ipcMain = new StandInIpcMain();
  readonly windows = new Set<StandInBrowserWindow>();
  readonly sessions = new Map<string, StandInSession>();
  /** Schemes registered as privileged, and whether that happened before `ready` (it must). */
  readonly privilegedSchemes: Electron.CustomScheme[] = [];
  schemesRegisteredBeforeReady = true;
  /** URLs handed to the OS browser, and folders opened. */
  readonly openedExternally: string[] = [];
  /** Message boxes shown, and the button the "operator" presses (by index). */
  readonly messageBoxes: Electron.MessageBoxOptions[] = [];
  messageBoxAnswer = 0;
  /** Desktop notifications shown, in order. */
  readonly notificationsShown: Electron.NotificationConstructorOptions[] = [];
  /** Every window ever made, in order (closed ones included). */
  readonly allWindowsMade: StandInBrowserWindow[] = [];
  private pageHook: PageHook = async () => undefined;
  private ready = false;

  constructor(userData: string) {
    this.app = new StandInApp(userData);
    this.app.once('ready', () => (this.ready = true));
    this.app.metrics = () => this.processMetrics();
  }

  /** Processes no window owns, as Chromium reports them beside one renderer per window. */
  readonly sharedProcesses: { pid: number; type: Electron.ProcessMetric['type']; kB: number }[] = [
    { pid: 899_000_001, type: 'Browser', kB: 150_000 },
    { pid: 899_000_002, type: 'GPU', kB: 200_000 },
    { pid: 899_000_003, type: 'Utility', kB: 50_000 },
  ];

  private processMetrics(): Electron.ProcessMetric[] {
    const renderers = [...this.windows]
      .filter((window) => !window.isDestroyed())
      .map((window) => ({
        pid: window.webContents.osProcessId,
        type: 'Tab' as const,
        kB: window.webContents.workingSetKB,
      }));
    return [...this.sharedProcesses, ...renderers].map(({ pid, type, kB }) => ({
      pid,
      type,
      creationTime: 0,
      cpu: { percentCPUUsage: 0, idleWakeupsPerSecond: 0 },
      memory: { workingSetSize: kB, peakWorkingSetSize: kB },
    }));
  }

  sessionFor(partition: string): StandInSession {
    let found = this.sessions.get(partition);
    if (!found) {
      found = new StandInSession(partition);
      this.sessions.set(partition, found);
    }
    return found;
  }

  pageLoaded(window: StandInBrowserWindow, url: string): Promise<void> {
    return this.pageHook(window, url);
  }

  /** What runs when a window loads a URL (the tests' pages: support/pages.ts). */
  onPageLoad(hook: PageHook): void {
    this.pageHook = hook;
  }

  private built: StandInModule | null = null;

  /** The module object the shell gets for `import … from 'electron'`. */
  module(): StandInModule {
    this.built ??= buildModule(this);
    return this.built;
  }

  /** Called by `app` once it is ready. */
  isReady(): boolean {
    return this.ready;
  }
}

function buildModule(world: ElectronStandIn) {
  class BrowserWindow extends StandInBrowserWindow {
    constructor(options?: Electron.BrowserWindowConstructorOptions) {
      super(world, options);
      world.allWindowsMade.push(this);
    }
    static getAllWindows(): StandInBrowserWindow[] {
      return [...world.windows];
    }
  }
  class Notification {
    constructor(private readonly options: Electron.NotificationConstructorOptions) {}
    show(): void {
      world.notificationsShown.push(this.options);
    }
    static isSupported(): boolean {
      return true;
    }
  }
  return {
    app: world.app,
    BrowserWindow,
    Notification,
    ipcMain: world.ipcMain,
    session: {
      fromPartition: (partition: string) => world.sessionFor(partition),
      get defaultSession() {
        return world.sessionFor('');
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Electron.CustomScheme[]) => {
        if (world.isReady()) world.schemesRegisteredBeforeReady = false;
        world.privilegedSchemes.push(...schemes);
      },
    } satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged'>,
    shell: {
      openExternal: async (url: string) => {
        world.openedExternally.push(url);
      },
      openPath: async (path: string) => {
        world.openedExternally.push(path);
        return '';
      },
    } satisfies Pick<Electron.Shell, 'openExternal' | 'openPath'>,
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as Electron.MessageBoxOptions;
        world.messageBoxes.push(options);
        return { response: world.messageBoxAnswer, checkboxChecked: false };
      },
    },
  };
}

type StandInModule = ReturnType<typeof buildModule>;

let current: ElectronStandIn | null = null;

/** Starts a new stand-in world; `userData` is the folder `app.getPath('userData')` names. */
export function resetElectronStandIn(userData: string): ElectronStandIn {
  current = new ElectronStandIn(userData);
  return current;
}

export function standIn(): ElectronStandIn {
  if (!current) throw new Error('Call resetElectronStandIn() before using the stand-in');
  return current;
}

/**
 * For `vi.mock('electron', …)`: each export reads the current world, so modules that imported
 * `app` or `BrowserWindow` once see the world of the test that runs now.
 */
export const electronModule = {
  get app() {
    return standIn().app;
  },
  get BrowserWindow() {
    return standIn().module().BrowserWindow;
  },
  get ipcMain() {
    return standIn().ipcMain;
  },
  get session() {
    return standIn().module().session;
  },
  get protocol() {
    return standIn().module().protocol;
  },
  get shell() {
    return standIn().module().shell;
  },
  get dialog() {
    return standIn().module().dialog;
  },
  get Notification() {
    return standIn().module().Notification;
  },
};
