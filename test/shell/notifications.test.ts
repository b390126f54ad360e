/**
 * Shell logic under a stand-in: the desktop app shows Botdeck's notifications with Electron's
 * own `Notification`, grouped as main groups them, and not at all once the operator turned
 * them off in the dashboard.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { startDesktop, type DesktopKit } from './support/desktop-kit';
import { fault } from '../support/sandbox-client';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

async function twoBotsInMeeting(): Promise<{ kit: DesktopKit; meetingNumber: string }> {
  kit = await startDesktop();
  const { botIds, meetingNumber } = await kit.launch(['Ada', 'Grace']);
  for (const id of botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
  return { kit, meetingNumber };
}

const grouped = (meetingNumber: string): string =>
  `2 bots left meeting ${meetingNumber.replace(/^(\d{3})(\d{3,4})(\d{3,4})$/, '$1 $2 $3')}: the host ended it`;

describe('shell logic under a stand-in: desktop notifications', () => {
  it('a meeting the host ends with two bots in it is one desktop notification', async () => {
    const { kit, meetingNumber } = await twoBotsInMeeting();
    expect((await kit.snapshot()).notifications).toEqual({ enabled: true, shownBy: 'desktop' });
    await fault({ url: kit.pages.sandboxUrl() }, `/meetings/${meetingNumber}/end`);
    await vi.waitFor(() => expect(kit.world.notificationsShown).toHaveLength(1), {
      timeout: 10_000,
    });
    expect(kit.world.notificationsShown[0]).toEqual({
      title: grouped(meetingNumber),
      body: 'Ada and Grace left.',
    });
  });

  it('shows none for what ends while they are off', async () => {
    const { kit, meetingNumber } = await twoBotsInMeeting();
    const api = kit.pages.dashboardApi();
    expect(await api.setNotifications({ enabled: false })).toEqual({
      ok: true,
      value: { enabled: false, shownBy: 'desktop' },
    });
    await fault({ url: kit.pages.sandboxUrl() }, `/meetings/${meetingNumber}/end`);
    for (const bot of (await kit.snapshot()).bots) {
      await kit.waitForBot(bot.id, (view) => view.state === 'left');
    }
    // On again: the next ended meeting is the one and only notification.
    await api.setNotifications({ enabled: true });
    const later = await kit.launch(['Linus']);
    await kit.waitForBot(later.botIds[0] as string, (bot) => bot.state === 'in_meeting');
    await fault({ url: kit.pages.sandboxUrl() }, `/meetings/${later.meetingNumber}/end`);
    await vi.waitFor(() => expect(kit.world.notificationsShown).toHaveLength(1), {
      timeout: 10_000,
    });
    expect(kit.world.notificationsShown[0]?.title).toContain('Linus left meeting');
  });
});
