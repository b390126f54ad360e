/**
 * Nothing lost across a crash: bots launched from the dashboard are on disk as soon as the
 * launch is accepted; the host is killed (SIGKILL, mid-launch: the sandbox's ZAK endpoint is
 * slowed so no bot has joined yet); the next host, on the same data folder, lists them as
 * stopped by the app restart, and Relaunch all puts them all in the meeting with their names.
 */
import { readdir, readFile } from 'node:fs/promises';
import { issuedSecrets, leakingFiles } from './support/leak-scan';
import { expect, test } from './support/restart-fixture';

const NAMES = ['Night shift 1', 'Night shift 2', 'Night shift 3'];

async function setZakLatency(sandboxUrl: string, latencyMs: number | null): Promise<void> {
  const response =
    latencyMs === null
      ? await fetch(`${sandboxUrl}/sandbox/faults`, { method: 'DELETE' })
      : await fetch(`${sandboxUrl}/sandbox/faults`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ target: 'zak', latencyMs, fraction: 1 }),
        });
  if (!response.ok) throw new Error(`/sandbox/faults answered ${response.status}`);
}

test('bots of a host killed mid-launch are listed as stopped by app restart, and Relaunch all brings them back with their names', async ({
  page,
  restart,
}) => {
  const meeting = await restart.api.createMeeting();
  // Slow ZAKs keep the launch in progress (minting) when the host is killed.
  await setZakLatency(restart.sandbox.url, 30_000);
  const first = await restart.startHost('first');

  await page.goto(first.line.url);
  const form = page.getByRole('form', { name: 'Launch bots' });
  await form
    .getByLabel('Meeting link or number')
    .fill(`https://us02web.zoom.us/j/${meeting.meetingNumber}?pwd=${meeting.passcode}`);
  await form.getByLabel('Number of bots').fill(String(NAMES.length));
  for (const [index, name] of NAMES.entries()) {
    await form.getByLabel(`Name of bot ${index + 1}`, { exact: true }).fill(name);
  }
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(page.getByTestId('bot-row')).toHaveCount(NAMES.length);

  await expect.poll(() => restart.rosterNames()).toEqual(NAMES);
  expect(await restart.api.participants(meeting.meetingNumber)).toEqual([]);
  await first.kill('SIGKILL');
  await setZakLatency(restart.sandbox.url, null);

  const second = await restart.startHost('second');
  await page.goto(second.line.url);
  const panel = page.getByTestId('stopped-panel');
  await expect(panel.getByTestId('stopped-bot')).toHaveCount(NAMES.length);
  for (const name of NAMES) await expect(panel).toContainText(name);
  await expect(page.getByTestId('bot-row')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/dashboard-stopped-by-restart.png', fullPage: true });

  await panel.getByRole('button', { name: 'Relaunch all' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.locator('[data-testid="bot-row"][data-state="in_meeting"]')).toHaveCount(
    NAMES.length,
    { timeout: 60_000 },
  );
  await expect
    .poll(async () =>
      (await restart.api.participants(meeting.meetingNumber)).map((p) => p.displayName).sort(),
    )
    .toEqual(NAMES);

  // The history tells the story, and exports as JSON lines.
  const history = page.getByTestId('history-panel');
  await history.getByRole('button', { name: 'History' }).click();
  await expect(
    history.getByTestId('history-entry').filter({ hasText: 'Stopped by app restart' }),
  ).toHaveCount(NAMES.length);
  await expect(history).toContainText(`Relaunched 3 bots into meeting ${meeting.meetingNumber}`);
  await page.screenshot({ path: 'test-results/dashboard-history.png', fullPage: true });
  const download = page.waitForEvent('download');
  await history.getByRole('button', { name: 'Export history' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('botdeck-history.jsonl');
  const lines = (await readFile(await file.path(), 'utf8')).trimEnd().split('\n');
  const kinds = lines.map((line) => (JSON.parse(line) as { kind: string }).kind);
  expect(kinds.filter((kind) => kind === 'join')).toHaveLength(NAMES.length);
  expect(kinds.filter((kind) => kind === 'launch')).toHaveLength(2);

  // Nothing secret in the data folder: not the app's secrets, not a token, not a ZAK, not a
  // signature (the bots joined, so signatures were issued).
  const audit = await restart.api.audit();
  expect(audit.zaks.length).toBeGreaterThanOrEqual(NAMES.length);
  expect(await readdir(restart.dataDir)).toContain('roster.json');
  expect(await leakingFiles(restart.dataDir, issuedSecrets(restart.sandbox, audit))).toEqual([]);
});
