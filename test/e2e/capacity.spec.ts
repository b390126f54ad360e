/**
 * The capacity guard as an operator meets it: the web host is told the machine has 100 MB free
 * (`--assume-free-memory-mb`, a flag for tests that no page can reach), so a launch of five
 * sandbox bots (32 MB each) is flagged before any starts; the operator launches the three that
 * fit, and the header shows the live load: bots by state and the memory they use.
 */
import { test as base, expect } from '@playwright/test';
import { sandboxClient, type SandboxClient } from '../support/sandbox-client';
import { startBotdeckProcesses } from './support/botdeck-processes';
import { launchFromForm } from './support/dashboard-bots';
import { sandboxOf } from './support/sandbox-line';

const test = base.extend<{ host: { url: string; api: SandboxClient } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  host: async ({}, use) => {
    const run = await startBotdeckProcesses('capacity', () => ['--assume-free-memory-mb', '100']);
    try {
      await use({ url: run.host.line.url, api: sandboxClient(sandboxOf(run.sandbox.line)) });
    } finally {
      await run.stop();
    }
  },
});

const NAMES = ['Desk 1', 'Desk 2', 'Desk 3', 'Desk 4', 'Desk 5'];

test('five bots that would not fit are flagged before they start, the three that fit join, and the header shows the load', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const memory = page.getByTestId('load-memory');
  await expect(memory).toHaveText(/^Bots use \d+ MB · 100 MB free \(assumed\)$/);
  await expect(page.getByTestId('load-bots')).toHaveText('0 in meeting · 0 joining · 0 failed');

  const meeting = await host.api.createMeeting();
  await launchFromForm(page, meeting, NAMES, { state: null });
  const form = page.getByRole('form', { name: 'Launch bots' });
  const warning = form.getByTestId('capacity-warning');
  await expect(warning).toContainText(
    '5 sandbox bots need about 160 MB; this machine has 100 MB free (assumed).',
  );
  await expect(warning.getByRole('button')).toHaveText(['Launch anyway', 'Launch 3', 'Cancel']);
  // Flagged before it started: no bot on the table, nobody in the meeting.
  await expect(page.getByTestId('bot-row')).toHaveCount(0);
  expect(await host.api.participants(meeting.meetingNumber)).toEqual([]);

  await warning.getByRole('button', { name: 'Launch 3' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.locator('[data-testid="bot-row"][data-state="in_meeting"]')).toHaveCount(3, {
    timeout: 60_000,
  });
  const joined = await host.api.participants(meeting.meetingNumber);
  expect(joined.map((person) => person.displayName).sort()).toEqual(NAMES.slice(0, 3));
  // Nothing lost: the form still holds the five bots the operator typed.
  await expect(form.getByLabel('Number of bots')).toHaveValue('5');
  await expect(form.getByLabel('Name of bot 5', { exact: true })).toHaveValue('Desk 5');

  await expect(page.getByTestId('load-bots')).toHaveText('3 in meeting · 0 joining · 0 failed');
  // Measured, not estimated: the headless Chromium with three bot pages in it, well over the
  // 20-odd MB a sandbox bot's own page takes.
  await expect
    .poll(async () => Number(/Bots use (\d+) MB/.exec((await memory.textContent()) ?? '')?.[1]))
    .toBeGreaterThan(60);
  await page.screenshot({ path: 'test-results/dashboard-capacity.png', fullPage: true });
});
