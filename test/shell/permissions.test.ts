/**
 * Shell logic under an Electron stand-in: the permission handlers of the dashboard's and the
 * bots' sessions. Bot pages must reach the embedded sandbox on loopback (Chromium's Local
 * Network Access asks first); nothing else is granted, media included.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import type { StandInSession } from './stand-in/session';
import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

const APP_PAGE = 'app://botdeck/bot/index.html';
const DENIED = [
  'media',
  'notifications',
  'geolocation',
  'clipboard-read',
  'display-capture',
  'local-network',
  'openExternal',
  'hid',
  'usb',
  'serial',
] as const;

async function sessions(): Promise<{ dashboard: StandInSession; bot: StandInSession }> {
  kit = await startDesktop();
  const { botIds } = await kit.launch(['Listener']);
  await kit.waitForBot(botIds[0] as string, (bot) => bot.state === 'in_meeting');
  const [dashboardWindow, botWindow] = kit.world.allWindowsMade;
  if (!dashboardWindow || !botWindow) throw new Error('Expected two windows');
  return { dashboard: dashboardWindow.webContents.session, bot: botWindow.webContents.session };
}

describe('shell logic under a stand-in: permissions', () => {
  it('bot and dashboard pages may reach loopback (the sandbox), from app:// only', async () => {
    const { dashboard, bot } = await sessions();
    for (const session of [dashboard, bot]) {
      expect(await session.askPermission('loopback-network', APP_PAGE)).toBe(true);
      expect(await session.askPermission('local-network-access', APP_PAGE)).toBe(true);
      expect(session.checkPermission('loopback-network', 'app://botdeck')).toBe(true);
      expect(await session.askPermission('loopback-network', 'https://evil.example/')).toBe(false);
      expect(session.checkPermission('loopback-network', 'http://127.0.0.1:9')).toBe(false);
    }
  });

  it('everything else is refused, for bots (no microphone or camera) and the dashboard', async () => {
    const { dashboard, bot } = await sessions();
    for (const session of [dashboard, bot]) {
      for (const permission of DENIED) {
        expect(await session.askPermission(permission, APP_PAGE)).toBe(false);
        expect(session.checkPermission(permission, 'app://botdeck')).toBe(false);
      }
    }
  });
});
