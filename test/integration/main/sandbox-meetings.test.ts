import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBotdeck, type Botdeck } from '../../../src/main/app/create-botdeck';
import { silentLogger } from '../../../src/main/log/logger';
import { signMeetingSdkJwt } from '../../../src/main/zoom/sdk-signature';
import { startSandbox, type RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type { SandboxMeeting } from '../../../src/shared/ipc-contract';
import { parseMeetingInput } from '../../../src/shared/meeting-link';
import { createNodeBotHost } from './node-bot-host';
import { sandboxAccount } from './fleet-test-kit';

let sandbox: RunningSandbox;
let botdeck: Botdeck | null = null;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterEach(async () => {
  await botdeck?.dispose();
  await sandbox.close();
});

async function start(mode: 'sandbox' | 'zoom'): Promise<Botdeck> {
  botdeck = await createBotdeck({
    accounts: [sandboxAccount(sandbox)],
    sandboxUrl: mode === 'sandbox' ? sandbox.url : null,
    windowHost: createNodeBotHost(),
    logger: silentLogger,
  });
  return botdeck;
}

it('sandbox mode makes an authenticated-only meeting the launch form can read', async () => {
  const result = await (await start('sandbox')).handleDashboard('sandbox:create-meeting', {});
  if (!result.ok) throw new Error(result.error.message);
  const meeting = result.value as SandboxMeeting;
  expect(parseMeetingInput(meeting.joinUrl)).toEqual({
    ok: true,
    meetingNumber: meeting.meetingNumber,
    passcode: meeting.passcode,
    zoomDomain: 'zoom.us',
  });
  // A correctly signed join without a ZAK is turned away: the meeting admits signed-in users only.
  const signature = signMeetingSdkJwt({
    sdkKey: sandbox.account.sdkKey,
    sdkSecret: sandbox.account.sdkSecret,
    meetingNumber: meeting.meetingNumber,
    role: 0,
    issuedAt: Date.now() / 1000,
  });
  const join = await fetch(`${sandbox.url}/sandbox/meetings/${meeting.meetingNumber}/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ signature, zak: '', userName: 'Probe', passcode: meeting.passcode }),
  });
  expect(await join.json()).toMatchObject({ errorCode: 3100 });
});

it('without a sandbox, Botdeck refuses to make sandbox meetings', async () => {
  const result = await (await start('zoom')).handleDashboard('sandbox:create-meeting', {});
  expect(result).toEqual({
    ok: false,
    error: { code: 'not_sandbox', message: 'Sandbox meetings exist only in sandbox mode.' },
  });
});
