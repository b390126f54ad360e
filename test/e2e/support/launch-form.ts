/** The launch form as an operator fills it, for the specs about what happens after a launch. */
import { expect, type Locator, type Page } from '@playwright/test';

export const launchForm = (page: Page): Locator => page.getByRole('form', { name: 'Launch bots' });

/** Types a meeting (link or number) and the bots' names, then clicks Launch. */
export async function launchFromForm(
  page: Page,
  meeting: string,
  names: readonly string[],
): Promise<void> {
  const form = launchForm(page);
  await form.getByLabel('Meeting link or number').fill(meeting);
  await form.getByLabel('Number of bots').fill(String(names.length));
  for (const [index, name] of names.entries()) {
    await form.getByLabel(`Name of bot ${index + 1}`, { exact: true }).fill(name);
  }
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(form.getByTestId('launch-alert')).toHaveCount(0);
}

/** The table's rows of bots in that state. */
export const rowsIn = (page: Page, state: string): Locator =>
  page.locator(`[data-testid="bot-row"][data-state="${state}"]`);

/** The table's row of the bot with that name. */
export const rowOf = (page: Page, name: string): Locator =>
  page
    .getByTestId('bot-row')
    .filter({ has: page.getByTestId('bot-name').getByText(name, { exact: true }) });
