/**
 * Zoom's real Meeting SDK against scripted answers from "Zoom" (support/scripted-zoom.ts): the
 * closest these machines come to Zoom. For each way Zoom can turn a join down, the SDK produces
 * its own callbacks, events and views, and the bot page must end the join within seconds with
 * Zoom's code; main's words for the report are what the operator reads on the bot's row.
 * Which answers are scripted from the SDK's code, and which were seen from Zoom, is in
 * docs/zoom.md, "Scripted answers in the e2e".
 */
import type { Page } from '@playwright/test';
import { reportToEvents } from '../../src/main/fleet/report-events';
import { BotStatusReportSchema, type BotStatusReport } from '../../src/shared/ipc-contract';
import {
  DISCLAIMER_WORDS,
  JOIN_ERROR_MESSAGES,
  PAGE_FAILURE_WORDS,
  ZAK_REFUSED_MESSAGE,
} from '../../src/shared/zoom-errors';
import {
  acceptedFirstAnswer,
  refusedFirstAnswer,
  scriptZoom,
  type ZoomScript,
} from './support/scripted-zoom';
import { fakeZoomTicket, openZoomBotPage, reportsOf } from './support/zoom-bot-page';
import { expect, test } from './support/zoom-host-fixture';

/** The words main gives the operator for a page's report (src/main/fleet/report-events.ts). */
function operatorWords(report: BotStatusReport): string {
  const [event] = reportToEvents(BotStatusReportSchema.parse(report), false);
  return event?.type === 'failed' ? event.failure.message : String(event?.type);
}

/**
 * The page's failure report. The wait covers a cold start of the SDK in this browser on a busy
 * machine (tests do not time things: speed is the bench's job); what proves the join ended on
 * Zoom's answer, not on a stall, is the code and the words checked after.
 */
async function failureOf(page: Page): Promise<BotStatusReport> {
  await expect
    .poll(async () => (await reportsOf(page)).map((report) => report.status), { timeout: 55_000 })
    .toEqual(['connecting', 'failed']);
  const [, failed] = await reportsOf(page);
  return failed as BotStatusReport;
}

interface Case {
  name: string;
  script(signature: string): ZoomScript;
  code: number | null;
  words(pageOrigin: string): string;
}

const byCode = (code: number) => () => JOIN_ERROR_MESSAGES[code] ?? '';
const pageWords = (words: string) => `The meeting could not be joined: ${words}`;

const CASES: Case[] = [
  // The first answer refuses: the SDK calls the join's error callback (`taskGetMeetingInfo`).
  {
    name: 'meeting not found',
    script: () => ({ body: refusedFirstAnswer(3001, 'Meeting does not exist: 85746065432.') }),
    code: 3610,
    words: byCode(3610),
  },
  {
    name: 'wrong passcode',
    script: () => ({ body: refusedFirstAnswer(3004, 'Wrong meeting passcode') }),
    code: 3004,
    words: byCode(3004),
  },
  // The first answer opens one of the SDK's own views and calls nothing.
  {
    name: 'a captcha',
    script: () => ({ body: refusedFirstAnswer(3113, '') }),
    code: 3113,
    words: byCode(3113),
  },
  {
    name: 'a sign-in demand',
    script: () => ({ body: refusedFirstAnswer(3051, '') }),
    code: 3051,
    words: () => ZAK_REFUSED_MESSAGE,
  },
  {
    name: 'a disclaimer to accept',
    script: (signature) => ({
      body: acceptedFirstAnswer(signature, {
        meetingDisclaimerInfo: {
          showDisclaimer: true,
          content: { title: 'Recording notice', description: 'This meeting is recorded.' },
        },
      }),
    }),
    code: null,
    words: () => pageWords(DISCLAIMER_WORDS),
  },
  // The first answer admits; the meeting server refuses (WS_CONF_JOIN_RES).
  { name: 'meeting full', script: () => ({ joinRes: 9 }), code: 4005, words: byCode(4005) },
  { name: 'meeting locked', script: () => ({ joinRes: 12 }), code: 4006, words: byCode(4006) },
  { name: 'app not published', script: () => ({ joinRes: 6601 }), code: 4011, words: byCode(4011) },
  ...[
    [13296, 4012],
    [13299, 4014],
    [13245, 4018],
  ].map(([res, code]) => ({
    name: `ZAK/OBF refusal ${code}`,
    script: () => ({ joinRes: res as number }),
    code: code as number,
    words: byCode(code as number),
  })),
  // No usable first answer: Zoom's servers failing. (Zoom refusing this page's origin, which
  // Playwright's routing cannot show faithfully, is zoom-origin-refusal.spec.ts.)
  {
    name: 'a 5xx',
    script: () => ({ status: 503, body: 'Service Unavailable' }),
    code: null,
    words: () => pageWords(PAGE_FAILURE_WORDS.zoomServerError(503)),
  },
];

for (const scripted of CASES) {
  test(`Zoom answers with ${scripted.name}: the bot fails at once, in the right words`, async ({
    page,
    zoomHost,
  }) => {
    const ticket = fakeZoomTicket();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    const traffic = await scriptZoom(page, scripted.script(ticket.signature));

    await openZoomBotPage(page, zoomHost.origin, ticket);
    const failed = await failureOf(page);

    expect(failed.code ?? null).toBe(scripted.code);
    expect(operatorWords(failed)).toBe(scripted.words(zoomHost.origin));
    await expect(page.getByTestId('bot-page-status')).toHaveText('Could not join');
    expect(traffic.requests.map((request) => new URL(request.url()).pathname)).toContain(
      '/api/v1/wc/info',
    );
    // The SDK took the absolute library URL: its media set-up ran from the app's own copy.
    expect(consoleLines).toContain('success load jsmedia');
    expect(consoleLines.filter((line) => line.includes('error load jsmedia'))).toEqual([]);
    // The secrets went to "Zoom" and into no report.
    expect(JSON.stringify(await reportsOf(page))).not.toContain(ticket.zak);
  });
}

test('a ZoomGov meeting’s join goes to ZoomGov, not zoom.us', async ({ page, zoomHost }) => {
  const ticket = fakeZoomTicket({ zoomDomain: 'zoomgov.com' });
  const traffic = await scriptZoom(page, { body: refusedFirstAnswer(3001, 'No such meeting') });
  await openZoomBotPage(page, zoomHost.origin, ticket);
  await failureOf(page);
  const joinRequests = traffic.requests.filter(
    (request) => new URL(request.url()).pathname === '/api/v1/wc/info',
  );
  expect(joinRequests.map((request) => new URL(request.url()).host)).toEqual(['www.zoomgov.com']);
});
