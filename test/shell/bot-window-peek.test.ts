/**
 * Shell logic under a stand-in: Peek captures a bot's own window (hidden, and kept hidden),
 * scaled down for the thumbnail; Open window shows a bot's window to the operator, and closing
 * it hides it again while the bot stays in its meeting.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { botInMeeting, startDesktop, type DesktopKit } from './support/desktop-kit';
import { participants } from '../support/sandbox-client';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

async function oneBotInMeeting() {
  kit = await startDesktop();
  return { kit, ...(await botInMeeting(kit, 'Support bot')) };
}

describe('shell logic under a stand-in: seeing a bot', () => {
  it('Peek captures the hidden bot window, scaled to the thumbnail, without showing it', async () => {
    const { kit, id, meetingNumber, page } = await oneBotInMeeting();
    const frame = await kit.pages.dashboardApi().peekBot({ botId: id });
    if (!frame.ok) throw new Error(frame.error.message);
    expect(frame.value).toMatchObject({ botId: id, width: 320, height: 225 });
    const drawn = Buffer.from(frame.value.image.split(',')[1] ?? '', 'base64').toString('utf8');
    expect(drawn).toBe(
      `JPEG q60 320x225: Support bot · meeting ${meetingNumber} · in_meeting · 1 in the meeting`,
    );
    expect(page.window.webContents.captures).toEqual([{ stayHidden: true }]);
    expect(page.window.isVisible()).toBe(false);
  });

  it('Open window shows the bot’s window; closing it hides it, and the bot stays in', async () => {
    const { kit, id, meetingNumber, page } = await oneBotInMeeting();
    const api = kit.pages.dashboardApi();
    expect((await kit.snapshot()).canShowBotWindows).toBe(true);
    expect(page.window.isVisible()).toBe(false);

    expect(await api.showBotWindow({ botId: id })).toEqual({ ok: true, value: null });
    expect(page.window.isVisible()).toBe(true);
    expect(page.window.isFocused()).toBe(true);

    page.window.close();
    expect(page.window.isVisible()).toBe(false);
    expect((await kit.snapshot()).bots.find((bot) => bot.id === id)?.state).toBe('in_meeting');
    const inMeeting = await participants({ url: kit.pages.sandboxUrl() }, meetingNumber);
    expect(inMeeting.map((person) => person.displayName)).toEqual(['Support bot']);
    expect(await api.showBotWindow({ botId: 'no-such-bot' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
