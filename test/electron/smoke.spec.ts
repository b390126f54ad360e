/**
 * Runs only where an Electron binary exists (none can be downloaded on the build machines):
 * the real app starts in sandbox mode and the dashboard shows the sandbox account.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary, thisMachine } from '../../scripts/electron-status.mjs';

// The binary `npm start` would run (its check and this test agree on what "installed" means).
const { binary, missing } = findElectronBinary(thisMachine(process.cwd()));

const SKIP_REASON =
  `${missing ?? ''} The same pages and services are covered by the web host e2e tests.`.trim();

test('the Electron app opens the dashboard in sandbox mode', async () => {
  if (binary === null) {
    console.warn(`Electron smoke test skipped: ${SKIP_REASON}`);
    test.skip(true, SKIP_REASON);
    return;
  }
  const app = await electron.launch({ executablePath: binary, args: ['.'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('sandbox-banner')).toBeVisible();
    await expect(window.getByTestId('account-card')).toBeVisible();
    const isolated = await window.evaluate(
      () => typeof (globalThis as { botdeck?: unknown }).botdeck,
    );
    expect(isolated).toBe('object');
  } finally {
    await app.close();
  }
});
