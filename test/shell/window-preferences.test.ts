/**
 * Shell logic under an Electron stand-in: every window Botdeck makes is built with the secure
 * web preferences, bot windows are never throttled and never share storage, and the pooled bot
 * partitions are wiped before another bot gets them.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import type { StandInBrowserWindow } from './stand-in/browser-window';
import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

const isBotWindow = (window: StandInBrowserWindow): boolean =>
  window.webPreferences.preload?.endsWith('bot.cjs') === true;

function expectLockedDown(window: StandInBrowserWindow): void {
  const prefs = window.webPreferences;
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
  });
  expect(prefs.disableBlinkFeatures?.split(',')).toContain('Auxclick');
  expect(prefs.preload && existsSync(prefs.preload)).toBe(true);
}

describe('shell logic under a stand-in: window preferences', () => {
  it('every window, dashboard and bots alike, is isolated, sandboxed and without Node', async () => {
    kit = await startDesktop();
    const { botIds } = await kit.launch(['A', 'B']);
    for (const id of botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
    expect(kit.world.allWindowsMade).toHaveLength(3);
    for (const window of kit.world.allWindowsMade) expectLockedDown(window);
    // Every window carries Botdeck's icon (window frame, taskbar).
    for (const window of kit.world.allWindowsMade) {
      const icon = window.options.icon;
      expect(typeof icon === 'string' && existsSync(icon) && icon.endsWith('icon.png')).toBe(true);
    }
  });

  it('the dashboard has its own persistent partition and keeps default throttling', async () => {
    kit = await startDesktop();
    const [dashboard] = kit.world.allWindowsMade;
    expect(dashboard?.webPreferences.partition).toBe('persist:dashboard');
    expect(dashboard?.webPreferences.preload).toMatch(/out[/\\]preload[/\\]dashboard\.cjs$/);
    expect(dashboard?.webPreferences.backgroundThrottling).toBeUndefined();
  });

  it('bot windows are hidden, muted, never throttled, each in an in-memory partition of its own', async () => {
    kit = await startDesktop();
    const { botIds } = await kit.launch(['A', 'B', 'C']);
    for (const id of botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
    const bots = kit.world.allWindowsMade.filter(isBotWindow);
    expect(bots).toHaveLength(3);
    for (const window of bots) {
      expect(window.webPreferences.backgroundThrottling).toBe(false);
      expect(window.options.show).toBe(false);
      expect(window.webContents.isAudioMuted()).toBe(true);
      expect(window.webPreferences.partition).not.toMatch(/^persist:/);
    }
    const partitions = new Set(bots.map((window) => window.webPreferences.partition));
    expect(partitions.size).toBe(3);
  });

  it('a later bot reuses a finished bot’s partition only after it was wiped', async () => {
    kit = await startDesktop();
    const first = await kit.launch(['Early 1', 'Early 2']);
    for (const id of first.botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
    const api = kit.pages.dashboardApi();
    await api.leaveAll();
    for (const id of first.botIds) await kit.waitForBot(id, (bot) => bot.state === 'left');
    const second = await kit.launch(['Late 1', 'Late 2']);
    for (const id of second.botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');

    const bots = kit.world.allWindowsMade.filter(isBotWindow);
    const early = new Set(bots.slice(0, 2).map((w) => w.webPreferences.partition));
    const late = new Set(bots.slice(2).map((w) => w.webPreferences.partition));
    // Bounded: the two later bots took the two partitions the earlier ones gave back...
    expect(late).toEqual(early);
    expect(kit.world.sessions.size).toBe(3); // dashboard + two bot partitions
    // ...and found nothing of the earlier bots' Zoom sessions in them.
    for (const page of kit.pages.bots) expect(page.storageAtStart.size).toBe(0);
    for (const partition of late) {
      expect(kit.world.sessions.get(partition ?? '')?.wipes).toBeGreaterThanOrEqual(1);
    }
  });
});
