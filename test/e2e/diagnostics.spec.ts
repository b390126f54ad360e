/**
 * Diagnostics through the web host: the operator opens the section and sees the same checks
 * `npm run doctor` prints, each with its status, and where this host's log goes. Here the
 * stand-in for Zoom is the sandbox (--zoom-base-url), so the Zoom checks reach it; the bot
 * window check opens a real bot page in the web host's Chromium.
 */
import { expect, test } from './support/botdeck-fixture';

test('Diagnostics shows every check with its status, and where the web host logs', async ({
  page,
  botdeck,
}) => {
  await page.goto(botdeck.url);
  const panel = page.getByTestId('diagnostics-panel');
  await expect(panel.getByTestId('diagnostic-check')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Diagnostics' }).click();

  const check = (id: string) =>
    panel.locator(`[data-testid="diagnostic-check"][data-check="${id}"]`);
  await expect(check('electron')).toContainText('Electron binary');
  await expect(check('electron')).toHaveAttribute('data-status', /^(ok|problem)$/);
  await expect(check('display')).toContainText('Display');
  await expect(check('keychain')).toHaveAttribute('data-status', 'ok');
  await expect(check('data-folder')).toHaveAttribute('data-status', 'ok');
  await expect(check('data-folder')).toContainText(botdeck.dataDir);
  await expect(check('sdk-assets')).toHaveAttribute('data-status', 'ok');
  await expect(check('bot-isolation')).toHaveAttribute('data-status', 'ok');
  await expect(check('bot-isolation')).toContainText("the web host's Chromium");
  for (const id of ['zoom-api', 'zoom-oauth', 'zoom-web-sdk', 'zoom-sdk-cdn']) {
    await expect(check(id)).toHaveAttribute('data-status', 'ok');
    await expect(check(id)).toContainText(`Reached ${botdeck.sandbox.url}`);
  }
  await expect(check('accounts')).toHaveAttribute('data-status', 'skipped');

  const log = panel.getByTestId('log-location');
  await expect(log).toContainText('standard error (stderr)');
  await expect(panel.getByRole('button', { name: 'Open log folder' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/dashboard-diagnostics.png', fullPage: true });

  await panel.getByRole('button', { name: 'Run checks again' }).click();
  await expect(panel.getByRole('button', { name: 'Run checks again' })).toBeEnabled();
  await expect(check('sdk-assets')).toHaveAttribute('data-status', 'ok');
});
