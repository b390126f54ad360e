/**
 * How both preloads reach main: `ipcRenderer.invoke` for calls, `ipcRenderer.on` for events.
 * Each preload builds its page's API over this from the contract's declarations; the bundler
 * inlines it into each preload, which may require nothing but electron.
 */
import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PageTransport } from '../shared/ipc-calls';

export const ipcTransport: PageTransport = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  listen(channel, listener) {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => ipcRenderer.removeListener(channel, handler);
  },
};
