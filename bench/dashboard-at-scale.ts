/**
 * The real dashboard, over the web host's real WebSocket, with a thousand bots changing 200
 * times a second for 10 s (a synthetic fleet: bench-only, composed here from the host's own
 * server and services, never reachable from the UI). Measured in Chromium with the browser's
 * own performance APIs while the operator scrolls the table and switches its filter: frame
 * times from requestAnimationFrame, long tasks from a PerformanceObserver, the time a filter
 * or grouping by meeting takes to show, and the bytes each change costs on the wire.
 */
import type { Page } from 'playwright-core';
import { createBotdeck } from '../src/main/app/create-botdeck';
import { silentLogger } from '../src/main/log/logger';
import { sandboxAccountConfig } from '../src/main/modes/sandbox-account';
import { DEFAULT_RENDERER_DIR } from '../src/main/pages/renderer-dir';
import { startSandbox } from '../src/main/sandbox/sandbox-server';
import { startWebServer } from '../src/main/web/web-server';
import { IPC_CALLS, ok, type AppSnapshot } from '../src/shared/ipc-contract';
import { openDashboard } from './support/dashboard-browser';
import { until, watchBotStates } from './support/bot-states';
import { createSyntheticFleet } from './support/synthetic-fleet';

export interface DashboardAtScale {
  bots: number;
  changes: number;
  seconds: number;
  /** 95th percentile of the time between animation frames (16.7 ms at 60 Hz). */
  p95FrameMs: number;
  /** Frames that came more than half a frame late: each one a frame the operator did not get. */
  droppedFrames: number;
  frames: number;
  /** Tasks over 50 ms on the page's main thread. */
  longTasks: number;
  longestTaskMs: number;
  /** Slowest of the filter switches: from the choice to the next frame drawn. */
  filterMs: number;
  /** Slowest switch of "Group by meeting", which reorders every row. */
  groupMs: number;
  wsBytesPerChange: number;
}

/** Bot windows that never open: the synthetic fleet has no pages. */
const NO_WINDOWS = {
  open: () => Promise.reject(new Error('the dashboard benchmark opens no bot pages')),
  close: () => Promise.resolve(),
  send: () => undefined,
  onGone: () => () => undefined,
  capture: () => Promise.resolve(null),
};

/** Runs in the page: starts counting frames and long tasks, and scrolls the table. */
const START_MEASURING = `(() => {
  const bench = (window.__bench = { frames: [], longTasks: [], stop: false });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  let last = 0;
  const frame = (time) => {
    if (last) bench.frames.push(time - last);
    last = time;
    if (!bench.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const table = document.querySelector('.table-scroll');
  bench.scroller = setInterval(() => {
    if (!table) return;
    const end = table.scrollHeight - table.clientHeight;
    table.scrollTop = table.scrollTop + 120 > end ? 0 : table.scrollTop + 120;
  }, 100);
})()`;

/**
 * Runs in the page: picks a state filter, or toggles "Group by meeting" (which reorders every
 * row), as the operator would; resolves with the ms until the next frame is drawn.
 */
const changeView = (value: string): string => `new Promise((resolve) => {
  const started = performance.now();
  if (${JSON.stringify(value)} === 'group') {
    document.querySelector('.table-filters input[type=checkbox]').click();
  } else {
    const select = document.querySelector('.table-filters select');
    const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
    set.call(select, ${JSON.stringify(value)});
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
})`;

const STOP_MEASURING = `(() => {
  const bench = window.__bench;
  bench.stop = true;
  clearInterval(bench.scroller);
  return { frames: bench.frames, longTasks: bench.longTasks };
})()`;

/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

const VIEW_CHANGES = ['in_meeting', 'group', 'reconnecting', 'live', 'group', 'all'];

/** Spreads the view changes over the run; the time each took to show, in order. */
async function viewChanges(page: Page, seconds: number): Promise<number[]> {
  const times: number[] = [];
  for (const value of VIEW_CHANGES) {
    await new Promise((resolve) =>
      setTimeout(resolve, (seconds * 1000) / (VIEW_CHANGES.length + 1)),
    );
    times.push(Number(await page.evaluate(changeView(value))));
  }
  return times;
}

export async function dashboardAtScale(
  bots = 1_000,
  perSecond = 200,
  seconds = 10,
): Promise<DashboardAtScale> {
  const sandbox = await startSandbox({ port: 0 });
  const web = await startWebServer({
    rendererDir: DEFAULT_RENDERER_DIR,
    logger: silentLogger,
    sandboxOrigin: sandbox.url,
  });
  sandbox.setAllowedOrigins([web.origin]);
  const botdeck = await createBotdeck({
    accounts: [sandboxAccountConfig(sandbox)],
    sandboxUrl: sandbox.url,
    windowHost: NO_WINDOWS,
    logger: silentLogger,
  });
  const fleet = createSyntheticFleet(bots);
  // The real handlers answer everything; the snapshot's bots are the synthetic fleet's.
  web.attach({
    async handleDashboard(channel, payload) {
      const result = await botdeck.handleDashboard(channel, payload);
      if (channel !== IPC_CALLS.getSnapshot.channel || !result.ok) return result;
      return ok({ ...(result.value as AppSnapshot), bots: fleet.list() });
    },
    onBotsChanged: (listener) => fleet.onChanged(listener),
  });
  const dashboard = await openDashboard(web.launchUrl);
  try {
    const { page } = dashboard;
    const states = watchBotStates(page);
    await page
      .getByTestId('bot-summary')
      .filter({ hasText: `${bots} in meeting` })
      .waitFor();
    // As a real fleet's dashboard has, it heard of every bot once when it was launched.
    fleet.announce();
    await until(() => states.updates() >= bots, 10_000);
    await page.evaluate(START_MEASURING);
    const updatesBefore = states.updates();
    const bytesBefore = states.bytes();
    const [changes, viewTimes] = await Promise.all([
      fleet.run(perSecond, seconds),
      viewChanges(page, seconds),
    ]);
    const timesOf = (group: boolean) =>
      viewTimes.filter((_, index) => (VIEW_CHANGES[index] === 'group') === group);
    // The last frames on the wire reach the page before the count is taken.
    await until(() => states.updates() - updatesBefore >= changes, 2_000).catch(() => undefined);
    const measured = (await page.evaluate(STOP_MEASURING)) as {
      frames: number[];
      longTasks: number[];
    };
    return {
      bots,
      changes,
      seconds,
      p95FrameMs: round(percentile(measured.frames, 95), 2),
      droppedFrames: measured.frames.filter((ms) => ms > 1.5 * FRAME_MS).length,
      frames: measured.frames.length,
      longTasks: measured.longTasks.filter((duration) => duration > 50).length,
      longestTaskMs: round(Math.max(0, ...measured.longTasks)),
      filterMs: round(Math.max(...timesOf(false))),
      groupMs: round(Math.max(...timesOf(true))),
      wsBytesPerChange: round((states.bytes() - bytesBefore) / changes),
    };
  } finally {
    await dashboard.close();
    await botdeck.dispose();
    await web.close();
    await sandbox.close();
  }
}
