/**
 * The real bot page with Zoom's real Meeting SDK, opened in the test's own browser where the
 * Electron preload would be: a stand-in bridge hands it one ticket with made-up secrets, records
 * every status and command result it reports, and lets the test send it commands as main would.
 * Zoom's hosts are blocked, and the page gets exactly the policy the host sends a Zoom bot's page.
 */
import type { Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../../src/main/pages/page-policy';
import { signMeetingSdkJwt } from '../../../src/main/zoom/sdk-signature';
import type {
  BotCommand,
  BotCommandResult,
  BotStatusReport,
  JoinTicket,
} from '../../../src/shared/ipc-contract';

export const isZoomHost = (raw: string): boolean => {
  const host = new URL(raw).hostname;
  return ['zoom.us', 'zoomgov.com'].some((zone) => host === zone || host.endsWith(`.${zone}`));
};

/** A ticket shaped like the real thing (the SDK decodes it), signed with a made-up secret. */
export function fakeZoomTicket(meetingNumber: string, userName: string): JoinTicket {
  return {
    sdk: 'zoom',
    meetingNumber,
    passcode: 'e2e-pass',
    userName,
    signature: signMeetingSdkJwt({
      sdkKey: 'e2eFakeSdkKey',
      sdkSecret: 'e2e-fake-sdk-secret',
      meetingNumber,
      role: 0,
      issuedAt: Date.now() / 1000,
    }),
    zak: 'e2e-fake-zak-7f3a9c',
    sandboxUrl: null,
  };
}

export interface ZoomBotPage {
  reports(): Promise<BotStatusReport[]>;
  results(): Promise<BotCommandResult[]>;
  /** Delivers a command as main's `bot:command` event would. */
  command(command: BotCommand): Promise<void>;
}

interface BridgeRecords {
  __botReports: BotStatusReport[];
  __commandResults: BotCommandResult[];
  __sendCommand: (command: BotCommand) => void;
}

export async function openZoomBotPage(
  page: Page,
  origin: string,
  ticket: JoinTicket,
): Promise<ZoomBotPage> {
  await page.route(
    (url) => isZoomHost(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  await page.routeWebSocket(
    (url) => isZoomHost(url.href.replace(/^ws/, 'http')),
    (socket) => socket.close(),
  );
  const zoomPolicy = contentSecurityPolicy('bot', { sandboxOrigin: null, botSdk: 'zoom' });
  await page.route(`${origin}/bot/index.html`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': zoomPolicy };
    await route.fulfill({ response, headers });
  });
  await page.addInitScript((given) => {
    const reports: unknown[] = [];
    const results: unknown[] = [];
    let listener: (command: unknown) => void = () => undefined;
    Object.assign(globalThis, {
      __botReports: reports,
      __commandResults: results,
      __sendCommand: (command: unknown) => listener(command),
      botdeckBot: {
        ready: () => Promise.resolve({ ok: true, value: given }),
        reportStatus: (report: unknown) => {
          reports.push(report);
          return Promise.resolve({ ok: true, value: null });
        },
        reportCommandResult: (result: unknown) => {
          results.push(result);
          return Promise.resolve({ ok: true, value: null });
        },
        onCommand: (next: (command: unknown) => void) => {
          listener = next;
          return () => undefined;
        },
      },
    });
  }, ticket);
  await page.goto(`${origin}/bot/index.html`);
  // Page functions run in the browser (nothing of this file goes along), where the bridge put
  // its records on the global object; this project's Node typings know no `window`.
  return {
    reports: () => page.evaluate(() => (globalThis as unknown as BridgeRecords).__botReports),
    results: () => page.evaluate(() => (globalThis as unknown as BridgeRecords).__commandResults),
    command: (command) =>
      page.evaluate(
        (sent) => (globalThis as unknown as BridgeRecords).__sendCommand(sent),
        command,
      ),
  };
}
