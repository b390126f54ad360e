/**
 * A Zoom bot page served by the web host, opened in the test's own browser with a stand-in for
 * the bot bridge (the Electron preload's place): it hands the page a ticket once, records what
 * the page reports (statuses, and how each chat or rename command went), and lets the test send
 * it commands as main would. The page gets the policy the host sends a Zoom bot's page, since this
 * browser is not one of the host's bot contexts.
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

export const MEETING_NUMBER = '85746065432';

/** A ticket shaped like the real thing (the SDK decodes the signature), with made-up secrets. */
export function fakeZoomTicket(overrides: Partial<JoinTicket> = {}): JoinTicket {
  return {
    sdk: 'zoom',
    meetingNumber: MEETING_NUMBER,
    passcode: 'e2e-pass',
    userName: 'Direct Probe',
    signature: signMeetingSdkJwt({
      sdkKey: 'e2eFakeSdkKey',
      sdkSecret: 'e2e-fake-sdk-secret',
      meetingNumber: MEETING_NUMBER,
      role: 0,
      issuedAt: Date.now() / 1000,
    }),
    zak: 'e2e-fake-zak-7f3a9c',
    zoomDomain: 'zoom.us',
    sandboxUrl: null,
    ...overrides,
  };
}

/** Whether a request or socket goes to one of Zoom's hosts (route matchers pass URL objects). */
export function isZoomUrl(url: string | URL): boolean {
  const host = new URL(url).hostname;
  return ['zoom.us', 'zoomgov.com'].some((zone) => host === zone || host.endsWith(`.${zone}`));
}

/** Serves the bot page with a Zoom bot's policy and the stand-in bridge, then opens it. */
export async function openZoomBotPage(
  page: Page,
  origin: string,
  ticket: JoinTicket,
): Promise<void> {
  const zoomPolicy = contentSecurityPolicy('bot', { sandboxOrigin: null, botSdk: 'zoom' });
  await page.route(`${origin}/bot/index.html`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': zoomPolicy };
    await route.fulfill({ response, headers });
  });
  await page.addInitScript((given) => {
    const reports: unknown[] = [];
    const results: unknown[] = [];
    let hear: (command: unknown) => void = () => undefined;
    Object.assign(globalThis, {
      __botReports: reports,
      __commandResults: results,
      __sendCommand: (command: unknown) => hear(command),
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
        onCommand: (listener: (command: unknown) => void) => {
          hear = listener;
          return () => undefined;
        },
      },
    });
  }, ticket);
  await page.goto(`${origin}/bot/index.html`);
}

/** What the bot page's stand-in bridge saw, read back from the page. */
export async function reportsOf(page: Page): Promise<BotStatusReport[]> {
  // Page functions run in the browser; this project's Node typings know no `window`.
  return page.evaluate(
    () => (globalThis as unknown as { __botReports: BotStatusReport[] }).__botReports,
  );
}

/** How each chat or rename command went, as the page answered it, in order. */
export async function commandResultsOf(page: Page): Promise<BotCommandResult[]> {
  return page.evaluate(
    () => (globalThis as unknown as { __commandResults: BotCommandResult[] }).__commandResults,
  );
}

/** Delivers a command to the page as main's `bot:command` event would. */
export async function sendCommand(page: Page, command: BotCommand): Promise<void> {
  await page.evaluate(
    (sent) =>
      (globalThis as unknown as { __sendCommand: (command: BotCommand) => void }).__sendCommand(
        sent,
      ),
    command,
  );
}
