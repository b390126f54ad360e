/**
 * Shell logic under an Electron stand-in: the IPC bridge and the preloads. Calls are answered
 * only for the windows main created, from their top frame, on app://; each preload exposes its
 * page's API and nothing more.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { IPC_CALLS, IPC_EVENTS, type PageKind } from '../../src/shared/ipc-contract';
import { runPreload } from './support/preload-runner';
import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

/** The methods the contract declares for a kind of page: its calls and its event subscriptions. */
const methodsOf = (page: PageKind): string[] =>
  [...Object.entries(IPC_CALLS), ...Object.entries(IPC_EVENTS)]
    .filter(([, declaration]) => declaration.page === page)
    .map(([method]) => method)
    .sort();

const FORBIDDEN = { ok: false, error: { code: 'forbidden', message: expect.any(String) } };

async function desktopWithOneBot(): Promise<DesktopKit> {
  kit = await startDesktop();
  const { botIds } = await kit.launch(['Caller']);
  await kit.waitForBot(botIds[0] as string, (bot) => bot.state === 'in_meeting');
  return kit;
}

describe('shell logic under a stand-in: the IPC bridge', () => {
  it('registers exactly the contract’s channels', async () => {
    kit = await startDesktop();
    expect(kit.world.ipcMain.channels().sort()).toEqual(
      Object.values(IPC_CALLS)
        .map((declaration) => declaration.channel)
        .sort(),
    );
  });

  it('answers the dashboard’s top frame, and refuses its subframes and foreign pages', async () => {
    const kit = await desktopWithOneBot();
    const dashboard = kit.world.allWindowsMade[0]?.webContents;
    if (!dashboard) throw new Error('No dashboard');
    const { ipcMain } = kit.world;
    expect(await ipcMain.invoke(dashboard, 'app:snapshot', {})).toMatchObject({
      ok: true,
    });
    const iframe = dashboard.subframe('app://botdeck/dashboard/index.html');
    expect(await ipcMain.invoke(dashboard, 'app:snapshot', {}, iframe)).toMatchObject(FORBIDDEN);
    expect(await ipcMain.invoke(dashboard, 'bots:leave-all', {}, null)).toMatchObject(FORBIDDEN);
    dashboard.mainFrame.url = 'https://evil.example/';
    expect(await ipcMain.invoke(dashboard, 'bots:leave-all', {})).toMatchObject(FORBIDDEN);
    // Nothing was left: the bot is still in its meeting.
    dashboard.mainFrame.url = 'app://botdeck/dashboard/index.html';
    expect((await kit.snapshot()).bots.map((bot) => bot.state)).toEqual(['in_meeting']);
  });

  it('refuses windows main did not create, and pages calling the other kind’s channels', async () => {
    const kit = await desktopWithOneBot();
    const { ipcMain } = kit.world;
    const { BrowserWindow } = kit.world.module();
    const stranger = new BrowserWindow({ show: false });
    stranger.webContents.mainFrame.url = 'app://botdeck/dashboard/index.html';
    expect(await ipcMain.invoke(stranger.webContents, 'bots:leave-all', {})).toMatchObject(
      FORBIDDEN,
    );
    expect(await ipcMain.invoke(stranger.webContents, 'bot:ready', {})).toMatchObject(FORBIDDEN);

    const botWindow = kit.pages.bots[0]?.window;
    const dashboard = kit.world.allWindowsMade[0]?.webContents;
    if (!botWindow || !dashboard) throw new Error('Expected both windows');
    expect(await ipcMain.invoke(botWindow.webContents, 'bots:leave-all', {})).toMatchObject(
      FORBIDDEN,
    );
    expect(await ipcMain.invoke(dashboard, 'bot:ready', {})).toMatchObject(FORBIDDEN);
    expect((await kit.snapshot()).bots.map((bot) => bot.state)).toEqual(['in_meeting']);
  });

  it('a bot page gets its own ticket once; asking again gets nothing', async () => {
    const kit = await desktopWithOneBot();
    const page = kit.pages.bots[0];
    if (!page) throw new Error('No bot page');
    expect(page.ticket?.userName).toBe('Caller');
    const again = await kit.world.ipcMain.invoke(page.window.webContents, 'bot:ready', {});
    expect(again).toMatchObject({ ok: false });
    expect(JSON.stringify(again)).not.toContain(page.ticket?.zak ?? 'no zak');
  });

  it('the preloads expose their page’s API and nothing else, needing only electron', async () => {
    kit = await startDesktop();
    const contents = kit.world.allWindowsMade[0]?.webContents;
    if (!contents) throw new Error('No dashboard');
    const dashboard = runPreload('dashboard', contents, kit.world.ipcMain);
    expect(Object.keys(dashboard)).toEqual(['botdeck']);
    // One method per dashboard call, plus the event subscription.
    expect(Object.keys(dashboard.botdeck as object).sort()).toEqual(methodsOf('dashboard'));
    expect(methodsOf('dashboard')).toContain('onBotsChanged');
    const bot = runPreload('bot', contents, kit.world.ipcMain);
    expect(Object.keys(bot)).toEqual(['botdeckBot']);
    expect(Object.keys(bot.botdeckBot as object).sort()).toEqual([
      'onCommand',
      'ready',
      'reportCommandResult',
      'reportStatus',
    ]);
  });
});
