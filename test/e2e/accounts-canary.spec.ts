/**
 * The Accounts flow as an operator runs it, with canary secrets: whatever is typed into the
 * secret fields goes to the keychain and nowhere else — not into anything the web host sends
 * the dashboard, not into its log, not into any file in its data folder. The sandbox stands in
 * for zoom.us (the web host's --zoom-base-url), so Test connection runs the real client code.
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { keytarSkipReason } from '../integration/vault/fixtures/keychain-needed';
import { expect, test } from './support/botdeck-fixture';
import { issuedSecrets, leakingFiles, leaksIn } from './support/leak-scan';

const canary = (what: string): string => `canary-${what}-${randomBytes(12).toString('hex')}`;

async function fillCredentials(form: Locator, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
}

function recordDashboardTraffic(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', (frame) => frames.push(String(frame.payload))),
  );
  return frames;
}

test('secrets set through Accounts never come back out, and Test connection explains itself', async ({
  page,
  botdeck,
}) => {
  const noKeytar = await keytarSkipReason();
  test.skip(noKeytar !== null, noKeytar ?? '');
  const frames = recordDashboardTraffic(page);
  const fakeClientSecret = canary('client-secret');
  const fakeSdkSecret = canary('sdk-secret');
  await page.goto(botdeck.url);
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();

  // 1. A new account with fake secrets: saved to the keychain, then Test connection says why it fails.
  await page.getByRole('button', { name: 'Add Zoom account' }).click();
  const form = page.getByRole('form', { name: 'Zoom account' });
  await form.getByLabel('Label', { exact: true }).fill('Support team');
  await form.getByLabel('Zoom user for the bots (id or email)').fill(botdeck.sandbox.userId);
  await fillCredentials(form, {
    'Server-to-Server OAuth account ID': botdeck.sandbox.accountId,
    'Server-to-Server OAuth client ID': botdeck.sandbox.clientId,
    'Server-to-Server OAuth client secret': fakeClientSecret,
    'Meeting SDK client ID': botdeck.sandbox.sdkKey,
    'Meeting SDK client secret': fakeSdkSecret,
  });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  const card = page.getByRole('region', { name: 'Support team' });
  await expect(card.getByTestId('account-secrets')).toContainText('keychain');
  // A Zoom account with secrets puts Botdeck in Zoom mode.
  await expect(page.getByTestId('sandbox-banner')).toBeHidden();

  await card.getByRole('button', { name: 'Test connection' }).click();
  const result = card.getByTestId('connection-test');
  await expect(result).toContainText('Connection failed.');
  await expect(result.locator('[data-step="token"]')).toContainText(/client ID or client secret/i);
  await expect(result.locator('[data-step="profile"]')).toHaveAttribute('data-ok', 'false');

  // 2. Replace the credentials with working ones: the test passes and shows the inherited avatar.
  await card.getByRole('button', { name: 'Edit' }).click();
  await form.getByLabel('Replace credentials').check();
  await fillCredentials(form, {
    'Server-to-Server OAuth account ID': botdeck.sandbox.accountId,
    'Server-to-Server OAuth client ID': botdeck.sandbox.clientId,
    'Server-to-Server OAuth client secret': botdeck.sandbox.clientSecret,
    'Meeting SDK client ID': botdeck.sandbox.sdkKey,
    'Meeting SDK client secret': botdeck.sandbox.sdkSecret,
  });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await card.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('Connection works.');
  await expect(result.getByTestId('connection-test-avatar')).toHaveAttribute(
    'src',
    await botdeck.api.demoAvatarUrl(),
  );
  await expect(card.getByTestId('account-last-test')).toContainText('✓');
  await page.screenshot({ path: 'test-results/dashboard-accounts.png', fullPage: true });

  // 3. Nothing secret left the main process or reached a file or the log.
  const audit = await botdeck.api.audit();
  const secrets = [fakeClientSecret, fakeSdkSecret, ...issuedSecrets(botdeck.sandbox, audit)];
  expect(audit.zaks.length).toBeGreaterThan(0);
  expect(frames.length).toBeGreaterThan(0);
  const log = await readFile(botdeck.hostLog, 'utf8');
  expect(log).toContain('Account saved');
  // Secrets by value, and anything JWT-shaped (an SDK signature, should one be made).
  expect(leaksIn(frames.join('\n'), secrets)).toEqual([]);
  expect(leaksIn(log, secrets)).toEqual([]);
  expect(await leakingFiles(botdeck.dataDir, secrets)).toEqual([]);
  expect(await readdir(botdeck.dataDir)).toContain('settings.json');

  // 4. Removing the account takes Botdeck back to sandbox mode.
  await card.getByRole('button', { name: 'Remove' }).click();
  await page.getByTestId('account-remove-confirm').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();
});
