/**
 * Shell logic under an Electron stand-in: the dashboard window. It is Botdeck's dashboard from
 * the moment it exists, so updates sent while its page loads reach it; nothing is sent to a
 * dashboard that is gone; and a dashboard opened again (dock, second launch) is a full one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { IPC_EVENTS, type BotsChangedEvent } from '../../src/shared/ipc-contract';
import type { StandInBrowserWindow } from './stand-in/browser-window';
import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

const botUpdates = (window: StandInBrowserWindow | undefined): BotsChangedEvent[] =>
  (window?.webContents.sent ?? [])
    .filter((message) => message.channel === IPC_EVENTS.onBotsChanged.channel)
    .map((message) => message.payload as BotsChangedEvent);

describe('shell logic under a stand-in: the dashboard window', () => {
  it('bot updates sent while a dashboard is still loading reach it', async () => {
    /** Dashboards whose page finished loading, in order. */
    const loaded: StandInBrowserWindow[] = [];
    let whileLoading: (window: StandInBrowserWindow) => Promise<void> = async () => undefined;
    kit = await startDesktop({
      platform: 'darwin',
      pages: {
        whileDashboardLoads: async (window) => {
          await whileLoading(window);
          loaded.push(window);
        },
      },
    });
    const { botIds } = await kit.launch(['Watched']);
    const id = botIds[0] as string;
    await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
    kit.world.allWindowsMade[0]?.close();

    // Reopened from the dock; while that dashboard's page is still loading, the bot leaves.
    const botdeck = kit.botdeck;
    whileLoading = async (window) => {
      await botdeck?.handleDashboard('bots:leave', { botId: id });
      await vi.waitFor(() =>
        expect(botUpdates(window).flatMap((event) => event.bots.map((bot) => bot.state))).toContain(
          'left',
        ),
      );
    };
    kit.world.app.activate();
    await vi.waitFor(() => expect(loaded).toHaveLength(2));
    const states = botUpdates(loaded[1]).flatMap((event) => event.bots.map((bot) => bot.state));
    expect(states).toEqual(['leaving', 'left']);
  });

  it('nothing is sent to a closed dashboard, and the bots go on undisturbed', async () => {
    kit = await startDesktop({ platform: 'darwin' });
    const closed = kit.world.allWindowsMade[0];
    closed?.close();
    expect(closed?.isDestroyed()).toBe(true);
    // Launched with no dashboard open (the stand-in throws on a send to a destroyed window).
    const botdeck = kit.botdeck;
    const meeting = await botdeck?.handleDashboard('sandbox:create-meeting', {});
    if (!meeting?.ok) throw new Error('No meeting');
    const { meetingNumber, passcode } = meeting.value as {
      meetingNumber: string;
      passcode: string;
    };
    const launched = await botdeck?.handleDashboard('bots:launch', {
      meeting: meetingNumber,
      passcode,
      names: ['Unwatched'],
    });
    expect(launched?.ok).toBe(true);
    const running = kit;
    running.world.app.activate();
    await vi.waitFor(async () =>
      expect((await running.snapshot()).bots.map((bot) => bot.state)).toEqual(['in_meeting']),
    );
    expect(running.logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('a dashboard whose page fails to load is still shown, so the operator can close it', async () => {
    kit = await startDesktop({
      pages: {
        whileDashboardLoads: async () => {
          throw new Error('ERR_FAILED');
        },
      },
    });
    const dashboard = kit.world.allWindowsMade[0];
    expect(dashboard?.isVisible()).toBe(true);
    expect(kit.logs.map((entry) => entry.message)).toContain('The dashboard page did not load');
  });
});
