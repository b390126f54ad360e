/**
 * The operator's browser for the benchmarks: Debian's Chromium (or BOTDECK_CHROMIUM) driven by
 * playwright-core, opening the one-time dashboard URL the web host printed.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumSandboxFor } from '../../src/main/web/chromium-launch';
import { until } from './bot-states';

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

/** Fills the launch form with a new sandbox meeting and `count` bots; returns the meeting. */
export async function prepareSandboxLaunch(page: Page, count: number): Promise<string> {
  const form = page.getByRole('form', { name: 'Launch bots' });
  const meeting = form.getByLabel('Meeting link or number');
  await form.getByRole('button', { name: 'New sandbox meeting' }).click();
  await until(async () => /\/j\/\d+/.test(await meeting.inputValue()), 15_000);
  await form.getByLabel('Number of bots').fill(String(count));
  return /\/j\/(\d+)/.exec(await meeting.inputValue())?.[1] ?? '';
}
