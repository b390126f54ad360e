/**
 * Shell logic under an Electron stand-in: a bot window that crashes or stays unresponsive
 * reaches the fleet, which opens a new window and rejoins with a fresh ZAK; a bot window the
 * operator closes only hides, and the bot stays in its meeting.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import {
  botInMeeting,
  startDesktop,
  type DesktopKit,
  type DesktopKitOptions,
} from './support/desktop-kit';
import { participants } from '../support/sandbox-client';

/** Who the sandbox has in the meeting, by name. */
const namesIn = async (url: string, meetingNumber: string): Promise<string[]> =>
  (await participants({ url }, meetingNumber)).map((person) => person.displayName).sort();

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

async function oneBotInMeeting(options: DesktopKitOptions = {}) {
  kit = await startDesktop(options);
  return { kit, ...(await botInMeeting(kit, 'Support bot')) };
}

describe('shell logic under a stand-in: bot windows that go away', () => {
  it('a crashed bot window is replaced and the bot rejoins with a fresh ZAK, leaving no ghost', async () => {
    const { kit, id, meetingNumber, page } = await oneBotInMeeting();
    page.window.webContents.crash();
    const back = await kit.waitForBot(
      id,
      (bot) => bot.state === 'in_meeting' && kit.pages.botPagesNamed('Support bot').length === 2,
    );
    const second = kit.pages.botPagesNamed('Support bot')[1];
    expect(page.window.isDestroyed()).toBe(true);
    expect(second?.window.isDestroyed()).toBe(false);
    expect(second?.ticket?.zak).toMatch(/\S/);
    expect(second?.ticket?.zak).not.toBe(page.ticket?.zak);
    expect(back.state).toBe('in_meeting');
    // The crashed page's connection is gone: one "Support bot" in the meeting, not two.
    await vi.waitFor(async () =>
      expect(await namesIn(kit.pages.sandboxUrl(), meetingNumber)).toEqual(['Support bot']),
    );
  });

  it('a bot window that stays unresponsive is replaced and rejoins with a fresh ZAK', async () => {
    const { kit, id, page } = await oneBotInMeeting({ unresponsiveGraceMs: 50 });
    page.window.becomeUnresponsive();
    await kit.waitForBot(
      id,
      (bot) => bot.state === 'in_meeting' && kit.pages.botPagesNamed('Support bot').length === 2,
    );
    expect(page.window.isDestroyed()).toBe(true);
    expect(kit.pages.botPagesNamed('Support bot')[1]?.ticket?.zak).not.toBe(page.ticket?.zak);
  });

  it('a window that answers again before the grace runs out is kept', async () => {
    kit = await startDesktop({ unresponsiveGraceMs: 100 });
    const { botIds } = await kit.launch(['Patient', 'Stuck']);
    for (const id of botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
    const patient = kit.pages.botPagesNamed('Patient')[0];
    const stuck = kit.pages.botPagesNamed('Stuck')[0];
    patient?.window.becomeUnresponsive();
    patient?.window.becomeResponsive();
    stuck?.window.becomeUnresponsive();
    // The stuck one's grace has run out once it is replaced; the patient one's has too.
    await vi.waitFor(() => expect(kit?.pages.botPagesNamed('Stuck')).toHaveLength(2));
    expect(patient?.window.isDestroyed()).toBe(false);
    expect(kit.pages.botPagesNamed('Patient')).toHaveLength(1);
  });

  it('an operator who closes a bot window they watch only hides it: no leave, no rejoin', async () => {
    const { kit, id, meetingNumber, page } = await oneBotInMeeting({
      env: { BOTDECK_SHOW_BOTS: '1' },
    });
    expect(page.window.isVisible()).toBe(true);
    page.window.close();
    expect(page.window.isDestroyed()).toBe(false);
    expect(page.window.isVisible()).toBe(false);
    expect((await kit.snapshot()).bots.find((bot) => bot.id === id)?.state).toBe('in_meeting');
    expect(
      kit.world.allWindowsMade.filter((w) => w.webPreferences.preload?.endsWith('bot.cjs')),
    ).toHaveLength(1);
    expect(await namesIn(kit.pages.sandboxUrl(), meetingNumber)).toEqual(['Support bot']);
  });
});
