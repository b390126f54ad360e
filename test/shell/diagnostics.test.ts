/**
 * Shell logic under an Electron stand-in: what the desktop app tells Diagnostics about itself
 * (its log file, a real bot window's isolation), the log file it writes, and that no secret a
 * bot page was handed ever reaches that file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

describe('shell logic under a stand-in: diagnostics and the log file', () => {
  it('Diagnostics shows the log file, opens its folder, and checks isolation in a bot window', async () => {
    kit = await startDesktop();
    const api = kit.pages.dashboardApi();
    const report = await api.runDiagnostics();
    if (!report.ok) throw new Error(report.error.message);
    const folder = join(kit.userData, 'logs');
    expect(report.value.log).toEqual({
      kind: 'file',
      folder,
      file: join(folder, 'botdeck.log'),
      canOpenFolder: true,
    });
    expect(report.value.checks.find((check) => check.id === 'bot-isolation')).toMatchObject({
      status: 'ok',
    });
    // The probe window is gone again, and no bot got a ticket from it.
    const probes = kit.world.allWindowsMade.filter((w) =>
      w.webPreferences.preload?.endsWith('bot.cjs'),
    );
    expect(probes).toHaveLength(1);
    expect(probes[0]?.isDestroyed()).toBe(true);
    expect(kit.pages.bots[0]?.ticket).toBeNull();

    expect(await api.openLogFolder()).toEqual({ ok: true, value: null });
    expect(kit.world.openedExternally).toEqual([folder]);
  });

  it('the log file records the run, and never a ZAK or a signature the bots were handed', async () => {
    kit = await startDesktop();
    const { botIds } = await kit.launch(['Logged 1', 'Logged 2']);
    for (const id of botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
    const secrets = kit.pages.bots.flatMap((page) => [page.ticket?.zak, page.ticket?.signature]);
    kit.world.app.quit();
    await kit.world.app.exited;

    const log = await readFile(join(kit.userData, 'logs', 'botdeck.log'), 'utf8');
    expect(log).toContain('Handed a bot its join ticket');
    expect(log).toContain('Launching bots');
    expect(secrets).toHaveLength(4);
    for (const secret of secrets) {
      expect(secret && secret.length > 8).toBe(true);
      expect(log).not.toContain(secret);
    }
  });
});
