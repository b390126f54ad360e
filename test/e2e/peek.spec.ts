/**
 * Peek, as an operator uses it: a live thumbnail of a bot's page from its row, a larger view
 * on click, frames only while the peek is open and only to the dashboard that opened it. The
 * sandbox bot page shows its meeting, its name and avatar, and who else is in.
 */
import type { Page } from '@playwright/test';
import { SANDBOX_BOT_VIEWPORT } from '../../src/main/web/bot-contexts';
import { expect, test } from './support/botdeck-fixture';
import { launchFromForm, rowOf, rowsIn } from './support/launch-form';

/** Every Peek frame a dashboard page receives over its socket. */
function countFrames(page: Page): { frames: number; asks: number } {
  const seen = { frames: 0, asks: 0 };
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      if (String(payload).includes('data:image/jpeg;base64,')) seen.frames += 1;
    });
    socket.on('framesent', ({ payload }) => {
      if (String(payload).includes('"bots:peek"')) seen.asks += 1;
    });
  });
  return seen;
}

/** What an image element shows, as the page decoded it. */
const naturalWidth = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);

test('Peek shows a live thumbnail of a bot’s page, a larger view on click, and asks nothing once closed', async ({
  page,
  context,
  botdeck,
}) => {
  const meeting = await botdeck.api.createMeeting();
  const watched = countFrames(page);
  await page.goto(botdeck.url);
  // A second dashboard of the same operator, which never peeks: it must get no frame.
  const other = await context.newPage();
  const otherSeen = countFrames(other);
  await other.goto(`${new URL(botdeck.url).origin}/`);

  await launchFromForm(page, `https://zoom.us/j/${meeting.meetingNumber}?pwd=${meeting.passcode}`, [
    'Greeter',
    'Note taker',
  ]);
  await expect(rowsIn(page, 'in_meeting')).toHaveCount(2, { timeout: 60_000 });

  await rowOf(page, 'Greeter').getByRole('button', { name: 'Peek at Greeter' }).click();
  const panel = page.getByTestId('peek-panel');
  await expect(panel).toContainText('Peek · Greeter');
  await expect(panel.getByTestId('peek-frame')).toBeVisible();
  expect(await naturalWidth(page, 'peek-frame')).toBe(320);
  await page.screenshot({ path: 'test-results/dashboard-peek.png', fullPage: true });

  // Live: when the other bot leaves, the page Greeter shows changes, and so does the peek.
  const before = await panel.getByTestId('peek-frame').getAttribute('src');
  await rowOf(page, 'Note taker').getByRole('button', { name: 'Leave Note taker' }).click();
  await expect
    .poll(async () => (await botdeck.api.participants(meeting.meetingNumber)).length)
    .toBe(1);
  await expect(panel.getByTestId('peek-frame')).not.toHaveAttribute('src', before ?? '');

  // The larger view.
  await panel.getByRole('button', { name: 'Show Greeter larger' }).click();
  const large = page.getByRole('dialog', { name: 'Peek at Greeter, larger' });
  await expect(large.getByTestId('peek-large-frame')).toBeVisible();
  // Until the first large frame arrives, the view shows the thumbnail it had; then the page at
  // its full size (a sandbox bot's page is 640 wide, which is narrower than the larger view asks).
  await expect
    .poll(() => naturalWidth(page, 'peek-large-frame'))
    .toBe(SANDBOX_BOT_VIEWPORT.width);
  await page.screenshot({ path: 'test-results/dashboard-peek-large.png', fullPage: false });
  await large.getByRole('button', { name: 'Close' }).click();
  await expect(large).toHaveCount(0);
  await expect(panel).toHaveCount(0);

  // Closed: no more asking. A Leave (a call the panel does not make) marks "later".
  const asksAtClose = watched.asks;
  expect(asksAtClose).toBeGreaterThan(2);
  await rowOf(page, 'Greeter').getByRole('button', { name: 'Leave Greeter' }).click();
  await expect(rowOf(page, 'Greeter')).toHaveAttribute('data-state', 'left');
  expect(watched.asks).toBe(asksAtClose);
  expect(watched.frames).toBeGreaterThan(2);
  expect(otherSeen.frames).toBe(0);
});
