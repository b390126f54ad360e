/**
 * Presets and recent meetings as an operator uses them across days: the launch form saved as
 * a preset and a meeting launched into are one click away after a restart, fill the form as it
 * was (the passcode too, kept sealed on disk), and launch bots that get in.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { launchForm, rowsIn } from './support/launch-form';
import { expect, test } from './support/restart-fixture';

test('a preset and a recent meeting survive a restart, fill the launch form in one click, and launch bots that get in', async ({
  page,
  restart,
}) => {
  const meeting = await restart.api.createMeeting();
  const link = `https://us02web.zoom.us/j/${meeting.meetingNumber}`;
  const first = await restart.startHost('first');
  await page.goto(first.line.url);
  const form = launchForm(page);
  const presets = form.getByRole('group', { name: 'Presets' });
  const recent = form.getByRole('group', { name: 'Recent meetings' });

  await form.getByLabel('Meeting link or number').fill(`${link}?pwd=${meeting.passcode}`);
  await form.getByLabel('Number of bots').fill('2');
  await form.getByLabel('Name template').fill('Demo {n}');
  await form.getByLabel('Name of bot 2', { exact: true }).fill('Greeter');
  await form.getByText('Auto-leave and rejoin').click();
  await form.getByLabel('Leave when alone for (minutes)').fill('3');
  await form.getByLabel('Preset name').fill('Weekly demo');
  await form.getByRole('button', { name: 'Save as preset' }).click();
  await expect(presets.getByRole('button', { name: 'Use preset Weekly demo' })).toBeVisible();
  const file = join(restart.dataDir, 'presets.json');
  expect(await readFile(file, 'utf8')).toContain('Weekly demo');
  expect(await readFile(file, 'utf8')).not.toContain(meeting.passcode);
  expect((await stat(file)).mode & 0o777).toBe(0o600);

  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(rowsIn(page, 'in_meeting')).toHaveCount(2, { timeout: 60_000 });
  await expect(
    recent.getByRole('button', { name: `Use meeting ${meeting.meetingNumber}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Leave all' }).click();
  await expect
    .poll(async () => (await restart.api.participants(meeting.meetingNumber)).length)
    .toBe(0);
  await first.kill('SIGTERM');

  const second = await restart.startHost('second');
  await page.goto(second.line.url);
  await expect(form.getByLabel('Meeting link or number')).toHaveValue('');
  await recent.getByRole('button', { name: `Use meeting ${meeting.meetingNumber}` }).click();
  await expect(form.getByLabel('Meeting link or number')).toHaveValue(link);
  await expect(form.getByLabel('Passcode')).toHaveValue(meeting.passcode);

  await form.getByLabel('Meeting link or number').fill('');
  await presets.getByRole('button', { name: 'Use preset Weekly demo' }).click();
  await expect(form.getByLabel('Meeting link or number')).toHaveValue(link);
  await expect(form.getByLabel('Passcode')).toHaveValue(meeting.passcode);
  await expect(form.getByLabel('Name template')).toHaveValue('Demo {n}');
  await expect(form.getByLabel('Name of bot 1', { exact: true })).toHaveValue('Demo 1');
  await expect(form.getByLabel('Name of bot 2', { exact: true })).toHaveValue('Greeter');
  await expect(form.getByLabel('Leave when alone for (minutes)')).toHaveValue('3');
  await page.screenshot({ path: 'test-results/dashboard-presets.png', fullPage: true });

  await form.getByRole('button', { name: 'Launch' }).click();
  await expect
    .poll(async () =>
      (await restart.api.participants(meeting.meetingNumber)).map((p) => p.displayName).sort(),
    )
    .toEqual(['Demo 1', 'Greeter']);

  await presets.getByRole('button', { name: 'Delete preset Weekly demo' }).click();
  await expect(presets).toHaveCount(0);
  expect(await readFile(file, 'utf8')).not.toContain('Weekly demo');
});
