/**
 * Where the desktop app finds its own files: under the app's root as Electron reports it
 * (`app.getAppPath()`: the project folder in `npm start`, `resources/app.asar` in a packaged
 * app), never from the source tree or the working directory.
 */
import { join } from 'node:path';

export interface AppPaths {
  /** The built pages (out/renderer), served as app://botdeck/. */
  rendererDir: string;
  dashboardPreload: string;
  botPreload: string;
  /** The app icon for window frames and the taskbar (macOS takes the bundle's .icns instead). */
  icon: string;
}

export function appPathsIn(appRoot: string): AppPaths {
  const out = join(appRoot, 'out');
  return {
    rendererDir: join(out, 'renderer'),
    dashboardPreload: join(out, 'preload', 'dashboard.cjs'),
    botPreload: join(out, 'preload', 'bot.cjs'),
    // Copied from src/renderer/public by the build; the dashboard's favicon is the same file.
    icon: join(out, 'renderer', 'icon.png'),
  };
}

/** The dashboard keeps its own persistent partition; bots get pooled in-memory ones. */
export const DASHBOARD_PARTITION = 'persist:dashboard';
