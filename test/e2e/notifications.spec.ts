/**
 * Notifications in the web host's dashboard, as an operator in another window would get them:
 * the browser's Notification API, after the operator allowed it with the dashboard's button.
 * An init script records every `new Notification(…)` the page makes (and still makes it), and
 * Playwright grants the permission the operator would. Main groups an ended meeting's bots into
 * one; the dashboard's setting turns them off (and is kept in settings.json).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/botdeck-fixture';
import { launchFromForm, rowOf } from './support/dashboard-bots';

interface Shown {
  title: string;
  body: string;
}

/** Every notification the page made, in order. */
const shownIn = (page: Page): Promise<Shown[]> =>
  page.evaluate(() => (globalThis as unknown as { __shown: Shown[] }).__shown);

/** The way a meeting number reads in a notification: 123 456 7890. */
const spaced = (meetingNumber: string): string =>
  meetingNumber.replace(/^(\d{3})(\d{3,4})(\d{3,4})$/, '$1 $2 $3');

test('three bots whose meeting the host ends are one browser notification; none while turned off', async ({
  page,
  botdeck,
}) => {
  // Written as page script text: this project's Node typings know no DOM.
  await page.addInitScript(`
    const shown = [];
    const Real = globalThis.Notification;
    class Recording extends Real {
      constructor(title, options) {
        shown.push({ title, body: (options && options.body) || '' });
        super(title, options);
      }
    }
    Object.assign(globalThis, { Notification: Recording, __shown: shown });
  `);
  await page.goto(botdeck.url);

  // Nothing shows until the operator allows it: the dashboard offers the button.
  const allow = page.getByRole('button', { name: 'Allow browser notifications' });
  await expect(allow).toBeVisible();
  await page.context().grantPermissions(['notifications'], { origin: new URL(botdeck.url).origin });
  await allow.click();
  await expect(allow).toBeHidden();

  const first = await botdeck.api.createMeeting();
  await launchFromForm(page, first, ['Ada', 'Grace', 'Linus']);
  await botdeck.api.end(first.meetingNumber);
  await expect
    .poll(() => shownIn(page))
    .toEqual([
      {
        title: `3 bots left meeting ${spaced(first.meetingNumber)}: the host ended it`,
        body: 'Ada, Grace and Linus left.',
      },
    ]);

  // Off: a meeting that ends now says nothing, and the choice is saved for the next start.
  const toggle = page.getByLabel('Notify me when a bot fails, is removed or its meeting ends');
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  const saved = async (): Promise<unknown> => {
    const text = await readFile(join(botdeck.dataDir, 'settings.json'), 'utf8').catch(() => '{}');
    return (JSON.parse(text) as { notifications?: boolean }).notifications;
  };
  await expect.poll(saved).toBe(false);
  const second = await botdeck.api.createMeeting();
  await launchFromForm(page, second, ['Quiet']);
  await botdeck.api.end(second.meetingNumber);
  await expect(rowOf(page, 'Quiet')).toHaveAttribute('data-state', 'left');

  // On again: the next one is the only new notification (nothing held back from while off).
  await toggle.check();
  const third = await botdeck.api.createMeeting();
  await launchFromForm(page, third, ['Removed']);
  await botdeck.api.kick(third.meetingNumber, 'Removed');
  await expect.poll(async () => (await shownIn(page)).length).toBe(2);
  expect((await shownIn(page))[1]).toEqual({
    title: `Removed was removed from meeting ${spaced(third.meetingNumber)} by the host`,
    body: 'Botdeck will not rejoin it.',
  });
  const text = JSON.stringify(await shownIn(page));
  for (const passcode of [first.passcode, second.passcode, third.passcode]) {
    expect(text).not.toContain(passcode);
  }
});
