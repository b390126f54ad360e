/**
 * The real bot page with Zoom's real Meeting SDK (Client View), in Chromium, with Zoom's hosts
 * blocked: Zoom cannot be reached from here, so these tests prove everything up to the wire.
 *
 * 1. The bot page served by the web host, opened in the test's own browser with a stand-in
 *    bridge that hands it a ticket with fake secrets: the SDK loads from the app (no CDN), the
 *    page is cross-origin isolated, the SDK initialises and sends Zoom its join request, which
 *    the test catches at the network layer and reads: the ZAK, the name and the signature are
 *    in it, exactly as the SDK would send them to Zoom.
 * 2. The operator's path through the dashboard with the web host's own headless bot windows:
 *    main mints a real (sandbox) ZAK, the bot page joins through the SDK, the host's routing
 *    blocks the request to Zoom and logs it, and the failure is readable on the bot's row.
 */
import type { Request } from '@playwright/test';
import { issuedSecrets, leaksIn } from './support/leak-scan';
import {
  MEETING_NUMBER,
  fakeZoomTicket,
  isZoomUrl,
  openZoomBotPage,
  reportsOf,
} from './support/zoom-bot-page';
import { expect, test } from './support/zoom-sdk-fixture';

test('the bot page loads the SDK from the app, isolated, and sends Zoom a join with the ZAK, the name and the signature', async ({
  page,
  botdeck,
}) => {
  const ticket = fakeZoomTicket();

  // Everything the page asks for, and what came back.
  const responses: { url: string; status: number; type: string | null }[] = [];
  page.on('response', (response) =>
    responses.push({
      url: response.url(),
      status: response.status(),
      type: response.headers()['content-type'] ?? null,
    }),
  );
  const finished: string[] = [];
  page.on('requestfinished', (request) => finished.push(request.url()));
  const toZoom: Request[] = [];
  await page.route(isZoomUrl, (route) => {
    toZoom.push(route.request());
    return route.abort('blockedbyclient');
  });
  await page.routeWebSocket(isZoomUrl, (socket) => socket.close());

  // This browser is not one of the host's bot contexts, so the host cannot tie the page to a
  // bot and its policy lets it reach nothing outside. The test stands where the host stands
  // for a Zoom bot: the page gets exactly the policy the host sends a Zoom bot's page, and the
  // bridge the Electron preload would give it (support/zoom-bot-page.ts).
  const untied = await fetch(`${botdeck.origin}/bot/index.html`);
  expect(untied.headers.get('content-security-policy')).toContain("connect-src 'self';");
  await openZoomBotPage(page, botdeck.origin, ticket);
  expect(await page.evaluate('self.crossOriginIsolated')).toBe(true);
  // Bots get no microphone or camera; the SDK's init and join below run regardless.
  expect(
    await page.evaluate(
      "navigator.mediaDevices.getUserMedia({ audio: true, video: true }).then(() => 'granted', (e) => e.name)",
    ),
  ).not.toBe('granted');
  for (const name of ['microphone', 'camera']) {
    const state = await page.evaluate(
      `navigator.permissions.query({ name: '${name}' }).then((p) => p.state)`,
    );
    expect(state).not.toBe('granted');
  }

  // Zoom never answers, so the join ends; the page says why. (A cold browser takes many
  // seconds to load and start the SDK: allow as long as the fleet's join timeout.)
  await expect
    .poll(async () => (await reportsOf(page)).map((r) => r.status), { timeout: 60_000 })
    .toEqual(['connecting', 'failed']);
  const [, failed] = await reportsOf(page);
  expect(failed).toMatchObject({ code: null });
  expect(failed?.message).toMatch(/^Could not reach Zoom/);

  // The bot's own card is back over the SDK's last screen, saying why.
  await expect(page.getByTestId('bot-page-status')).toHaveText('Could not join');
  await expect(page.getByTestId('bot-page-detail')).toContainText('Could not reach Zoom');
  await expect(page.locator('#zmmtg-root')).toBeHidden();

  // init succeeded: the SDK built its page root, and join (which the client calls only from
  // init's success callback) sent Zoom the join request, with the ticket in it.
  await expect(page.locator('#zmmtg-root')).toBeAttached();
  const joins = toZoom.filter(
    (request) =>
      request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/wc/info',
  );
  expect(joins).toHaveLength(1);
  const join = joins[0] as Request;
  expect(join.method()).toBe('POST');
  const sent = new URLSearchParams(join.postData() ?? '');
  expect(sent.get('meetingNumber')).toBe(MEETING_NUMBER);
  expect(sent.get('userName')).toBe('Direct Probe');
  expect(sent.get('signature')).toBe(ticket.signature);
  expect(sent.get('ztk')).toBe(ticket.zak); // the ZAK: Zoom's "zoom token" field
  expect(sent.get('passWord')).toBe('e2e-pass');

  // Only Zoom's API was asked for; every asset came from the app, none from Zoom's CDN.
  const origins = new Set(responses.map((r) => new URL(r.url).origin));
  expect([...origins]).toEqual([botdeck.origin]);
  expect(toZoom.every((request) => new URL(request.url()).pathname.startsWith('/api/'))).toBe(true);
  expect(finished.filter(isZoomUrl)).toEqual([]);
  const sdkAssets = responses.filter((r) => new URL(r.url).pathname.startsWith('/zoom-sdk/'));
  expect(sdkAssets.length).toBeGreaterThan(5);
  expect(sdkAssets.filter((r) => r.status !== 200)).toEqual([]);
  const wasm = sdkAssets.filter((r) => r.url.endsWith('.wasm'));
  expect(wasm.length).toBeGreaterThan(0);
  for (const file of wasm) expect(file.type).toBe('application/wasm');
  for (const file of sdkAssets.filter((r) => r.url.endsWith('.js'))) {
    expect(file.type).toBe('text/javascript; charset=utf-8');
  }

  // The SDK's media workers may start in this isolated page (their scripts carry COEP too).
  const worker = page.waitForEvent('worker', (w) => w.url().endsWith('/av/audio_simd.min.js'));
  await page.evaluate("void new Worker('/zoom-sdk/lib/av/audio_simd.min.js')");
  await worker;

  // The secrets went to Zoom's join request and nowhere else the page shows or reports.
  const shown = await page.content();
  for (const secret of [ticket.zak, ticket.signature]) {
    expect(shown).not.toContain(secret);
    expect(JSON.stringify(await reportsOf(page))).not.toContain(secret);
  }
});

