/**
 * A bot page's narrow view of main: say ready (and get its own ticket, once), report status,
 * hear commands. Main knows which bot is calling from the sender, never from the page. The API
 * is built from the contract's declarations of bot calls, so it holds no dashboard call.
 */
import { contextBridge } from 'electron';
import { buildPageApi } from '../shared/ipc-calls';
import { IPC_CALLS, IPC_EVENTS, type BotApi } from '../shared/ipc-contract';
import { ipcTransport } from './ipc-transport';

const api = buildPageApi(IPC_CALLS, IPC_EVENTS, 'bot', ipcTransport) satisfies BotApi;

contextBridge.exposeInMainWorld('botdeckBot', api);
