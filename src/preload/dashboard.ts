/**
 * The dashboard's whole view of main: the contract's dashboard calls and events, nothing more.
 * No generic invoke, no secrets: main answers with views only. The API is built from the
 * contract's declarations, so it cannot miss a channel or expose a bot page's.
 */
import { contextBridge } from 'electron';
import { buildPageApi } from '../shared/ipc-calls';
import { IPC_CALLS, IPC_EVENTS, type DashboardApi } from '../shared/ipc-contract';
import { ipcTransport } from './ipc-transport';

const api = buildPageApi(IPC_CALLS, IPC_EVENTS, 'dashboard', ipcTransport) satisfies DashboardApi;

contextBridge.exposeInMainWorld('botdeck', api);
