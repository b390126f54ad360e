/**
 * Shell logic under a stand-in: the header's figure of what the bots use counts the bot windows'
 * renderers only, never the dashboard's renderer nor the browser, GPU and network processes the
 * app shares. On macOS and Windows from Electron's metrics; on Linux from /proc, here against
 * real processes standing in for the renderers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { processMemory } from '../../src/main/capacity/proc-memory';
import type { StandInBrowserWindow } from './stand-in/browser-window';
import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
const processes: ChildProcess[] = [];
afterEach(async () => {
  await kit?.dispose();
  kit = null;
  for (const child of processes.splice(0)) child.kill('SIGKILL');
});

async function botsInMeeting(kit: DesktopKit, names: string[]) {
  const { botIds } = await kit.launch(names);
  for (const id of botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
  const windows = names.map((name) => {
    const page = kit.pages.botPagesNamed(name)[0];
    if (!page) throw new Error(`No page for ${name}`);
    return page.window;
  });
  return { botIds, windows };
}

function dashboardWindow(kit: DesktopKit): StandInBrowserWindow {
  const bots = new Set(kit.pages.bots.map((page) => page.window));
  const found = kit.pages.loaded.find((page) => !bots.has(page.window));
  if (!found) throw new Error('No dashboard window');
  return found.window;
}

async function botMemoryMB(kit: DesktopKit): Promise<number | null> {
  const load = await kit.pages.dashboardApi().getLoad();
  if (!load.ok) throw new Error(load.error.message);
  return load.value.botMB;
}

/** A Node process holding `mb` of its own memory, standing in for a renderer. */
async function processHolding(mb: number): Promise<number> {
  const hold = `const b = Buffer.alloc(${mb * 1024 * 1024}, 1); setInterval(() => b.length, 60000)`;
  const child = spawn(process.execPath, ['-e', hold], { stdio: 'ignore' });
  processes.push(child);
  const pid = child.pid ?? -1;
  await vi.waitFor(async () => expect((await processMemory(pid))?.kB).toBeGreaterThan(mb * 1024));
  return pid;
}

describe('shell logic under a stand-in: the bots’ memory', () => {
  it('from Electron’s metrics counts the bot windows’ renderers, and only while they are open', async () => {
    kit = await startDesktop({ platform: 'darwin' });
    const { botIds, windows } = await botsInMeeting(kit, ['Memory 1', 'Memory 2']);
    const [first, second] = windows;
    if (!first || !second) throw new Error('Two bot windows expected');
    first.webContents.workingSetKB = 100 * 1024;
    second.webContents.workingSetKB = 80 * 1024;
    dashboardWindow(kit).webContents.workingSetKB = 300 * 1024;

    expect(await botMemoryMB(kit)).toBe(180);
    const load = await kit.pages.dashboardApi().getLoad();
    expect(load).toMatchObject({ ok: true, value: { botMeasure: 'rss', freeAssumed: false } });

    expect(await kit.pages.dashboardApi().leaveBot({ botId: botIds[0] ?? '' })).toMatchObject({
      ok: true,
    });
    await kit.waitForBot(botIds[0] ?? '', (bot) => bot.state === 'left');
    // A sample serves every dashboard for 2 s; the next one no longer has the closed window.
    await vi.waitFor(async () => expect(await botMemoryMB(kit as DesktopKit)).toBe(80), {
      timeout: 10_000,
      interval: 250,
    });
  });

  it.runIf(process.platform === 'linux')(
    'on Linux reads the bot renderers’ PSS from /proc, and not the dashboard’s',
    async () => {
      kit = await startDesktop({ platform: 'linux' });
      const { windows } = await botsInMeeting(kit, ['Proc 1']);
      const [bot] = windows;
      if (!bot) throw new Error('A bot window expected');
      bot.webContents.osProcessId = await processHolding(48);
      dashboardWindow(kit).webContents.osProcessId = await processHolding(96);

      const load = await kit.pages.dashboardApi().getLoad();
      if (!load.ok) throw new Error(load.error.message);
      expect(load.value.botMeasure).toBe('pss');
      const own = (await processMemory(bot.webContents.osProcessId))?.kB ?? 0;
      // The bot's stand-in renderer holds 48 MiB beside Node itself; the dashboard's 96 MiB.
      expect(load.value.botMB).toBeGreaterThan(48);
      expect(Math.abs((load.value.botMB ?? 0) - own / 1024)).toBeLessThan(16);
    },
  );
});
