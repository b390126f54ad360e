/**
 * A stand-in for Electron's BrowserWindow, typed with `Pick` from Electron's declarations. It
 * keeps the options it was built with (so tests read every window's webPreferences), tracks
 * visibility and focus, and follows Electron's close rules: `close()` emits a cancellable
 * `close`, `destroy()` skips it, and both end in `closed` exactly once.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { StandInEvent } from './events';
import type { StandInSession } from './session';
import { StandInWebContents } from './web-contents';

type WindowApi = Pick<
  Electron.BrowserWindow,
  | 'loadURL'
  | 'show'
  | 'hide'
  | 'focus'
  | 'isFocused'
  | 'isVisible'
  | 'isMinimized'
  | 'minimize'
  | 'restore'
  | 'isDestroyed'
  | 'destroy'
  | 'close'
>;

/** What a window needs from the stand-in world it lives in. */
export interface WindowWorld {
  sessionFor(partition: string): StandInSession;
  windows: Set<StandInBrowserWindow>;
  /** Runs whatever page the test put at this URL (see support/pages.ts). */
  pageLoaded(window: StandInBrowserWindow, url: string): Promise<void>;
}

export class StandInBrowserWindow extends EventEmitter implements WindowApi {
  readonly webContents: StandInWebContents;
  /** Every URL loaded, in order. */
  readonly loads: string[] = [];
  private visible: boolean;
  private focused = false;
  private minimized = false;
  private destroyed = false;

  constructor(
    private readonly world: WindowWorld,
    readonly options: Electron.BrowserWindowConstructorOptions = {},
  ) {
    super();
    const partition = options.webPreferences?.partition ?? '';
    this.webContents = new StandInWebContents(world.sessionFor(partition));
    this.webContents.size = { width: options.width ?? 800, height: options.height ?? 600 };
    this.visible = options.show ?? true;
    world.windows.add(this);
  }

  get webPreferences(): Electron.WebPreferences {
    return this.options.webPreferences ?? {};
  }

  async loadURL(url: string): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.loads.push(url);
    this.webContents.mainFrame.url = url;
    await this.world.pageLoaded(this, url);
    if (!this.destroyed) this.emit('ready-to-show');
  }

  show(): void {
    this.visible = true;
    this.focused = true;
  }

  hide(): void {
    this.visible = false;
    this.focused = false;
  }

  focus(): void {
    this.focused = true;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isVisible(): boolean {
    return this.visible;
  }

  minimize(): void {
    this.minimized = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** What a click on the window's close button does. */
  close(): void {
    if (this.destroyed) return;
    const event = new StandInEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.markDestroyed();
    this.world.windows.delete(this);
    this.emit('closed');
  }

  /** The page stops answering (a busy loop, a deadlock). */
  becomeUnresponsive(): void {
    this.emit('unresponsive');
  }

  becomeResponsive(): void {
    this.emit('responsive');
  }
}
