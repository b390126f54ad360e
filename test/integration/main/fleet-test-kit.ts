/**
 * Shared setup for the fleet reliability integration tests: a real sandbox over HTTP, Botdeck
 * built by its composition function with the Node bot host (the real bot page per bot), short
 * rejoin backoffs, and small helpers to launch, read bots and find a bot's participant in the
 * sandbox.
 */
import { expect, vi } from 'vitest';
import {
  createBotdeck,
  type Botdeck,
  type BotdeckOptions,
} from '../../../src/main/app/create-botdeck';
import { silentLogger } from '../../../src/main/log/logger';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type {
  AppSnapshot,
  BotsChangedEvent,
  BotView,
  LaunchTimeouts,
} from '../../../src/shared/ipc-contract';
import { createNodeBotHost, type NodeBotHost, type NodeBotHostOptions } from './node-bot-host';
import type { AccountConfig } from '../../../src/main/accounts/account-config';
import { sandboxAccountConfig } from '../../../src/main/modes/sandbox-account';
import { participants, type Participant } from '../../support/sandbox-client';

export interface FleetKit {
  botdeck: Botdeck;
  host: NodeBotHost;
  events: BotsChangedEvent[];
  snapshot(): Promise<AppSnapshot>;
  launch(
    meeting: { meetingNumber: string; passcode: string },
    names: string[],
    timeouts?: LaunchTimeouts,
  ): Promise<string[]>;
  bot(id: string): Promise<BotView>;
  waitFor(id: string, check: (bot: BotView) => boolean, timeout?: number): Promise<BotView>;
  /** Every state the bot was seen in by the dashboard, in order (from bots:changed events). */
  seen(id: string): BotView[];
}

export async function startFleet(
  sandbox: RunningSandbox,
  options: Partial<BotdeckOptions> = {},
  hostOptions: NodeBotHostOptions = {},
): Promise<FleetKit> {
  const host = createNodeBotHost(hostOptions);
  const botdeck = await createBotdeck({
    accounts: [sandboxAccount(sandbox)],
    sandboxUrl: sandbox.url,
    windowHost: host,
    logger: silentLogger,
    joinTimeoutMs: 10_000,
    leaveGraceMs: 2_000,
    // Short waits between rejoin attempts: the behaviour is the same, the tests are quick.
    rejoinBackoff: { baseDelayMs: 50, maxDelayMs: 400 },
    // The Node bot host's bots are not browser pages: a browser bot's cost does not apply to
    // them, so the capacity guard is told there is room (its own tests say otherwise).
    capacity: { assumeFreeMemoryMB: 1_000_000 },
    ...options,
  });
  host.attach(botdeck);
  const events: BotsChangedEvent[] = [];
  botdeck.onBotsChanged((event) => events.push(event));

  async function snapshot(): Promise<AppSnapshot> {
    const result = await botdeck.handleDashboard('app:snapshot', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value as AppSnapshot;
  }
  async function bot(id: string): Promise<BotView> {
    const found = (await snapshot()).bots.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`No bot ${id}`);
    return found;
  }
  return {
    botdeck,
    host,
    events,
    snapshot,
    bot,
    async launch(meeting, names, timeouts) {
      const result = await botdeck.handleDashboard('bots:launch', {
        meeting: meeting.meetingNumber,
        passcode: meeting.passcode,
        names,
        timeouts,
      });
      if (!result.ok) throw new Error(result.error.message);
      return (result.value as { botIds: string[] }).botIds;
    },
    async waitFor(id, check, timeout = 15_000) {
      await vi.waitFor(async () => expect(check(await bot(id))).toBe(true), { timeout });
      return bot(id);
    },
    seen: (id) => events.flatMap((event) => event.bots.filter((view) => view.id === id)),
  };
}

export const isIn = (state: BotView['state']) => (bot: BotView) => bot.state === state;

/** The bot's participant in the sandbox meeting, once it is there. */
export async function participantNamed(
  sandbox: RunningSandbox,
  meetingNumber: string,
  name: string,
): Promise<Participant> {
  let found: Participant | undefined;
  await vi.waitFor(async () => {
    found = (await participants(sandbox, meetingNumber)).find((p) => p.displayName === name);
    expect(found).toBeDefined();
  });
  return found as Participant;
}

/** The sandbox's demo account as Botdeck holds an account (the same config the hosts build). */
export function sandboxAccount(
  sandbox: RunningSandbox,
  overrides: Partial<AccountConfig> = {},
): AccountConfig {
  return { ...sandboxAccountConfig(sandbox), ...overrides };
}
