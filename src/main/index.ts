/**
 * Electron entry: app lifecycle only. Builds Botdeck from the host-agnostic parts (sandbox,
 * composition function) plus the Electron window host and IPC bridge.
 */
import { app, BrowserWindow } from 'electron';
import { createBotdeck, type Botdeck } from './app/create-botdeck';
import { registerAppScheme } from './electron/app-protocol';
import { openDashboardWindow } from './electron/dashboard-window';
import { createElectronBotWindows } from './electron/electron-bot-windows';
import { registerIpc } from './electron/ipc-bridge';
import { createSenderRegistry } from './electron/sender-registry';
import { createConsoleLogger } from './log/logger';
import { sandboxAccountConfig } from './modes/sandbox-account';
import { storedAccountsIn } from './modes/stored-accounts-setup';
import { startSandbox, type RunningSandbox } from './sandbox/sandbox-server';

const logger = createConsoleLogger();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let botdeck: Botdeck | null = null;
let sandbox: RunningSandbox | null = null;
let dashboard: BrowserWindow | null = null;
const senders = createSenderRegistry();

async function start(): Promise<void> {
  // The sandbox always runs: its demo account is there beside any Zoom account, and it is
  // what the app uses until the operator stores one.
  sandbox = await startSandbox({ port: 0 });
  const windowHost = createElectronBotWindows({
    senders,
    logger,
    showWindows: process.env.BOTDECK_SHOW_BOTS === '1',
  });
  const dataDir = app.getPath('userData');
  botdeck = await createBotdeck({
    accounts: [sandboxAccountConfig(sandbox)],
    storedAccounts: storedAccountsIn(dataDir),
    persistence: { dataDir },
    sandboxUrl: sandbox.url,
    windowHost,
    logger,
  });
  registerIpc(
    botdeck,
    senders,
    (channel, payload) => dashboard?.webContents.send(channel, payload),
    logger,
  );
  dashboard = await openDashboardWindow(senders);
  dashboard.on('closed', () => (dashboard = null));
}

app.on('second-instance', () => {
  if (dashboard?.isMinimized()) dashboard.restore();
  dashboard?.focus();
});

app.on('activate', () => {
  if (botdeck && BrowserWindow.getAllWindows().length === 0) {
    void openDashboardWindow(senders).then((window) => (dashboard = window));
  }
});

// Bot windows are hidden by default, so closing the dashboard means quitting on every platform.
app.on('window-all-closed', () => app.quit());

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting) return;
  quitting = true;
  event.preventDefault();
  void (async () => {
    await botdeck
      ?.dispose()
      .catch((error: unknown) => logger.error('Shutdown failed', { error: String(error) }));
    await sandbox?.close();
    app.exit(0);
  })();
});

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    logger.error('Botdeck could not start', { error: String(error) });
    app.exit(1);
  });
