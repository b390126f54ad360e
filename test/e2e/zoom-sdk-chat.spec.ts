/**
 * Chat and renaming with Zoom's real Meeting SDK in the real bot page, Zoom's hosts blocked: the
 * page's commands reach the SDK's own `sendChat` and `getCurrentUser` (the ones a bot in a
 * meeting uses), and the SDK's own refusal of a participant that is not in a meeting comes back
 * to main as "not in the meeting", with the SDK's code and words. In a meeting the same calls
 * send the message; the unit tests cover that path against the SDK's typed interface.
 */
import { expect, test } from './support/zoom-sdk-fixture';
import {
  commandResultsOf,
  fakeZoomTicket,
  isZoomUrl,
  openZoomBotPage,
  reportsOf,
  sendCommand,
} from './support/zoom-bot-page';

test('the SDK’s own chat and rename calls answer a bot that never got in: not in the meeting', async ({
  page,
  botdeck,
}) => {
  await page.route(isZoomUrl, (route) => route.abort('blockedbyclient'));
  await page.routeWebSocket(isZoomUrl, (socket) => socket.close());
  await openZoomBotPage(page, botdeck.origin, fakeZoomTicket({ userName: 'Chatty' }));
  // Zoom never answers, so the join fails (a cold browser takes a while to start the SDK).
  await expect
    .poll(async () => (await reportsOf(page)).map((report) => report.status), { timeout: 60_000 })
    .toEqual(['connecting', 'failed']);

  // A message refused by the SDK itself: Client View's sendChat with MEETING_NOT_START.
  await sendCommand(page, { type: 'chat', commandId: 'c-1', text: 'Hello from Botdeck' });
  await expect.poll(() => commandResultsOf(page)).toHaveLength(1);
  expect((await commandResultsOf(page))[0]).toEqual({
    commandId: 'c-1',
    ok: false,
    refusal: 'not_in_meeting',
    code: 3008,
    message: expect.stringMatching(/join meeting first|init meeting first/i),
  });

  // A rename asks the SDK who this participant is first; outside a meeting nobody.
  await sendCommand(page, { type: 'rename', commandId: 'c-2', name: 'Chatty (notes)' });
  await expect.poll(() => commandResultsOf(page)).toHaveLength(2);
  expect((await commandResultsOf(page))[1]).toMatchObject({
    commandId: 'c-2',
    ok: false,
    refusal: 'not_in_meeting',
  });
  // The secrets never ride along on a command result.
  expect(JSON.stringify(await commandResultsOf(page))).not.toMatch(/e2e-fake-zak|e2eFakeSdkKey/);
});