test('a bot launched from the dashboard joins through the real SDK and its failure is readable on its row', async ({
  page,
  botdeck,
}) => {
  const meeting = await botdeck.api.createMeeting();
  await page.goto(botdeck.url);
  const form = page.getByRole('form', { name: 'Launch bots' });
  await form
    .getByLabel('Meeting link or number')
    .fill(`https://us02web.zoom.us/j/${meeting.meetingNumber}?pwd=${meeting.passcode}`);
  await form.getByLabel('Number of bots').fill('1');
  await form.getByLabel('Name of bot 1', { exact: true }).fill('SDK Bot');
  await form.getByRole('button', { name: 'Launch' }).click();

  const row = page.getByTestId('bot-row').filter({ hasText: 'SDK Bot' });
  await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(row.getByTestId('bot-failure')).toContainText('Could not reach Zoom');
  await page.screenshot({ path: 'test-results/dashboard-zoom-sdk-failure.png', fullPage: true });

  // Main minted this bot a ZAK from the (sandbox) REST API, and the bot did not join the
  // sandbox's meeting service: its ticket went to Zoom's SDK.
  const audit = await botdeck.api.audit();
  expect(audit.zaks.filter((zak) => zak.userId === botdeck.sandbox.userId)).toHaveLength(1);
  expect(audit.joins.filter((join) => join.meetingNumber === meeting.meetingNumber)).toEqual([]);

  // The host's routing caught the SDK's join request to Zoom (sent after init succeeded), and
  // logged where it went without the query or body that carry the ZAK.
  const blocked = botdeck
    .hostLog()
    .split('\n')
    .filter((line) => line.includes('Blocked a bot page request'))
    .map((line) => JSON.parse(line) as { host: string; path: string; method: string });
  expect(blocked).toContainEqual(
    expect.objectContaining({ method: 'POST', host: 'zoom.us', path: '/api/v1/wc/info' }),
  );
  // Nor anything the SDK printed about the join: its console errors are logged, redacted.
  expect(leaksIn(botdeck.hostLog(), issuedSecrets(botdeck.sandbox, audit))).toEqual([]);
});
