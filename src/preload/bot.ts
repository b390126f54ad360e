/**
 * A bot page's narrow view of main: say ready (and get its own ticket, once), report status,
 * hear commands. Main knows which bot is calling from the sender, never from the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BOT_CHANNELS, EVENT_CHANNELS, type BotApi, type BotCommand } from '../shared/ipc-contract';

const api = {
  ready: () => ipcRenderer.invoke(BOT_CHANNELS.ready, {}),
  reportStatus: (report) => ipcRenderer.invoke(BOT_CHANNELS.status, report),
  onCommand: (listener) => {
    const handler = (_event: IpcRendererEvent, command: BotCommand): void => listener(command);
    ipcRenderer.on(EVENT_CHANNELS.botCommand, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNELS.botCommand, handler);
  },
} satisfies BotApi;

contextBridge.exposeInMainWorld('botdeckBot', api);
