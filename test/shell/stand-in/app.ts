/**
 * A stand-in for Electron's `app`, typed with `Pick` from Electron's declarations: the single
 * instance lock, readiness, paths, and the quit sequence (`before-quit`, cancellable; then the
 * windows close; then the process exits). Tests drive it like the OS would: become ready, launch
 * a second instance, click the dock icon, press Quit.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { StandInEvent } from './events';

type AppApi = Pick<
  Electron.App,
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'whenReady'
  | 'getPath'
  | 'getAppPath'
  | 'isPackaged'
  | 'getAppMetrics'
>;

export class StandInApp extends EventEmitter implements AppApi {
  isPackaged = false;
  /** Whether this process gets the single-instance lock (false: another instance runs). */
  lockAvailable = true;
  locksRequested = 0;
  /** How often `quit()` was called; `exitCode` is set once the process would end. */
  quitCalls = 0;
  exitCode: number | null = null;
  private readonly paths: Record<string, string>;
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private markExited!: (code: number) => void;
  /** Resolves with the exit code when the process would end. */
  readonly exited = new Promise<number>((resolve) => (this.markExited = resolve));

  constructor(userData: string) {
    super();
    this.paths = { userData };
  }

  requestSingleInstanceLock(): boolean {
    this.locksRequested++;
    return this.lockAvailable;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`The stand-in has no path for ${name}`);
    return path;
  }

  /** The project folder, where `npm run build` put `out/` (as in `npm start`). */
  getAppPath(): string {
    return process.cwd();
  }

  /** Every process of the app and its memory (set by the world: its windows' renderers). */
  metrics: () => Electron.ProcessMetric[] = () => [];

  getAppMetrics(): Electron.ProcessMetric[] {
    return this.metrics();
  }

  quit(): void {
    this.quitCalls++;
    const event = new StandInEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented || this.exitCode !== null) return;
    this.exit(0);
  }

  exit(code = 0): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    this.markExited(code);
  }

  /** Electron finished starting. */
  becomeReady(): void {
    this.markReady();
    this.emit('ready');
  }

  /** Another launch of the app (it lost the lock and handed over to us). */
  launchSecondInstance(): void {
    this.emit('second-instance', new StandInEvent(), [], process.cwd(), {});
  }

  /** The macOS dock icon was clicked. */
  activate(): void {
    this.emit('activate', new StandInEvent(), false);
  }
}
