/**
 * Reliability through the real bot page and the dashboard: a bot whose connection drops shows
 * as reconnecting and comes back with a freshly minted ZAK; a kicked bot stays out. Faults come
 * from the sandbox's `/sandbox/faults` routes; what really happened is read from its audit.
 */
import type { Page } from '@playwright/test';
import { expect, test, type BotdeckFixture } from './support/botdeck-fixture';

/** Launches named bots from the dashboard into a meeting; waits until all are in `state`. */
async function launchInto(
  page: Page,
  botdeck: BotdeckFixture,
  names: string[],
  made?: { meetingNumber: string; passcode: string },
  state = 'in_meeting',
): Promise<string> {
  await page.goto(botdeck.url);
  made ??= await botdeck.api.createMeeting();
  const form = page.getByRole('form', { name: 'Launch bots' });
  await form
    .getByLabel('Meeting link or number')
    .fill(`https://us02web.zoom.us/j/${made.meetingNumber}?pwd=${made.passcode}`);
  await form.getByLabel('Number of bots').fill(String(names.length));
  for (const [index, name] of names.entries()) {
    await form.getByLabel(`Name of bot ${index + 1}`, { exact: true }).fill(name);
  }
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(page.locator(`[data-testid="bot-row"][data-state="${state}"]`)).toHaveCount(
    names.length,
    { timeout: 60_000 },
  );
  return made.meetingNumber;
}

const rowOf = (page: Page, name: string) =>
  page
    .getByTestId('bot-row')
    .filter({ has: page.getByTestId('bot-name').getByText(name, { exact: true }) });

test('a dropped bot shows as reconnecting, then is back in the meeting with a second, different ZAK', async ({
  page,
  botdeck,
}) => {
  const faults = botdeck.api;
  const meetingNumber = await launchInto(page, botdeck, ['Steady 1']);
  const row = rowOf(page, 'Steady 1');

  await faults.drop(meetingNumber, 'Steady 1');
  await expect(row).toHaveAttribute('data-state', 'reconnecting');
  await expect(row.getByTestId('bot-failure')).toContainText(
    /Rejoining: attempt 1 of 5, (next try \d\d:\d\d:\d\d|trying now) — Lost the connection to the meeting\./,
  );
  await page.screenshot({ path: 'test-results/dashboard-reconnecting.png', fullPage: true });
  await expect(row).toHaveAttribute('data-state', 'in_meeting', { timeout: 60_000 });
  await expect(row.getByTestId('bot-failure')).toHaveText('');

  const joins = await faults.joinsOf(meetingNumber, 'Steady 1');
  expect(joins.map((join) => join.errorCode)).toEqual([null, null]);
  expect(joins[0]?.zak).toBeTruthy();
  expect(joins[1]?.zak).toBeTruthy();
  expect(joins[1]?.zak).not.toBe(joins[0]?.zak);
  const people = await botdeck.api.participants(meetingNumber);
  expect(people.map((person) => person.displayName)).toEqual(['Steady 1']);
});

test('a kicked bot stays out: its row says the host removed it, and it never rejoins', async ({
  page,
  botdeck,
}) => {
  const faults = botdeck.api;
  const meetingNumber = await launchInto(page, botdeck, ['Kicked 1', 'Witness 1']);
  const kicked = rowOf(page, 'Kicked 1');

  await faults.kick(meetingNumber, 'Kicked 1');
  await expect(kicked).toHaveAttribute('data-state', 'failed');
  await expect(kicked.getByTestId('bot-failure')).toHaveText(
    /^Removed from the meeting by the host; Botdeck will not rejoin\. · at \d\d:\d\d:\d\d$/,
  );
  await page.screenshot({ path: 'test-results/dashboard-kicked.png', fullPage: true });

  // A full rejoin of another bot takes longer than a rejoin's first backoff: had the kicked bot
  // been going to rejoin, it would have by the time the witness is back.
  await faults.drop(meetingNumber, 'Witness 1');
  const witness = rowOf(page, 'Witness 1');
  await expect(witness).toHaveAttribute('data-state', 'reconnecting');
  await expect(witness).toHaveAttribute('data-state', 'in_meeting', { timeout: 60_000 });
  await expect.poll(async () => (await faults.joinsOf(meetingNumber, 'Witness 1')).length).toBe(2);

  expect(await faults.joinsOf(meetingNumber, 'Kicked 1')).toHaveLength(1);
  const people = await botdeck.api.participants(meetingNumber);
  expect(people.map((person) => person.displayName)).toEqual(['Witness 1']);
  await expect(kicked).toHaveAttribute('data-state', 'failed');
});

test('a bot held in the waiting room shows it, and goes in when the host admits it', async ({
  page,
  botdeck,
}) => {
  const sandbox = botdeck.api;
  const meeting = await sandbox.createMeeting({ waitingRoom: true });
  const meetingNumber = await launchInto(page, botdeck, ['Patient 1'], meeting, 'waiting_room');
  const row = rowOf(page, 'Patient 1');
  await expect(row.getByTestId('bot-state')).toHaveText('In waiting room');
  expect(await botdeck.api.participants(meetingNumber)).toEqual([]);

  expect(await sandbox.admitAll(meetingNumber)).toBe(1);
  await expect(row).toHaveAttribute('data-state', 'in_meeting');
  const people = await botdeck.api.participants(meetingNumber);
  expect(people.map((person) => person.displayName)).toEqual(['Patient 1']);
});
