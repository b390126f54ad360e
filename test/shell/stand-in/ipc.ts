/**
 * Stand-ins for ipcMain (main side) and for what a sandboxed preload gets from
 * `require('electron')` (ipcRenderer, contextBridge), typed with `Pick` from Electron's
 * declarations. A call from a page reaches the handler the shell registered with the page's own
 * WebContents as sender and the calling frame as senderFrame, and payloads are structured-cloned
 * both ways as Electron does, so nothing that would not survive real IPC passes here.
 */
import type * as Electron from 'electron';
import type { StandInFrame, StandInWebContents } from './web-contents';

type Handler = Parameters<Electron.IpcMain['handle']>[1];
type RendererListener = (event: Electron.IpcRendererEvent, ...args: unknown[]) => void;

export class StandInIpcMain implements Pick<Electron.IpcMain, 'handle' | 'removeHandler'> {
  private readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** `ipcRenderer.invoke` from `sender`'s frame (its main frame unless another is given). */
  async invoke(
    sender: StandInWebContents,
    channel: string,
    payload: unknown,
    frame: StandInFrame | null = sender.mainFrame,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': No handler registered`);
    const event = { sender, senderFrame: frame, processId: 1, frameId: 1 };
    const answer: unknown = await handler(
      event as unknown as Electron.IpcMainInvokeEvent,
      structuredClone(payload),
    );
    return structuredClone(answer);
  }
}

/** What one page's preload sees as the `electron` module. */
export interface RendererElectron {
  ipcRenderer: Pick<Electron.IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
  contextBridge: Pick<Electron.ContextBridge, 'exposeInMainWorld'>;
}

/** The page side of one window: its preload's view of Electron, and what it exposed. */
export function rendererElectronFor(
  contents: StandInWebContents,
  ipcMain: StandInIpcMain,
  exposed: Record<string, unknown>,
): RendererElectron {
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => ipcMain.invoke(contents, channel, args[0]),
    on(channel: string, listener: RendererListener) {
      const set = contents.rendererListeners.get(channel) ?? new Set();
      set.add(listener as never);
      contents.rendererListeners.set(channel, set);
      return ipcRenderer as unknown as Electron.IpcRenderer;
    },
    removeListener(channel: string, listener: RendererListener) {
      contents.rendererListeners.get(channel)?.delete(listener as never);
      return ipcRenderer as unknown as Electron.IpcRenderer;
    },
  };
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        if (key in exposed)
          throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
        exposed[key] = api;
      },
    },
  };
}
