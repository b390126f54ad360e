/**
 * Run by `.ci/without-keytar` in a fresh clone installed where keytar's native build fails:
 * the web host from that install launches a sandbox bot into an authenticated-only meeting, and
 * the dashboard says, before anything is saved, that the keychain is unavailable, why, and what
 * to install and run. It first proves keytar really is absent, so it cannot pass by accident on
 * a machine where keytar built.
 */
import { existsSync } from 'node:fs';
import { expect, test } from '../e2e/support/botdeck-fixture';

test('without keytar: sandbox bots still join, and the accounts panel says how to enable the keychain', async ({
  page,
  botdeck,
}) => {
  expect(existsSync('node_modules/keytar'), 'npm left keytar out of this install').toBe(false);
  await expect(import('keytar')).rejects.toThrow(/Cannot find (package|module) 'keytar'/);

  await page.goto(botdeck.url);
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();
  const notice = page.getByTestId('keychain-unavailable');
  await expect(notice).toHaveAttribute('data-problem', 'not_installed');
  await expect(notice).toContainText('Zoom accounts cannot be saved');
  await expect(notice.getByTestId('keychain-reason')).toContainText('keytar) is not installed');
  await expect(notice.getByTestId('keychain-steps').locator('code')).toHaveText([
    'sudo apt-get install build-essential libsecret-1-dev pkg-config',
    'npm install',
    'sudo apt-get install gnome-keyring',
  ]);

  const form = page.getByRole('form', { name: 'Launch bots' });
  await form.getByRole('button', { name: 'New sandbox meeting' }).click();
  const meetingField = form.getByLabel('Meeting link or number');
  await expect(meetingField).toHaveValue(/^https:\/\/zoom\.us\/j\/\d{9,11}/);
  const meetingNumber = /\/j\/(\d+)/.exec(await meetingField.inputValue())?.[1] ?? '';
  await form.getByLabel('Number of bots').fill('1');
  await form.getByLabel('Name of bot 1', { exact: true }).fill('No keychain needed');
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(page.locator('[data-testid="bot-row"][data-state="in_meeting"]')).toHaveCount(1, {
    timeout: 60_000,
  });
  const [participant] = await botdeck.api.participants(meetingNumber);
  expect(participant).toMatchObject({
    displayName: 'No keychain needed',
    userId: botdeck.sandbox.userId,
  });
  await page.screenshot({ path: 'test-results/dashboard-without-keytar.png', fullPage: true });

  await page.getByRole('button', { name: 'Leave all' }).click();
  await expect.poll(async () => (await botdeck.api.participants(meetingNumber)).length).toBe(0);
});
