/**
 * The real desktop app, where an Electron binary exists (none can be downloaded on the build
 * machines, so there it reports itself skipped). It starts what an installer would: an unpacked
 * electron-builder build when `npm run dist -- --dir` made one, else Electron on the production
 * build (`out/`, no dev server), with a throwaway data folder. It checks what only a real
 * Electron can: the sandboxed preloads load, app:// serves every partition, one sandbox bot gets
 * into its meeting, and a bot window for the Meeting SDK is cross-origin isolated (Diagnostics
 * opens one; a sandbox bot's page runs no SDK and is not isolated).
 */
import { _electron as electron, expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, thisMachine } from '../../scripts/electron-status.mjs';

interface Launch {
  executablePath: string;
  args: string[];
}

/** An unpacked installer build (dist/linux-unpacked/botdeck…), else what `npm start` runs. */
function desktopApp(): { launch: Launch | null; missing: string | null } {
  if (existsSync('dist')) {
    for (const folder of readdirSync('dist').filter((name) => name.endsWith('-unpacked'))) {
      for (const name of ['botdeck', 'Botdeck.exe']) {
        const path = join('dist', folder, name);
        if (existsSync(path)) return { launch: { executablePath: path, args: [] }, missing: null };
      }
    }
  }
  // The binary `npm start` would run (its check and this test agree on what "installed" means).
  const { binary, missing } = findElectronBinary(thisMachine(process.cwd()));
  return { launch: binary === null ? null : { executablePath: binary, args: ['.'] }, missing };
}

const { launch, missing } = desktopApp();

const SKIP_REASON =
  `${missing ?? ''} No unpacked build in dist/ either. The shell's logic is covered under a ` +
  'stand-in (test/shell), the pages and services by the web host e2e tests.';

async function botWindow(pages: () => Page[]): Promise<Page> {
  let found: Page | undefined;
  await expect
    .poll(() => (found = pages().find((page) => page.url().endsWith('/bot/index.html'))), {
      timeout: 60_000,
    })
    .toBeTruthy();
  return found as Page;
}

test('the desktop app starts in sandbox mode, puts a sandbox bot into a meeting and isolates SDK bot windows', async () => {
  if (launch === null) {
    console.warn(`Electron smoke test skipped: ${SKIP_REASON}`);
    test.skip(true, SKIP_REASON);
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'botdeck-electron-'));
  const app = await electron.launch({
    ...launch,
    env: {
      ...process.env,
      ELECTRON_RENDERER_URL: '',
      // Botdeck's data folder under a throwaway home on every OS.
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      APPDATA: join(home, 'AppData'),
    },
  });
  try {
    const dashboard = await app.firstWindow();
    await expect(dashboard.getByTestId('sandbox-banner')).toBeVisible();
    await expect(dashboard.getByTestId('account-card')).toBeVisible();
    expect(
      await dashboard.evaluate(() => typeof (globalThis as { botdeck?: unknown }).botdeck),
    ).toBe('object');
    expect(
      await dashboard.evaluate(
        () => (globalThis as unknown as { location: { origin: string } }).location.origin,
      ),
    ).toBe('app://botdeck');

    const form = dashboard.getByRole('form', { name: 'Launch bots' });
    await form.getByRole('button', { name: 'New sandbox meeting' }).click();
    await form.getByLabel('Number of bots').fill('1');
    await form.getByLabel('Name of bot 1', { exact: true }).fill('Electron bot');
    await form.getByRole('button', { name: 'Launch' }).click();

    const bot = await botWindow(() => app.windows());
    expect(
      await bot.evaluate(
        () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated,
      ),
    ).toBe(false);
    expect(
      await bot.evaluate(() => typeof (globalThis as { botdeckBot?: unknown }).botdeckBot),
    ).toBe('object');
    await expect(dashboard.locator('[data-testid="bot-row"][data-state="in_meeting"]')).toHaveCount(
      1,
      { timeout: 60_000 },
    );
    await expect(dashboard.getByTestId('bot-table')).toContainText('Electron bot');

    // Diagnostics opens a bot window as a Zoom bot gets it and reads crossOriginIsolated there.
    const diagnostics = dashboard.getByTestId('diagnostics-panel');
    await diagnostics.getByRole('button', { name: 'Diagnostics' }).click();
    await expect(
      diagnostics.locator('[data-testid="diagnostic-check"][data-check="bot-isolation"]'),
    ).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
