/** The operator's window: the dashboard page, its own partition, no permissions at all. */
import { BrowserWindow, session } from 'electron';
import { APP_ORIGIN, DASHBOARD_URL_PATH } from '../pages/app-origin';
import { serveAppScheme } from './app-protocol';
import type { SenderRegistry } from './sender-registry';
import { guardNavigation, guardPermissions } from './window-guards';
import { DASHBOARD_PARTITION, RENDERER_DIR, secureWindowOptions } from './window-options';

export async function openDashboardWindow(senders: SenderRegistry): Promise<BrowserWindow> {
  const dashboardSession = session.fromPartition(DASHBOARD_PARTITION);
  serveAppScheme(dashboardSession, RENDERER_DIR);
  guardPermissions(dashboardSession, false);
  const window = new BrowserWindow(
    secureWindowOptions('dashboard', DASHBOARD_PARTITION, {
      width: 1280,
      height: 820,
      minWidth: 900,
      minHeight: 600,
      title: 'Botdeck',
      show: false,
    }),
  );
  const contentsId = window.webContents.id;
  senders.setDashboard(contentsId);
  guardNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => senders.setDashboard(null));
  await window.loadURL(`${APP_ORIGIN}${DASHBOARD_URL_PATH}`);
  return window;
}
