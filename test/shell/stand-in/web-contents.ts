/**
 * A stand-in for Electron's WebContents and its frames. Typed with `Pick` from Electron's own
 * declarations, so a renamed or re-typed method fails the type check instead of leaving the
 * shell tests exercising an API that no longer exists. Besides the API the shell calls, it offers
 * what a page would do (navigate, open a window, attach a webview, crash) so guards can be tried.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { StandInEvent } from './events';
import type { StandInSession } from './session';

type WebContentsApi = Pick<
  Electron.WebContents,
  | 'send'
  | 'setWindowOpenHandler'
  | 'setAudioMuted'
  | 'isAudioMuted'
  | 'isDestroyed'
  | 'getURL'
  | 'executeJavaScript'
  | 'getOSProcessId'
>;
type OpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0];
type CaptureOptions = Parameters<Electron.WebContents['capturePage']>[1];

/**
 * A stand-in for the NativeImage a capture makes: a size and the words the page showed. Its
 * `resize` answers a stand-in too, so it is typed apart from Electron's `resize`.
 */
export class StandInNativeImage implements Pick<
  Electron.NativeImage,
  'isEmpty' | 'getSize' | 'toJPEG'
> {
  constructor(
    private readonly size: Electron.Size,
    readonly drawn: string,
  ) {}

  isEmpty(): boolean {
    return this.size.width === 0 || this.size.height === 0;
  }

  getSize(): Electron.Size {
    return { ...this.size };
  }

  /** Like Electron's: a missing height keeps the aspect ratio. */
  resize(options: Electron.ResizeOptions): StandInNativeImage {
    const width = options.width ?? this.size.width;
    const height = options.height ?? Math.round((this.size.height * width) / this.size.width);
    return new StandInNativeImage({ width, height }, this.drawn);
  }

  /** Not a real JPEG: the marker, the size and what was drawn, for tests to read back. */
  toJPEG(quality: number): Buffer {
    return Buffer.from(
      `JPEG q${quality} ${this.size.width}x${this.size.height}: ${this.drawn}`,
      'utf8',
    );
  }
}

/** A frame: the main one (`parent` null) or a subframe of it. */
export class StandInFrame implements Pick<Electron.WebFrameMain, 'url'> {
  constructor(
    public url: string,
    readonly parent: StandInFrame | null,
  ) {}
}

/** A listener the page's preload registered with ipcRenderer.on. */
type RendererListener = (event: { sender: unknown }, ...args: unknown[]) => void;

let nextId = 1;
/** Stand-in renderer pids: far above any pid the OS hands out, so none is a real process. */
const FIRST_RENDERER_PID = 900_000_000;

export class StandInWebContents extends EventEmitter implements WebContentsApi {
  readonly id = nextId++;
  /** The renderer's pid, as `getOSProcessId()` answers it; tests may point it at a real process. */
  osProcessId = FIRST_RENDERER_PID + this.id;
  /** The renderer's working set in KB, as `app.getAppMetrics()` reports it. */
  workingSetKB = 120_000;
  readonly mainFrame = new StandInFrame('', null);
  /** Everything main sent to the page, in order. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly rendererListeners = new Map<string, Set<RendererListener>>();
  private destroyed = false;
  private muted = false;
  private openHandler: OpenHandler | null = null;
  /** Answers `executeJavaScript` for the page now loaded (set by support/pages.ts). */
  evaluate: ((code: string) => unknown) | null = null;
  /** What the page shows, in words, for captures (set by support/pages.ts). */
  picture: () => string = () => this.getURL();
  /** The page's size: its window's content size. */
  size: Electron.Size = { width: 800, height: 600 };
  /** The options of every capture, in order. */
  readonly captures: CaptureOptions[] = [];

  constructor(readonly session: StandInSession) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    // Electron throws here too: sending to a destroyed window is a bug in the caller.
    if (this.destroyed) throw new Error('Object has been destroyed');
    const payload = structuredClone(args[0]);
    this.sent.push({ channel, payload });
    for (const listener of this.rendererListeners.get(channel) ?? []) {
      listener({ sender: null }, payload);
    }
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }

  setAudioMuted(muted: boolean): void {
    this.muted = muted;
  }

  isAudioMuted(): boolean {
    return this.muted;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  getOSProcessId(): number {
    return this.osProcessId;
  }

  async executeJavaScript(code: string): Promise<unknown> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    if (!this.evaluate) throw new Error('No page is loaded');
    return this.evaluate(code);
  }

  /** Typed by Electron's parameters; answers a stand-in image (see StandInNativeImage). */
  async capturePage(
    rect?: Electron.Rectangle,
    options?: CaptureOptions,
  ): Promise<StandInNativeImage> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.captures.push(options);
    const size = rect ? { width: rect.width, height: rect.height } : this.size;
    return new StandInNativeImage(size, this.picture());
  }

  /** Called by the window when it is destroyed. */
  markDestroyed(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** The page navigates (a link, `location = …`): true when the shell let it. */
  tryNavigate(url: string): boolean {
    return this.tryCancellable('will-navigate', url);
  }

  /** A server redirect during a load: true when the shell let it. */
  tryRedirect(url: string): boolean {
    return this.tryCancellable('will-redirect', url);
  }

  /** `<webview>` in the page: true when the shell let it attach. */
  tryAttachWebview(): boolean {
    const event = new StandInEvent();
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }

  /** `window.open` or a target=_blank link: what the shell's handler answers. */
  tryOpenWindow(url: string, disposition: 'foreground-tab' | 'new-window' = 'new-window') {
    if (!this.openHandler) return { action: 'allow' as const };
    return this.openHandler({
      url,
      frameName: '',
      features: '',
      disposition,
      referrer: { url: this.getURL(), policy: 'no-referrer' },
      postBody: undefined,
    } as Parameters<OpenHandler>[0]);
  }

  /** The renderer process dies. */
  crash(reason: Electron.RenderProcessGoneDetails['reason'] = 'crashed'): void {
    this.emit('render-process-gone', new StandInEvent(), { reason, exitCode: 139 });
  }

  /** A subframe (an iframe) at `url` inside this page. */
  subframe(url: string): StandInFrame {
    return new StandInFrame(url, this.mainFrame);
  }

  private tryCancellable(name: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = new StandInEvent();
    this.emit(name, event, url);
    return !event.defaultPrevented;
  }
}
