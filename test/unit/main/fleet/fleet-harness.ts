/**
 * A fleet on a manual clock with a fake window host and a fake Zoom, for tests that drive
 * minutes of rejoins and auto-leave timers in milliseconds. The test plays every bot page: it
 * takes tickets (`ready`) and reports statuses. The host records every open and close and
 * counts a second open window for one bot as a violation instead of hiding it.
 */
import { vi } from 'vitest';
import { createFleet } from '../../../../src/main/fleet/fleet';
import type { LaunchPlan } from '../../../../src/main/fleet/bot-launch';
import type { FleetOptions } from '../../../../src/main/fleet/fleet-api';
import type {
  BotPageSpec,
  BotWindowHost,
  WindowGoneReason,
} from '../../../../src/main/fleet/bot-window-host';
import type { FleetTimers } from '../../../../src/main/fleet/fleet-timers';
import type { FleetAccount } from '../../../../src/main/fleet/join-preparer';
import type { Logger } from '../../../../src/main/log/logger';
import type {
  BotCommand,
  BotReportedStatus,
  BotView,
  LaunchTimeouts,
} from '../../../../src/shared/ipc-contract';

/** Lets promise chains and setImmediate callbacks (the fleet's async steps) run to the end. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  let seq = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: FleetTimers = {
    setTimeout(callback, ms) {
      seq += 1;
      pending.set(seq, { at: now + Math.max(0, ms), callback });
      return seq;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  /** Moves time forward, firing due timers in order and letting the fleet react to each. */
  async function advance(ms: number): Promise<void> {
    const until = now + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | null = null;
      for (const entry of pending)
        if (entry[1].at <= until && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      pending.delete(next[0]);
      now = next[1].at;
      next[1].callback();
      await settle();
    }
    now = until;
    await settle();
  }
  return { now: () => now, timers, advance, pendingCount: () => pending.size };
}

export function fakeWindowHost() {
  const open = new Set<string>();
  /** What each bot's newest page was opened with. */
  const pages = new Map<string, BotPageSpec>();
  const opened: string[] = [];
  const closed: string[] = [];
  const commands: [string, BotCommand][] = [];
  const violations: string[] = [];
  const gone = new Set<(botId: string, reason: WindowGoneReason) => void>();
  let captures = 0;
  const host: BotWindowHost = {
    open(botId, page) {
      if (open.has(botId)) violations.push(`second window for ${botId}`);
      open.add(botId);
      pages.set(botId, page);
      opened.push(botId);
      return Promise.resolve();
    },
    close(botId) {
      if (open.delete(botId)) closed.push(botId);
      return Promise.resolve();
    },
    send(botId, command) {
      commands.push([botId, command]);
    },
    onGone(listener) {
      gone.add(listener);
      return () => gone.delete(listener);
    },
    capture(botId, maxWidth) {
      if (!open.has(botId)) return Promise.resolve(null);
      captures += 1;
      // Stands in for a JPEG: which page, which capture, how wide.
      const jpeg = new TextEncoder().encode(`${botId} frame ${captures}`);
      return Promise.resolve({ jpeg, width: maxWidth, height: Math.round((maxWidth * 9) / 16) });
    },
  };
  return {
    host,
    captureCount: () => captures,
    open,
    pages,
    opened,
    closed,
    commands,
    violations,
    opensOf: (botId: string) => opened.filter((id) => id === botId).length,
    crash(botId: string, reason: WindowGoneReason) {
      if (!open.delete(botId)) return;
      for (const listener of gone) listener(botId, reason);
    },
  };
}

export const silentLogger = (): Logger => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

export interface HarnessOptions extends Partial<FleetOptions> {
  /** The n-th mint (from 1); defaults to a fresh `zak-n` each time. */
  mint?: (n: number) => Promise<string>;
  /**
   * Pages answer a leave command by reporting `left`, as a real bot page does (run-bot.ts).
   * Off by default: most tests play the page's answer themselves, to see the steps between.
   */
  pagesAnswerLeave?: boolean;
}

export function fleetHarness(options: HarnessOptions = {}) {
  const clock = manualClock();
  const windows = fakeWindowHost();
  let mints = 0;
  const mintZak = vi.fn(() => {
    mints += 1;
    return options.mint ? options.mint(mints) : Promise.resolve(`zak-${mints}`);
  });
  const account: FleetAccount = {
    id: 'acc',
    zoom: { mintZak },
    userId: 'svc@example.com',
    sdkKey: 'sdk-key',
    sdkSecret: 'sdk-secret',
    avatarUrl: null,
    sdk: 'sandbox',
  };
  const fleet = createFleet({
    windowHost: windows.host,
    logger: silentLogger(),
    now: clock.now,
    timers: clock.timers,
    // Exactly the middle of the jitter: delays are 2 s, 4 s, 8 s … on the dot.
    random: () => 0.5,
    sandboxUrl: 'http://sandbox',
    ...options,
  });
  /** Every ZAK a page received, in order, with its bot. */
  const handed: { botId: string; zak: string }[] = [];
  if (options.pagesAnswerLeave) {
    const send = windows.host.send.bind(windows.host);
    windows.host.send = (botId, command) => {
      send(botId, command);
      if (command.type !== 'leave') return;
      queueMicrotask(() =>
        fleet.botStatus(botId, { status: 'left', code: null, message: null, participantId: null }),
      );
    };
  }

  /** The page takes its ticket; returns its ZAK (or null when refused). */
  function ready(botId: string): string | null {
    const ticket = fleet.botReady(botId);
    if (!ticket.ok) return null;
    handed.push({ botId, zak: ticket.value.zak });
    return ticket.value.zak;
  }

  async function report(
    botId: string,
    status: BotReportedStatus,
    extra: { code?: number | null; participantCount?: number | null } = {},
  ): Promise<void> {
    fleet.botStatus(botId, {
      status,
      code: extra.code ?? null,
      message: null,
      participantId: null,
      participantCount: extra.participantCount,
    });
    await settle();
  }

  return {
    fleet,
    clock,
    windows,
    mintZak,
    handed,
    async launch(
      names: string[],
      timeouts?: LaunchTimeouts,
      accountOverrides: Partial<FleetAccount> = {},
      meeting: Partial<Pick<LaunchPlan, 'meetingNumber' | 'zoomDomain' | 'chatOnJoin'>> = {},
    ): Promise<string[]> {
      const result = fleet.launch({
        meetingNumber: '123456789',
        passcode: 'pw',
        ...meeting,
        names,
        account: { ...account, ...accountOverrides },
        timeouts,
      });
      if (!result.ok) throw new Error(result.error.message);
      await settle();
      return result.value.botIds;
    },
    view(botId: string): BotView {
      const bot = fleet.list().find((candidate) => candidate.id === botId);
      if (!bot) throw new Error(`no bot ${botId}`);
      return bot;
    },
    ready,
    report,
    /** A page that takes its ticket and gets into the meeting. */
    async joinPage(botId: string, participantCount?: number): Promise<string | null> {
      const zak = ready(botId);
      await report(botId, 'connecting');
      await report(botId, 'in_meeting', { participantCount });
      return zak;
    },
  };
}
