/**
 * Starts Botdeck's desktop app (`runDesktopApp`, the code `src/main/index.ts` runs) against the
 * Electron stand-in, with a fresh data folder and real services: the embedded sandbox over HTTP,
 * the fleet, the keychain-free sandbox account. Tests then act as the OS (ready, second launch,
 * quit) and as the pages (support/pages.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { Botdeck } from '../../../src/main/app/create-botdeck';
import type { DesktopAppOptions } from '../../../src/main/electron/desktop-app';
import type { LogFields, Logger } from '../../../src/main/log/logger';
import type { AppSnapshot, BotView } from '../../../src/shared/ipc-contract';
import { resetElectronStandIn, type ElectronStandIn } from '../stand-in/world';
import { servePages, type PageOptions, type Pages } from './pages';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: LogFields;
}

export interface DesktopKit {
  world: ElectronStandIn;
  userData: string;
  pages: Pages;
  logs: LogEntry[];
  /** The running services; null when the app started none. */
  botdeck: Botdeck | null;
  snapshot(): Promise<AppSnapshot>;
  /** Launches bots into a new sandbox meeting from the dashboard page; returns their ids. */
  launch(names: string[]): Promise<{ botIds: string[]; meetingNumber: string }>;
  waitForBot(id: string, check: (bot: BotView) => boolean): Promise<BotView>;
  /** Quits (if not already) and removes the data folder. */
  dispose(): Promise<void>;
}

export interface DesktopKitOptions extends Omit<DesktopAppOptions, 'logger'> {
  /** False: another instance holds the lock. */
  lock?: boolean;
  /** Run as an installed app (`app.isPackaged`). */
  packaged?: boolean;
  /** settings.json fields written into the data folder before the app starts. */
  settings?: Record<string, unknown>;
  pages?: PageOptions;
}

export async function startDesktop(options: DesktopKitOptions = {}): Promise<DesktopKit> {
  const userData = await mkdtemp(join(tmpdir(), 'botdeck-shell-'));
  if (options.settings) {
    await writeFile(
      join(userData, 'settings.json'),
      JSON.stringify({ version: 1, ...options.settings }),
    );
  }
  const world = resetElectronStandIn(userData);
  world.app.lockAvailable = options.lock ?? true;
  world.app.isPackaged = options.packaged ?? false;
  const pages = servePages(world, options.pages);
  const logs: LogEntry[] = [];
  const logger: Logger = {
    info: (message, fields = {}) => logs.push({ level: 'info', message, fields }),
    warn: (message, fields = {}) => logs.push({ level: 'warn', message, fields }),
    error: (message, fields = {}) => logs.push({ level: 'error', message, fields }),
  };
  const { runDesktopApp } = await import('../../../src/main/electron/desktop-app');
  const app = runDesktopApp({
    ...options,
    logger,
    botdeck: {
      leaveGraceMs: 2_000,
      rejoinBackoff: { baseDelayMs: 20, maxDelayMs: 100 },
      ...options.botdeck,
    },
  });
  world.app.becomeReady();
  const botdeck = await app.started;

  async function snapshot(): Promise<AppSnapshot> {
    const result = await pages.dashboardApi().getSnapshot();
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  return {
    world,
    userData,
    pages,
    logs,
    botdeck,
    snapshot,
    async launch(names) {
      const api = pages.dashboardApi();
      const meeting = await api.createSandboxMeeting();
      if (!meeting.ok) throw new Error(meeting.error.message);
      const launched = await api.launchBots({
        meeting: meeting.value.meetingNumber,
        passcode: meeting.value.passcode,
        names,
      });
      if (!launched.ok) throw new Error(launched.error.message);
      return { botIds: launched.value.botIds, meetingNumber: meeting.value.meetingNumber };
    },
    async waitForBot(id, check) {
      let found: BotView | undefined;
      await vi.waitFor(
        async () => {
          found = (await snapshot()).bots.find((bot) => bot.id === id);
          expect(found && check(found)).toBe(true);
        },
        { timeout: 15_000, interval: 20 },
      );
      return found as BotView;
    },
    async dispose() {
      if (world.app.exitCode === null) {
        world.app.quit();
        await world.app.exited;
      }
      await rm(userData, { recursive: true, force: true });
    },
  };
}

/** Launches one bot named `name` and waits until it is in its meeting; its id, meeting and page. */
export async function botInMeeting(kit: DesktopKit, name: string) {
  const { botIds, meetingNumber } = await kit.launch([name]);
  const id = botIds[0] as string;
  await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
  const page = kit.pages.botPagesNamed(name)[0];
  if (!page) throw new Error('The bot page never got its ticket');
  return { id, meetingNumber, page };
}
