/**
 * What a bot running Zoom's Meeting SDK costs: the web host started as the Zoom SDK e2e tests
 * start it (`--meeting-sdk zoom`, Zoom's hosts blocked), N such bots launched from the
 * dashboard, and the host's process tree weighed (PSS) every 200 ms until every bot has given
 * up on reaching Zoom. The heaviest moment, less the idle host, per bot; and by kind of
 * process, which says what dominates.
 */
import { ZOOM_HOST_PATTERNS } from '../test/e2e/support/zoom-sdk-fixture';
import { prepareLaunch, withHostDashboard } from './support/dashboard-browser';
import { until, watchBotStates } from './support/bot-states';
import { treeMemory, waitForSteadyTree, type TreeMemory } from './support/process-tree';

export interface ZoomSdkMemory {
  bots: number;
  pssPerBotMB: number;
  /** PSS per bot at the heaviest moment, by kind of process (renderer, utility:audio …). */
  perBotByKindMB: Record<string, number>;
}

const round = (value: number): number => Math.round(value * 10) / 10;

export async function zoomSdkMemory(bots = 3): Promise<ZoomSdkMemory> {
  const options = {
    args: ['--meeting-sdk', 'zoom', ...ZOOM_HOST_PATTERNS.flatMap((p) => ['--block-host', p])],
    // All of them at once, so the heaviest moment holds every bot.
    settings: { version: 1, launchDefaults: { concurrency: bots } },
  };
  return withHostDashboard(options, async (host, page) => {
    const states = watchBotStates(page);
    await prepareLaunch(page, bots, host.sandboxUrl);
    await waitForSteadyTree(host.pid);
    const idle = await treeMemory(host.pid);
    await page.getByRole('button', { name: 'Launch', exact: true }).click();
    let peak: TreeMemory = idle;
    await until(async () => {
      const now = await treeMemory(host.pid);
      if (now.pssMB > peak.pssMB) peak = now;
      return states.everIn('failed') + states.everIn('left') >= bots;
    }, 120_000);
    const perBotByKindMB: Record<string, number> = {};
    for (const [kind, mb] of Object.entries(peak.byKind)) {
      const grown = (mb - (idle.byKind[kind] ?? 0)) / bots;
      if (Math.abs(grown) >= 0.5) perBotByKindMB[kind] = round(grown);
    }
    return { bots, pssPerBotMB: round((peak.pssMB - idle.pssMB) / bots), perBotByKindMB };
  });
}
