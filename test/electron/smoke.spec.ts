/**
 * The real desktop app, where an Electron binary exists (none can be downloaded on the build
 * machines, so there it reports itself skipped). It starts what an installer would: an unpacked
 * electron-builder build when `npm run dist -- --dir` made one, else Electron on the production
 * build (`out/`, no dev server), with a throwaway data folder. It checks what only a real
 * Electron can: the sandboxed preloads load, app:// serves every partition, a bot window is
 * cross-origin isolated, and one sandbox bot gets into its meeting.
 */
import { _electron as electron, expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Launch {
  executablePath: string;
  args: string[];
}

/** An unpacked installer build (dist/linux-unpacked/botdeck…) or Electron on the project. */
function desktopApp(): Launch | null {
  const dist = 'dist';
  if (existsSync(dist)) {
    for (const folder of readdirSync(dist).filter((name) => name.endsWith('-unpacked'))) {
      for (const name of ['botdeck', 'Botdeck.exe']) {
        const path = join(dist, folder, name);
        if (existsSync(path)) return { executablePath: path, args: [] };
      }
    }
  }
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { executablePath: binary, args: ['.'] } : null;
}

const launch = desktopApp();

const SKIP_REASON =
  'No Electron binary in node_modules/electron/dist and no unpacked build in dist/ (Electron ' +
  'cannot be downloaded on this machine); the shell logic is covered under a stand-in ' +
  '(test/shell) and the pages and services by the web host e2e tests.';

async function botWindow(pages: () => Page[]): Promise<Page> {
  let found: Page | undefined;
  await expect
    .poll(() => (found = pages().find((page) => page.url().endsWith('/bot/index.html'))), {
      timeout: 60_000,
    })
    .toBeTruthy();
  return found as Page;
}

test('the desktop app starts in sandbox mode and puts a sandbox bot, isolated, into a meeting', async () => {
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
    ).toBe(true);
    expect(
      await bot.evaluate(() => typeof (globalThis as { botdeckBot?: unknown }).botdeckBot),
    ).toBe('object');
    await expect(dashboard.locator('[data-testid="bot-row"][data-state="in_meeting"]')).toHaveCount(
      1,
      { timeout: 60_000 },
    );
    await expect(dashboard.getByTestId('bot-table')).toContainText('Electron bot');
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
