/**
 * `npm run bench`: Botdeck's figures, each printed as one JSON line as it is measured; the last
 * line is one object with all of them. A benchmark, not a test: it never fails on a number.
 *
 *   (a) 1,000 concurrent mints → OAuth token requests that reached the server (goal 1)
 *   (b) 600 mints with the sandbox limiting like Zoom Pro (30/s) → mints a second and 429s
 *   (c) median mint latency through the client vs a raw fetch of the same endpoint
 *   (d) bundle sizes of the dashboard and bot pages
 *   (e) `npm run web` with a current build → seconds to its JSON line
 *   (f) 20 sandbox bots from one click on Launch → seconds until all are in, PSS per bot
 *   (g) 100 sandbox bots the same way, then Leave all → seconds for each, failures
 *   (h) Meeting SDK bots (Zoom's hosts blocked) → PSS per bot at the heaviest, by process kind
 *   (i) the dashboard with 1,000 bots and 200 changes a second → p95 frame, dropped frames, long
 *       tasks, the time a filter or grouping takes to show, bytes per change on the wire
 *
 * `npm run bench -- --quick` skips (g) and (i), the two longest (about a minute together).
 * The figures that drive a web host use the current build, rebuilt first when stale.
 */
import { spawnSync } from 'node:child_process';
import { buildState } from '../scripts/build-stamp.mjs';
import { bundleSizes } from './bundle-sizes';
import { dashboardAtScale } from './dashboard-at-scale';
import { launchFleet } from './fleet-launch';
import { concurrentMints, latency, sustainedMints } from './mint-figures';
import { webHostStartSeconds } from './web-host-start';
import { zoomSdkMemory } from './zoom-sdk-memory';

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
const quick = process.argv.includes('--quick');
const SKIPPED = { skipped: 'npm run bench -- --quick' };

function print(figure: string, values: object): void {
  console.log(JSON.stringify({ figure, ...values }));
}

/** The web host figures measure the app as built; a stale build would measure old code. */
async function ensureCurrentBuild(): Promise<void> {
  if ((await buildState(process.cwd())).current) return;
  console.error('Bench: the sources changed since the last build; building first.');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error('the build failed, so nothing was measured');
}

async function main(): Promise<void> {
  await ensureCurrentBuild();
  const a = await concurrentMints();
  print('a', { concurrentMints: 1000, distinctZaks: a.mints, oauthRequests: a.oauthRequests });
  const b = await sustainedMints();
  const mintsPerSecond = round(b.mintsPerSecond, 2);
  print('b', {
    mints: 600,
    seconds: round(b.seconds),
    mintsPerSecond,
    rateLimited429: b.rateLimited429,
  });
  const c = await latency();
  const overheadRatio = round(c.overheadRatio);
  print('c', {
    clientMedianMs: round(c.clientMedianMs),
    rawMedianMs: round(c.rawMedianMs),
    overheadRatio,
  });
  const d = await bundleSizes();
  print('d', d ?? { note: 'no build: run npm run build' });
  const e = await webHostStartSeconds();
  print('e', { webHostStartSeconds: e.seconds, runs: e.runs });
  const f = await launchFleet(20);
  print('f', f);
  const g = quick ? null : await launchFleet(100);
  print('g', g ?? SKIPPED);
  const h = await zoomSdkMemory();
  print('h', h);
  const i = quick ? null : await dashboardAtScale();
  print('i', i ?? SKIPPED);
  console.log(
    JSON.stringify({
      ...(d ?? {}),
      oauthRequests: a.oauthRequests,
      mintsPerSecond,
      rateLimited429: b.rateLimited429,
      overheadRatio,
      webHostStartSeconds: e.seconds,
      launch20Seconds: f.launchSeconds,
      launch100Seconds: g?.launchSeconds ?? null,
      leave100Seconds: g?.leaveSeconds ?? null,
      failed100: g?.failed ?? null,
      pssPerSandboxBotMB: f.pssPerBotMB,
      pssPerZoomSdkBotMB: h.pssPerBotMB,
      dashboardP95FrameMs: i?.p95FrameMs ?? null,
      dashboardLongTasks: i?.longTasks ?? null,
      dashboardDroppedFrames: i?.droppedFrames ?? null,
      wsBytesPerChange: i?.wsBytesPerChange ?? null,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
