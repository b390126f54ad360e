/**
 * The bot table after a day's work, as an operator uses it: bots in two meetings, grouped by
 * meeting with a Leave all each, filtered by state and by meeting, finished bots cleared off
 * the table while the history keeps them, a selection of rows leaving together, and a batch
 * launch's progress bar counting bots into the meeting.
 */
import { expect, test } from './support/botdeck-fixture';
import { launchFromForm, rowOf, rowsIn } from './support/launch-form';

const FIRST = ['Sales 1', 'Sales 2', 'Sales 3'];
const SECOND = ['Support 1', 'Support 2'];

test('two meetings: grouped with a Leave all each, filtered, cleared, and a selection leaves together', async ({
  page,
  botdeck,
}) => {
  const sales = await botdeck.api.createMeeting();
  const support = await botdeck.api.createMeeting();
  await page.goto(botdeck.url);
  await launchFromForm(
    page,
    `https://zoom.us/j/${sales.meetingNumber}?pwd=${sales.passcode}`,
    FIRST,
  );
  await launchFromForm(
    page,
    `https://zoom.us/j/${support.meetingNumber}?pwd=${support.passcode}`,
    SECOND,
  );
  await expect(rowsIn(page, 'in_meeting')).toHaveCount(5, { timeout: 60_000 });

  // Grouped by meeting: a heading per meeting, counting its bots in.
  await page.getByLabel('Group by meeting').check();
  const groups = page.getByTestId('meeting-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toContainText(sales.meetingNumber);
  await expect(groups.nth(0).getByTestId('meeting-group-counts')).toHaveText('3 of 3 in meeting');
  await expect(groups.nth(1).getByTestId('meeting-group-counts')).toHaveText('2 of 2 in meeting');
  await page.screenshot({ path: 'test-results/dashboard-two-meetings.png', fullPage: true });

  // One meeting's Leave all empties that meeting and no other.
  await page.getByRole('button', { name: `Leave all in meeting ${sales.meetingNumber}` }).click();
  await expect
    .poll(async () => (await botdeck.api.participants(sales.meetingNumber)).length)
    .toBe(0);
  await expect(rowsIn(page, 'left')).toHaveCount(3);
  expect(
    (await botdeck.api.participants(support.meetingNumber)).map((p) => p.displayName).sort(),
  ).toEqual(SECOND);
  await expect(groups.nth(0).getByTestId('meeting-group-counts')).toHaveText('0 of 3 in meeting');

  // Filters: by state, by meeting, and both.
  const filters = page.getByRole('group', { name: 'Which bots to show' });
  await filters.getByLabel('Show').selectOption({ label: 'Finished (left or failed)' });
  await expect(page.getByTestId('bot-row')).toHaveCount(3);
  await expect(groups).toHaveCount(1);
  await filters.getByLabel('Meeting', { exact: true }).selectOption(support.meetingNumber);
  await expect(page.getByTestId('bot-table-filtered-out')).toBeVisible();
  await filters.getByLabel('Show').selectOption({ label: 'In meeting' });
  await expect(page.getByTestId('bot-row')).toHaveCount(2);
  await filters.getByLabel('Meeting', { exact: true }).selectOption({ label: 'All meetings' });
  await filters.getByLabel('Show').selectOption({ label: 'All states' });
  await expect(page.getByTestId('bot-row')).toHaveCount(5);

  // Clear finished: the left bots leave the table, the history keeps them.
  await page.getByRole('button', { name: 'Clear finished' }).click();
  await expect(page.getByTestId('bot-row')).toHaveCount(2);
  await expect(groups).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Clear finished' })).toBeDisabled();
  await page.reload();
  await expect(rowsIn(page, 'in_meeting')).toHaveCount(2);
  await page.getByRole('button', { name: 'History' }).click();
  const leaves = page.locator('[data-testid="history-entry"][data-kind="leave"]');
  for (const name of FIRST) await expect(leaves.filter({ hasText: name })).toHaveCount(1);

  // A selection leaves together; the bot left out stays.
  await rowOf(page, 'Support 2').getByRole('checkbox', { name: 'Select Support 2' }).check();
  await expect(page.getByTestId('selection-summary')).toHaveText('1 selected');
  await page.getByRole('button', { name: 'Leave selected (1)' }).click();
  await expect(rowOf(page, 'Support 2')).toHaveAttribute('data-state', 'left');
  await expect
    .poll(async () =>
      (await botdeck.api.participants(support.meetingNumber)).map((p) => p.displayName),
    )
    .toEqual(['Support 1']);
  await expect(rowOf(page, 'Support 1')).toHaveAttribute('data-state', 'in_meeting');
});

test('a batch launch shows its progress, counting bots into the meeting until all are in', async ({
  page,
  botdeck,
}) => {
  const names = Array.from({ length: 8 }, (_, n) => `Batch ${n + 1}`);
  const meeting = await botdeck.api.createMeeting();
  // ZAKs slowed a little: the bar has something to count before every bot is in.
  await botdeck.api.addFault({ target: 'zak', latencyMs: 800, fraction: 1 });
  await page.goto(botdeck.url);
  // Every text the bar shows, in order, as the operator would have seen it.
  await page.evaluate(() => {
    // Runs in the page; typed by hand, since the tests' TypeScript project has no DOM types.
    const page = globalThis as unknown as {
      progressSeen: string[];
      document: { body: unknown; querySelector(selector: string): { textContent: string } | null };
      MutationObserver: new (callback: () => void) => {
        observe(target: unknown, options: Record<string, boolean>): void;
      };
    };
    const seen: string[] = [];
    page.progressSeen = seen;
    new page.MutationObserver(() => {
      const text = page.document.querySelector('[data-testid="launch-progress-text"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(page.document.body, { subtree: true, childList: true, characterData: true });
  });
  await launchFromForm(
    page,
    `https://zoom.us/j/${meeting.meetingNumber}?pwd=${meeting.passcode}`,
    names,
  );
  await expect(page.getByTestId('launch-progress-text')).toHaveText('8 of 8 in meeting', {
    timeout: 60_000,
  });
  const seen = await page.evaluate(
    () => (globalThis as unknown as { progressSeen: string[] }).progressSeen,
  );
  const inMeeting = seen.map((text) => Number(/^(\d+) of 8 in meeting/.exec(text)?.[1]));
  expect(inMeeting[0]).toBe(0);
  expect(
    inMeeting.every((count, index) => index === 0 || count >= (inMeeting[index - 1] ?? 0)),
  ).toBe(true);
  expect(seen.some((text) => /joining/.test(text))).toBe(true);
  expect(new Set(inMeeting).size).toBeGreaterThan(2);
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '8');

  await page.getByRole('button', { name: 'Hide the launch progress' }).click();
  await expect(page.getByTestId('launch-progress')).toHaveCount(0);
});
