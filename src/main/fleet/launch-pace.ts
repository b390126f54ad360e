/**
 * How many bots launch at once (mint, open a page, join), per kind of meeting client, when the
 * operator has not set `launchDefaults.concurrency` in settings.json. The two kinds cost very
 * different amounts, measured on the web host (2 cores, Chromium 156):
 *
 * - A sandbox bot costs about 0.35 CPU-seconds from click to "In meeting", most of its time
 *   waiting on round trips (page, bridge, sandbox), so many can be under way at once: 20 at a
 *   time put 20 bots in the meeting in one wave instead of the five waves the old cap of 4 made
 *   (11 s down to about 5 s), and it keeps the sandbox's Light rate (30 ZAKs a second) busy.
 * - A Meeting SDK bot costs about 3 CPU-seconds before it even sends its join (parsing and
 *   starting Zoom's 5.4 MB SDK): CPU-bound, so more at once than there are cores only stretches
 *   every bot's join toward the join timeout, and real Zoom meetings see a gentler pace.
 */
import type { MeetingSdkKind } from '../../shared/ipc-contract';

export type LaunchConcurrency = Record<MeetingSdkKind, number>;

export const SANDBOX_LAUNCH_CONCURRENCY = 20;
/** Zoom bots: one per core, at least 2 and at most 8. */
export const ZOOM_LAUNCH_CONCURRENCY = { min: 2, max: 8 };

/** The operator's setting for every kind, or the measured default per kind for this machine. */
export function launchConcurrency(setting: number | undefined, cores: number): LaunchConcurrency {
  if (setting !== undefined) return { sandbox: setting, zoom: setting };
  const { min, max } = ZOOM_LAUNCH_CONCURRENCY;
  return {
    sandbox: SANDBOX_LAUNCH_CONCURRENCY,
    zoom: Math.min(max, Math.max(min, Math.floor(cores))),
  };
}
