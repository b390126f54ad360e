/**
 * Electron entry. Everything the desktop app does at start-up lives in `electron/desktop-app.ts`,
 * where the shell tests can run it against a stand-in for Electron; this file only starts it.
 */
import { runDesktopApp } from './electron/desktop-app';

runDesktopApp();
