/**
 * Fuzzing every IPC request through the real router: Botdeck built by its composition function
 * against a real sandbox and the Node bot host, fed random and channel-shaped payloads on the
 * dashboard and bot paths. Each call must settle as a refusal or a result, never throw, and
 * never end in a handler failure ('internal' or an error in the log).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedAccountsIn } from '../../../src/main/modes/stored-accounts-setup';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type { Result } from '../../../src/shared/ipc-contract';
import { fuzz } from '../../support/fuzz';
import { startFleet, type FleetKit } from './fleet-test-kit';
import { botCall, dashboardCall, type IpcTargets } from './ipc-arbitraries';
import { recordingLogger } from './recording-logger';
import { createMeeting } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let kit: FleetKit;
let targets: IpcTargets;
const { logger: recording, errors } = recordingLogger();

let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, lightLimitPerSecond: 100_000 });
  dataDir = await mkdtemp(join(tmpdir(), 'botdeck-ipc-fuzz-'));
  kit = await startFleet(sandbox, {
    logger: recording,
    joinTimeoutMs: 5_000,
    // Stored accounts (in the throwaway keyring) and persistence, so every channel has a handler
    // behind it; stored accounts reach the sandbox, never zoom.us.
    storedAccounts: storedAccountsIn(dataDir),
    zoomBase: { oauthBaseUrl: sandbox.url, apiBaseUrl: sandbox.url },
    persistence: { dataDir },
    // Little enough that some fuzzed launches are refused as over capacity, and some confirmed.
    capacity: { assumeFreeMemoryMB: 100 },
  });
  const meeting = await createMeeting(sandbox);
  targets = {
    meetingNumber: meeting.meetingNumber,
    // Bots Botdeck still has: "Clear finished" (fuzzed too) forgets ended ones.
    botIds: () => {
      const known = new Set<string>();
      for (const event of kit.events) {
        for (const bot of event.bots) known.add(bot.id);
        for (const id of event.removed ?? []) known.delete(id);
      }
      return [...known].slice(-20);
    },
  };
});
afterAll(async () => {
  await kit.botdeck.dispose();
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Accepted calls per channel, to show the fuzzing got past the schemas into the handlers. */
const accepted = new Map<string, number>();

/** A settled IPC answer: ok with a value, or a refusal with a code and words. */
function expectResult(channel: string, result: Result<unknown>, what: string): void {
  expect(typeof result.ok, what).toBe('boolean');
  if (result.ok) {
    accepted.set(channel, (accepted.get(channel) ?? 0) + 1);
    return;
  }
  expect(result.error.code, what).toMatch(/^[a-z_]+$/);
  expect(result.error.code, `${what}: ${result.error.message}`).not.toBe('internal');
  expect(result.error.message.length, what).toBeGreaterThan(0);
}

describe('IPC router under fuzzing', () => {
  it('answers every dashboard request with a result or a refusal (10,000 cases)', async () => {
    await fuzz('IPC dashboard requests', dashboardCall(targets), async ({ channel, payload }) => {
      const result = await kit.botdeck.handleDashboard(channel, payload);
      expectResult(channel, result, `${channel} ${JSON.stringify(payload)?.slice(0, 200)}`);
      expect(errors).toEqual([]);
    });
    console.warn('[fuzz] accepted dashboard calls', Object.fromEntries(accepted));
    // Past the schemas and into the handlers, not only refusals.
    expect(accepted.get('bots:launch')).toBeGreaterThan(10);
    expect(accepted.get('bots:capacity')).toBeGreaterThan(10);
  }, 180_000);

  it('answers every bot request with a result or a refusal (10,000 cases)', async () => {
    // Bots to report about, whatever the dashboard fuzzing left (it clears finished ones).
    const launched = await kit.botdeck.handleDashboard('bots:launch', {
      meeting: targets.meetingNumber,
      names: ['Fuzz 1', 'Fuzz 2', 'Fuzz 3'],
      // Bots still starting from the dashboard fuzzing may fill the 100 MB this Botdeck assumes.
      confirmOverCapacity: true,
    });
    expect(launched.ok).toBe(true);
    await fuzz('IPC bot requests', botCall(targets), async ({ channel, botId, payload }) => {
      const result = await kit.botdeck.handleBot(botId, channel, payload);
      expectResult(
        channel,
        result,
        `${botId} ${channel} ${JSON.stringify(payload)?.slice(0, 200)}`,
      );
      expect(errors).toEqual([]);
    });
    console.warn('[fuzz] accepted calls', Object.fromEntries(accepted));
    expect(accepted.get('bot:status')).toBeGreaterThan(100);
  }, 180_000);
});
