/**
 * The operator's steps the chat, names and notifications specs share: launch named bots from the
 * dashboard's form (with a chat message on join, if any), find a bot's row by its name, and
 * use a row's dialog.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { CreatedMeeting } from '../../support/sandbox-client';

export interface LaunchOptions {
  chatOnJoin?: string;
  /** The state every launched row should reach (default in the meeting); null: do not wait. */
  state?: string | null;
}

/** Fills the launch form for `meeting` with `names` and launches. */
export async function launchFromForm(
  page: Page,
  meeting: CreatedMeeting,
  names: string[],
  options: LaunchOptions = {},
): Promise<void> {
  const form = page.getByRole('form', { name: 'Launch bots' });
  await form
    .getByLabel('Meeting link or number')
    .fill(`https://us02web.zoom.us/j/${meeting.meetingNumber}?pwd=${meeting.passcode}`);
  await form.getByLabel('Number of bots').fill(String(names.length));
  for (const [index, name] of names.entries()) {
    await form.getByLabel(`Name of bot ${index + 1}`, { exact: true }).fill(name);
  }
  await form.getByLabel('Chat message on join').fill(options.chatOnJoin ?? '');
  await form.getByRole('button', { name: 'Launch' }).click();
  const state = options.state === undefined ? 'in_meeting' : options.state;
  if (state === null) return;
  for (const name of names) {
    await expect(rowOf(page, name)).toHaveAttribute('data-state', state, { timeout: 60_000 });
  }
}

/** The table row of the bot with exactly this name. */
export const rowOf = (page: Page, name: string): Locator =>
  page
    .getByTestId('bot-row')
    .filter({ has: page.getByTestId('bot-name').getByText(name, { exact: true }) });

/** Opens a row's dialog by its button's name ("Send chat as Ada", "Rename Ada", …). */
export async function openDialog(page: Page, button: string): Promise<Locator> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}
