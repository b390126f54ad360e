/**
 * Shell logic under an Electron stand-in: quitting. Bots leave their meetings and the history is
 * written before the process exits, a second quit cannot cut that short, a leave that hangs
 * cannot hold the quit forever, and closing the dashboard means what each platform expects.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { startDesktop, type DesktopKit, type DesktopKitOptions } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

async function botsInMeeting(names: string[], options: DesktopKitOptions = {}) {
  kit = await startDesktop(options);
  const { botIds } = await kit.launch(names);
  for (const id of botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
  return { kit, botIds };
}

async function historyKinds(userData: string): Promise<string[]> {
  const text = await readFile(join(userData, 'history.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { kind: string }).kind);
}

describe('shell logic under a stand-in: quitting', () => {
  it('bots leave their meetings and the history is written before the app exits', async () => {
    const { kit } = await botsInMeeting(['Quitter 1', 'Quitter 2']);
    kit.world.app.quit();
    expect(kit.world.app.exitCode).toBeNull(); // held for the clean-up
    expect(await kit.world.app.exited).toBe(0);
    for (const page of kit.pages.bots) expect(page.statuses).toContain('left');
    const kinds = await historyKinds(kit.userData);
    expect(kinds.filter((kind) => kind === 'leave')).toHaveLength(2);
    expect(kinds.indexOf('leave')).toBeGreaterThan(kinds.lastIndexOf('join'));
  });

  it('a second quit during the clean-up waits for it instead of cutting it short', async () => {
    const { kit } = await botsInMeeting(['Patient']);
    kit.world.app.quit();
    kit.world.app.quit();
    kit.world.app.emit('window-all-closed');
    expect(kit.world.app.exitCode).toBeNull();
    await kit.world.app.exited;
    expect(kit.pages.bots[0]?.statuses).toContain('left');
    expect(await historyKinds(kit.userData)).toContain('leave');
  });

  it('a bot that never confirms leaving cannot hold the quit forever', async () => {
    const { kit } = await botsInMeeting(['Stubborn'], {
      pages: { ignoreLeave: true },
      quitTimeoutMs: 300,
      botdeck: { leaveGraceMs: 600_000 },
    });
    kit.world.app.quit();
    expect(await kit.world.app.exited).toBe(0);
    expect(kit.logs.map((entry) => entry.message)).toContain(
      'Quitting before the clean-up finished: it took too long',
    );
  });

  it('on Windows and Linux, closing the dashboard with live bots asks, and Cancel keeps all', async () => {
    const { kit, botIds } = await botsInMeeting(['Kept'], { platform: 'linux' });
    kit.world.messageBoxAnswer = 1; // Cancel
    const dashboard = kit.world.allWindowsMade[0];
    dashboard?.close();
    await vi.waitFor(() => expect(kit.world.messageBoxes).toHaveLength(1));
    expect(kit.world.messageBoxes[0]?.message).toBe('A bot is still in a meeting.');
    expect(dashboard?.isDestroyed()).toBe(false);
    expect(kit.world.app.quitCalls).toBe(0);
    expect((await kit.waitForBot(botIds[0] as string, () => true)).state).toBe('in_meeting');
  });

  it('on Windows and Linux, confirming the close quits, taking the bots out first', async () => {
    const { kit } = await botsInMeeting(['Out 1', 'Out 2'], { platform: 'win32' });
    kit.world.messageBoxAnswer = 0; // Quit and take bots out
    kit.world.allWindowsMade[0]?.close();
    expect(await kit.world.app.exited).toBe(0);
    expect(kit.world.messageBoxes[0]?.message).toBe('2 bots are still in meetings.');
    for (const page of kit.pages.bots) expect(page.statuses).toContain('left');
  });

  it('closing the dashboard with no live bot quits without asking', async () => {
    kit = await startDesktop({ platform: 'linux' });
    kit.world.allWindowsMade[0]?.close();
    expect(await kit.world.app.exited).toBe(0);
    expect(kit.world.messageBoxes).toEqual([]);
  });

  it('on macOS, closing the dashboard keeps the bots running and the dock brings it back', async () => {
    const { kit, botIds } = await botsInMeeting(['Mac bot'], { platform: 'darwin' });
    const first = kit.world.allWindowsMade[0];
    first?.close();
    expect(first?.isDestroyed()).toBe(true);
    expect(kit.world.app.exitCode).toBeNull();
    kit.world.app.activate();
    await vi.waitFor(() => expect(kit.world.allWindowsMade).toHaveLength(3));
    const reopened = kit.world.allWindowsMade[2];
    expect(reopened?.webPreferences.partition).toBe('persist:dashboard');
    const bot = await kit.waitForBot(botIds[0] as string, () => true);
    expect(bot.state).toBe('in_meeting');
    // A second click on the dock icon focuses the open dashboard instead of opening another.
    kit.world.app.activate();
    expect(kit.world.allWindowsMade).toHaveLength(3);
  });
});
