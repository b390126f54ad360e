/**
 * Shell logic under an Electron stand-in: one Botdeck per user. A second launch starts nothing
 * and touches no data file; the first instance brings its dashboard forward.
 */
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { resetElectronStandIn } from './stand-in/world';
import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

describe('shell logic under a stand-in: a single instance', () => {
  it('a second instance starts no service, opens no window, writes no file, and quits', async () => {
    kit = await startDesktop({ lock: false });
    expect(kit.botdeck).toBeNull();
    expect(kit.world.app.quitCalls).toBe(1);
    expect(kit.world.app.exitCode).toBe(0);
    expect(kit.world.allWindowsMade).toEqual([]);
    expect(kit.world.ipcMain.channels()).toEqual([]);
    expect(kit.world.privilegedSchemes).toEqual([]);
    expect(await readdir(kit.userData)).toEqual([]);
  });

  it('the first instance shows its dashboard again when a second one is launched', async () => {
    kit = await startDesktop();
    const dashboard = kit.world.allWindowsMade[0];
    dashboard?.minimize();
    dashboard?.hide();
    kit.world.app.launchSecondInstance();
    await vi.waitFor(() => expect(dashboard?.isFocused()).toBe(true));
    expect(dashboard?.isMinimized()).toBe(false);
    expect(dashboard?.isVisible()).toBe(true);
    expect(kit.world.allWindowsMade).toHaveLength(1);
  });

  it('src/main/index.ts asks for the lock before anything else', async () => {
    const world = resetElectronStandIn('/nonexistent/botdeck-data');
    world.app.lockAvailable = false;
    vi.resetModules();
    await import('../../src/main/index');
    expect(world.app.locksRequested).toBe(1);
    expect(world.app.exitCode).toBe(0);
    expect(world.allWindowsMade).toEqual([]);
  });
});
