/**
 * Shell logic under an Electron stand-in: what the dashboard and bot windows may do when their
 * page (or Zoom's code in it) tries to leave Botdeck: navigate, be redirected, open a window,
 * attach a webview.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import type { StandInWebContents } from './stand-in/web-contents';
import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

async function windows(): Promise<{ dashboard: StandInWebContents; bot: StandInWebContents }> {
  kit = await startDesktop();
  const { botIds } = await kit.launch(['Guarded']);
  await kit.waitForBot(botIds[0] as string, (bot) => bot.state === 'in_meeting');
  const [dashboardWindow, botWindow] = kit.world.allWindowsMade;
  if (!dashboardWindow || !botWindow) throw new Error('Expected two windows');
  return { dashboard: dashboardWindow.webContents, bot: botWindow.webContents };
}

const FOREIGN = [
  'https://evil.example/',
  'https://zoom.us/wc/leave',
  'http://127.0.0.1:9/dashboard/index.html',
  'file:///etc/passwd',
  'app://botdeck.evil.example/dashboard/index.html',
  'app://user@botdeck/dashboard/index.html',
  'javascript:alert(1)',
];

describe('shell logic under a stand-in: navigation and new windows', () => {
  it('no window navigates or is redirected away from app://botdeck', async () => {
    const { dashboard, bot } = await windows();
    for (const contents of [dashboard, bot]) {
      for (const url of FOREIGN) {
        expect(contents.tryNavigate(url), url).toBe(false);
        expect(contents.tryRedirect(url), url).toBe(false);
      }
      expect(contents.tryNavigate('app://botdeck/dashboard/index.html#accounts')).toBe(true);
    }
  });

  it('no window may attach a webview', async () => {
    const { dashboard, bot } = await windows();
    expect(dashboard.tryAttachWebview()).toBe(false);
    expect(bot.tryAttachWebview()).toBe(false);
  });

  it('the dashboard opens Zoom’s documentation in the browser, and nothing else', async () => {
    const { dashboard } = await windows();
    const allowed = 'https://marketplace.zoom.us/develop/create';
    expect(dashboard.tryOpenWindow(allowed)).toEqual({ action: 'deny' });
    for (const url of [
      'https://marketplace.zoom.us.evil.example/',
      'http://marketplace.zoom.us/',
      'https://user:pass@marketplace.zoom.us/',
      'https://evil.example/',
      'file:///etc/passwd',
      'app://botdeck/dashboard/index.html',
    ]) {
      expect(dashboard.tryOpenWindow(url, 'foreground-tab'), url).toEqual({ action: 'deny' });
    }
    expect(kit?.world.openedExternally).toEqual([allowed]);
  });

  it('a bot window opens nothing at all, not even Zoom’s own pages', async () => {
    const { bot } = await windows();
    for (const url of [
      'https://marketplace.zoom.us/',
      'https://zoom.us/',
      'https://evil.example/',
    ]) {
      expect(bot.tryOpenWindow(url)).toEqual({ action: 'deny' });
    }
    expect(kit?.world.openedExternally).toEqual([]);
    expect(kit?.logs.some((entry) => entry.message === 'Refused to open a window')).toBe(true);
  });
});
