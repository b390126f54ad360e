/**
 * Launches sandbox bots the way an operator does, through the real dashboard of a web host
 * started with `npm run web`'s build: a new sandbox meeting, N bots, one click on Launch, then
 * Leave all. Measures, in the dashboard page itself, the time from the click until the summary
 * says all N are in the meeting; the memory the host's whole process tree gained per bot (PSS);
 * and how long Leave all takes to empty the meeting. Reports failures; never fails on a number.
 */
import { treeCpuSeconds, treeMemory, waitForSteadyTree } from './support/process-tree';
import { prepareLaunch, withHostDashboard } from './support/dashboard-browser';
import { until, watchBotStates } from './support/bot-states';

export interface FleetLaunch {
  bots: number;
  /** Click on Launch → the dashboard says all are in the meeting. */
  launchSeconds: number;
  /** Click on Leave all → the meeting is empty and every bot shows as left. */
  leaveSeconds: number;
  /** PSS of the host's process tree with every bot in the meeting, less before, per bot. */
  pssPerBotMB: number;
  /** The host's whole tree before the launch (web host, sandbox, idle Chromium). */
  idleHostMB: number;
  /** CPU time the host's tree spent from the click until all were in. */
  hostCpuSeconds: number;
  /** Bots that ever failed (should be 0). */
  failed: number;
  /** Bot views and changes the dashboard received until all were in. */
  dashboardUpdates: number;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/**
 * Runs in the dashboard: clicks Launch and resolves with the milliseconds until the summary
 * says all `count` bots are in the meeting, or rejects with the capacity guard's words when it
 * flags the launch. A string, so no build step rewrites it.
 */
const clickLaunchAndWait = (count: number): string => `new Promise((resolve, reject) => {
  const summary = document.querySelector('[data-testid="bot-summary"]');
  const launch = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Launch');
  if (!summary || !launch) return reject(new Error('no summary or Launch button'));
  const started = performance.now();
  new MutationObserver(() => {
    if (summary.textContent.startsWith('${count} in meeting')) resolve(performance.now() - started);
    // The capacity guard stopped the launch: this machine has too little memory free for it.
    const warning = document.querySelector('[data-testid="capacity-warning"]');
    if (warning) reject(new Error('Botdeck flagged the launch: ' + warning.textContent));
  }).observe(document.body, { childList: true, characterData: true, subtree: true });
  launch.click();
})`;

async function participants(sandboxUrl: string, meetingNumber: string): Promise<number> {
  const response = await fetch(`${sandboxUrl}/sandbox/meetings/${meetingNumber}/participants`);
  return ((await response.json()) as unknown[]).length;
}

export async function launchFleet(bots: number): Promise<FleetLaunch> {
  return withHostDashboard({}, async (host, page) => {
    const states = watchBotStates(page);
    const meeting = await prepareLaunch(page, bots);
    // The host starts its bot Chromium in the background: measure from where it settles.
    await waitForSteadyTree(host.pid);
    const idle = await treeMemory(host.pid);
    const cpuBefore = await treeCpuSeconds(host.pid);
    const launchMs = Number(await page.evaluate(clickLaunchAndWait(bots)));
    const hostCpuSeconds = (await treeCpuSeconds(host.pid)) - cpuBefore;
    const dashboardUpdates = states.updates();
    await until(() => states.count('in_meeting') === bots, 10_000);
    // Let the pages settle (the last head counts, a garbage collection) before weighing them.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const loaded = await treeMemory(host.pid);

    const leaveStarted = performance.now();
    await page.getByRole('button', { name: 'Leave all' }).click();
    await until(
      async () =>
        states.count('left') === bots && (await participants(host.sandboxUrl, meeting)) === 0,
      120_000,
    );
    const leaveSeconds = (performance.now() - leaveStarted) / 1000;
    return {
      bots,
      launchSeconds: round(launchMs / 1000),
      leaveSeconds: round(leaveSeconds),
      pssPerBotMB: round((loaded.pssMB - idle.pssMB) / bots, 1),
      idleHostMB: round(idle.pssMB, 0),
      hostCpuSeconds: round(hostCpuSeconds),
      failed: states.everIn('failed'),
      dashboardUpdates,
    };
  });
}
