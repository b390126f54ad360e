/**
 * The operator's browser for the benchmarks: Debian's Chromium (or BOTDECK_CHROMIUM) driven by
 * playwright-core, opening the one-time dashboard URL the web host printed.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumSandboxFor } from '../../src/main/web/chromium-launch';
import { until } from './bot-states';
import { startBenchHost, type BenchHost, type BenchHostOptions } from './web-host-process';

export interface Dashboard {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openDashboard(url: string): Promise<Dashboard> {
  const browser = await chromium.launch({
    executablePath: process.env.BOTDECK_CHROMIUM ?? '/usr/bin/chromium',
    chromiumSandbox: chromiumSandboxFor(process.getuid?.()),
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  return { browser, page, close: () => browser.close() };
}

/** Starts a web host, opens its dashboard, runs `body`, then closes both whatever happened. */
export async function withHostDashboard<T>(
  options: BenchHostOptions,
  body: (host: BenchHost, page: Page) => Promise<T>,
): Promise<T> {
  const host = await startBenchHost(options);
  const dashboard = await openDashboard(host.url).catch(async (error: unknown) => {
    await host.stop();
    throw error;
  });
  try {
    return await body(host, dashboard.page);
  } finally {
    await dashboard.close();
    await host.stop();
  }
}

/**
 * Fills the launch form for `count` bots: with "New sandbox meeting" in sandbox mode, or with a
 * link to a meeting made on the sandbox directly (Zoom mode, where that button is not shown).
 * Returns the meeting number.
 */
export async function prepareLaunch(
  page: Page,
  count: number,
  sandboxUrl?: string,
): Promise<string> {
  const form = page.getByRole('form', { name: 'Launch bots' });
  const meeting = form.getByLabel('Meeting link or number');
  if (sandboxUrl === undefined) {
    await form.getByRole('button', { name: 'New sandbox meeting' }).click();
  } else {
    const response = await fetch(`${sandboxUrl}/sandbox/meetings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ requireAuth: true }),
    });
    const made = (await response.json()) as { meetingNumber: string; passcode: string };
    await meeting.fill(`https://zoom.us/j/${made.meetingNumber}?pwd=${made.passcode}`);
  }
  await until(async () => /\/j\/\d+/.test(await meeting.inputValue()), 15_000);
  await form.getByLabel('Number of bots').fill(String(count));
  return /\/j\/(\d+)/.exec(await meeting.inputValue())?.[1] ?? '';
}
