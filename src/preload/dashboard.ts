/**
 * The dashboard's whole view of main: the typed calls of the contract, nothing more.
 * No generic invoke, no secrets: main answers with views only.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  DASHBOARD_CHANNELS,
  EVENT_CHANNELS,
  type BotsChangedEvent,
  type DashboardApi,
} from '../shared/ipc-contract';

const api = {
  getSnapshot: () => ipcRenderer.invoke(DASHBOARD_CHANNELS.snapshot, {}),
  launchBots: (request) => ipcRenderer.invoke(DASHBOARD_CHANNELS.launch, request),
  leaveBot: (request) => ipcRenderer.invoke(DASHBOARD_CHANNELS.leave, request),
  leaveAll: () => ipcRenderer.invoke(DASHBOARD_CHANNELS.leaveAll, {}),
  createSandboxMeeting: () => ipcRenderer.invoke(DASHBOARD_CHANNELS.createSandboxMeeting, {}),
  saveAccount: (request) => ipcRenderer.invoke(DASHBOARD_CHANNELS.saveAccount, request),
  deleteAccount: (request) => ipcRenderer.invoke(DASHBOARD_CHANNELS.deleteAccount, request),
  testAccount: (request) => ipcRenderer.invoke(DASHBOARD_CHANNELS.testAccount, request),
  relaunchStopped: (request) => ipcRenderer.invoke(DASHBOARD_CHANNELS.relaunchStopped, request),
  dismissStopped: (request) => ipcRenderer.invoke(DASHBOARD_CHANNELS.dismissStopped, request),
  listHistory: (request) => ipcRenderer.invoke(DASHBOARD_CHANNELS.listHistory, request),
  exportHistory: () => ipcRenderer.invoke(DASHBOARD_CHANNELS.exportHistory, {}),
  setRelaunchAfterRestart: (request) =>
    ipcRenderer.invoke(DASHBOARD_CHANNELS.setRelaunchAfterRestart, request),
  runDiagnostics: () => ipcRenderer.invoke(DASHBOARD_CHANNELS.runDiagnostics, {}),
  openLogFolder: () => ipcRenderer.invoke(DASHBOARD_CHANNELS.openLogFolder, {}),
  onBotsChanged: (listener) => {
    const handler = (_event: IpcRendererEvent, payload: BotsChangedEvent): void =>
      listener(payload);
    ipcRenderer.on(EVENT_CHANNELS.botsChanged, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNELS.botsChanged, handler);
  },
} satisfies DashboardApi;

contextBridge.exposeInMainWorld('botdeck', api);
