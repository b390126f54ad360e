/**
 * Bot names the operator changes their mind about, through the dashboard and the web host's real
 * bot pages against the sandbox: renamed while still queued or minting (it joins under the new
 * name), renamed live where the meeting allows it and refused in words where it does not, and a
 * removed bot relaunched into the same meeting under an edited name.
 */
import { addFault } from '../support/sandbox-client';
import { expect, test } from './support/botdeck-fixture';
import { launchFromForm, openDialog, rowOf } from './support/dashboard-bots';
import { sandboxOf } from './support/sandbox-line';

const NAMES = ['Queue 1', 'Queue 2', 'Queue 3', 'Queue 4', 'Queue 5'];

// Four at a time, so the fifth bot of a launch is seen waiting its turn.
test.use({ hostSettings: { version: 1, launchDefaults: { concurrency: 4 } } });

test('a bot renamed while queued or minting joins under its new name, never the old one', async ({
  page,
  botdeck,
}) => {
  const meeting = await botdeck.api.createMeeting();
  // Slow ZAKs: four bots mint at once (the launch cap) and the fifth waits its turn.
  await addFault(sandboxOf(botdeck.sandbox), { target: 'zak', latencyMs: 6_000, count: 4 });
  await page.goto(botdeck.url);
  await launchFromForm(page, meeting, NAMES, { state: null });
  await expect(rowOf(page, 'Queue 5')).toHaveAttribute('data-state', 'queued');
  await expect(rowOf(page, 'Queue 1')).toHaveAttribute('data-state', 'minting');

  for (const [from, to] of [
    ['Queue 5', 'Renamed while queued'],
    ['Queue 1', 'Renamed while minting'],
  ] as const) {
    const dialog = await openDialog(page, `Rename ${from}`);
    await expect(dialog).toContainText('The bot has not joined yet: it joins under the new name.');
    await dialog.getByLabel('Name').fill(to);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    await expect(rowOf(page, to).getByTestId('bot-activity')).toContainText(
      `Renamed from “${from}” to “${to}”. It joins under the new name.`,
    );
  }

  const joined = ['Queue 2', 'Queue 3', 'Queue 4', 'Renamed while minting', 'Renamed while queued'];
  for (const name of joined) {
    await expect(rowOf(page, name)).toHaveAttribute('data-state', 'in_meeting', {
      timeout: 60_000,
    });
  }
  const people = await botdeck.api.participants(meeting.meetingNumber);
  expect(people.map((person) => person.displayName).sort()).toEqual(joined);
  const tried = (await botdeck.api.audit()).joins.map((attempt) => attempt.userName);
  expect(tried).not.toContain('Queue 1');
  expect(tried).not.toContain('Queue 5');
});

test('a bot in the meeting is renamed where the meeting allows it, and says why not where it does not', async ({
  page,
  botdeck,
}) => {
  const open = await botdeck.api.createMeeting();
  const strict = await botdeck.api.createMeeting({ allowRename: false });
  await page.goto(botdeck.url);
  await launchFromForm(page, open, ['Live 1']);
  await launchFromForm(page, strict, ['Fixed 1']);

  let dialog = await openDialog(page, 'Rename Live 1');
  await dialog.getByLabel('Name').fill('Live 1 (notes)');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(rowOf(page, 'Live 1 (notes)').getByTestId('bot-activity')).toHaveText(
    'Renamed from “Live 1” to “Live 1 (notes)”.',
  );
  await expect
    .poll(async () => (await botdeck.api.participants(open.meetingNumber))[0]?.displayName)
    .toBe('Live 1 (notes)');

  dialog = await openDialog(page, 'Rename Fixed 1');
  await dialog.getByLabel('Name').fill('Something else');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  const refused = rowOf(page, 'Fixed 1').getByTestId('bot-activity');
  await expect(refused).toHaveText(
    'The host does not let participants rename themselves in this meeting; the bot is still “Fixed 1”.',
  );
  await expect(refused).toHaveAttribute('data-outcome', 'refused');
  expect((await botdeck.api.participants(strict.meetingNumber))[0]?.displayName).toBe('Fixed 1');
  await page.screenshot({ path: 'test-results/dashboard-rename.png', fullPage: true });
});

test('a bot the host removed is relaunched into the same meeting under an edited name', async ({
  page,
  botdeck,
}) => {
  const meeting = await botdeck.api.createMeeting();
  await page.goto(botdeck.url);
  await launchFromForm(page, meeting, ['Support 7']);
  await botdeck.api.kick(meeting.meetingNumber, 'Support 7');
  await expect(rowOf(page, 'Support 7')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByRole('button', { name: 'Rename Support 7' })).toHaveCount(0);

  const dialog = await openDialog(page, 'Relaunch Support 7');
  await expect(dialog.getByLabel('Name')).toHaveValue('Support 7');
  await expect(dialog).toContainText(`joins meeting ${meeting.meetingNumber}`);
  await dialog.getByLabel('Name').fill('Support 7 (back)');
  await dialog.getByRole('button', { name: 'Relaunch' }).click();
  await expect(dialog).toBeHidden();

  await expect(rowOf(page, 'Support 7 (back)')).toHaveAttribute('data-state', 'in_meeting', {
    timeout: 60_000,
  });
  const people = await botdeck.api.participants(meeting.meetingNumber);
  expect(people.map((person) => person.displayName)).toEqual(['Support 7 (back)']);
  // The removed bot's row stays as it was: failed, under its old name.
  await expect(rowOf(page, 'Support 7')).toHaveAttribute('data-state', 'failed');
});
