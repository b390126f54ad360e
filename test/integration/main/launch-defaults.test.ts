import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createBotdeck, type Botdeck } from '../../../src/main/app/create-botdeck';
import { silentLogger } from '../../../src/main/log/logger';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { createSettingsStore } from '../../../src/main/settings';
import { createNodeBotHost } from './node-bot-host';
import { createMeeting, participants } from '../../support/sandbox-client';
import { sandboxAccount } from './fleet-test-kit';

let sandbox: RunningSandbox;
let dataDir: string;
let botdeck: Botdeck | null = null;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, audit: true });
  dataDir = await mkdtemp(join(tmpdir(), 'botdeck-defaults-'));
});
afterEach(async () => {
  await botdeck?.dispose();
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('launchDefaults in settings.json apply to every launch', async () => {
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ version: 1, launchDefaults: { maxDurationMs: 1_000 } }),
  );
  const host = createNodeBotHost();
  botdeck = await createBotdeck({
    accounts: [sandboxAccount(sandbox)],
    storedAccounts: {
      settings: createSettingsStore({ dir: dataDir }),
      vault: () => Promise.reject(new Error('no keychain needed here')),
    },
    sandboxUrl: sandbox.url,
    windowHost: host,
    logger: silentLogger,
  });
  host.attach(botdeck);
  const meeting = await createMeeting(sandbox);
  const launched = await botdeck.handleDashboard('bots:launch', {
    meeting: meeting.meetingNumber,
    passcode: meeting.passcode,
    names: ['Short stay'],
  });
  expect(launched.ok).toBe(true);
  await vi.waitFor(
    async () => expect(await participants(sandbox, meeting.meetingNumber)).toHaveLength(1),
    {
      timeout: 10_000,
    },
  );
  // The one-second maximum from the settings file takes the bot out again, with its reason.
  await vi.waitFor(
    async () => {
      const snapshot = await botdeck?.handleDashboard('app:snapshot', {});
      if (!snapshot?.ok) throw new Error('No snapshot');
      expect(snapshot.value.bots[0]).toMatchObject({ state: 'left' });
      expect(snapshot.value.bots[0]?.note).toMatch(/automatically/i);
    },
    { timeout: 10_000 },
  );
  expect(await participants(sandbox, meeting.meetingNumber)).toHaveLength(0);
});
