import { readFile, readdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { issuedSecrets, leakingFiles, leaksIn } from './support/leak-scan';
import { expect, test, type BotdeckFixture } from './support/botdeck-fixture';

const NAMES = ['Support 1', 'Support 2', 'Support 3'];

/**
 * The operator's path: open the dashboard, pick a meeting, launch three named bots, watch them
 * join. `meeting: 'button'` uses the dashboard's "New sandbox meeting"; `'link'` pastes a Zoom
 * link to a meeting the test made.
 */
async function launchSupportBots(
  page: Page,
  botdeck: BotdeckFixture,
  meeting: 'button' | 'link',
): Promise<string> {
  await page.goto(botdeck.url);
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();
  await expect(page.getByTestId('account-avatar')).toHaveAttribute(
    'src',
    await botdeck.api.demoAvatarUrl(),
  );

  const form = page.getByRole('form', { name: 'Launch bots' });
  const meetingField = form.getByLabel('Meeting link or number');
  if (meeting === 'button') {
    await form.getByRole('button', { name: 'New sandbox meeting' }).click();
    await expect(meetingField).toHaveValue(/^https:\/\/zoom\.us\/j\/\d{9,11}/);
  } else {
    const made = await botdeck.api.createMeeting();
    await meetingField.fill(`https://us02web.zoom.us/j/${made.meetingNumber}?pwd=${made.passcode}`);
  }
  const meetingNumber = /\/j\/(\d+)/.exec(await meetingField.inputValue())?.[1] ?? '';
  await form.getByLabel('Number of bots').fill(String(NAMES.length));
  for (const [index, name] of NAMES.entries()) {
    await form.getByLabel(`Name of bot ${index + 1}`, { exact: true }).fill(name);
  }
  await form.getByRole('button', { name: 'Launch' }).click();

  await expect(page.getByTestId('bot-row')).toHaveCount(NAMES.length);
  await expect(page.locator('[data-testid="bot-row"][data-state="in_meeting"]')).toHaveCount(
    NAMES.length,
    { timeout: 60_000 },
  );
  return meetingNumber;
}

test('three named bots join an authenticated meeting with the account avatar, and Leave all empties it', async ({
  page,
  botdeck,
}) => {
  const meetingNumber = await launchSupportBots(page, botdeck, 'button');

  const participants = await botdeck.api.participants(meetingNumber);
  expect(participants.map((p) => p.displayName).sort()).toEqual(NAMES);
  const avatar = await botdeck.api.demoAvatarUrl();
  for (const participant of participants) {
    expect(participant.avatarUrl).toBe(avatar);
    expect(participant.userId).toBe(botdeck.sandbox.userId);
  }
  for (const name of NAMES) {
    await expect(page.getByTestId('bot-table')).toContainText(name);
  }
  await page.screenshot({ path: 'test-results/dashboard-three-bots.png', fullPage: true });

  await page.getByRole('button', { name: 'Leave all' }).click();
  await expect.poll(async () => (await botdeck.api.participants(meetingNumber)).length).toBe(0);
  await expect(page.locator('[data-testid="bot-row"][data-state="left"]')).toHaveCount(
    NAMES.length,
  );
});

test('nothing the web host sends the dashboard, logs or stores holds a secret, a token, a ZAK or a signature', async ({
  page,
  botdeck,
}) => {
  const frames: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', (frame) => frames.push(String(frame.payload))),
  );
  const meetingNumber = await launchSupportBots(page, botdeck, 'link');
  await page.getByRole('button', { name: 'Leave all' }).click();
  await expect.poll(async () => (await botdeck.api.participants(meetingNumber)).length).toBe(0);

  const audit = await botdeck.api.audit();
  const secrets = issuedSecrets(botdeck.sandbox, audit);
  // The flow really minted, signed and joined, so the scans below look at real traffic.
  expect(audit.joins.filter((join) => join.meetingNumber === meetingNumber)).toHaveLength(3);
  expect(frames.length).toBeGreaterThan(3);
  expect(leaksIn(frames.join('\n'), secrets)).toEqual([]);
  const log = await readFile(botdeck.hostLog, 'utf8');
  expect(log).toContain('Botdeck started');
  expect(leaksIn(log, secrets)).toEqual([]);
  expect(await readdir(botdeck.dataDir)).toContain('roster.json');
  expect(await leakingFiles(botdeck.dataDir, secrets)).toEqual([]);
});
