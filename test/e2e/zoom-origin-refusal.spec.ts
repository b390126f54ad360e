/**
 * Zoom refusing the bot page's origin, told apart from Zoom out of reach, over a real network
 * rather than Playwright's routing (whose fulfilled answers skip the browser's CORS and COEP
 * checks on no-cors requests). A browser of the test's own resolves zoom.us to a local TLS
 * server standing in for Zoom (a throwaway self-signed certificate in support/fixtures), which
 * answers the join request without CORS headers, as Zoom would for an origin it refuses; and
 * www.zoomgov.com to a closed port, as on a machine that cannot reach Zoom.
 */
import { readFileSync } from 'node:fs';
import { createServer as createTlsServer, type Server } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../src/main/web/chromium-launch';
import { PAGE_FAILURE_WORDS } from '../../src/shared/zoom-errors';
import { fakeZoomTicket, openZoomBotPage, reportsOf } from './support/zoom-bot-page';
import { expect, test } from './support/zoom-host-fixture';

const FIXTURES = fileURLToPath(new URL('support/fixtures/', import.meta.url));

let standIn: Server;
let browser: Browser;
const asked: string[] = [];

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test.beforeAll(async () => {
  standIn = createTlsServer(
    {
      key: readFileSync(join(FIXTURES, 'stand-in-zoom.key.pem')),
      cert: readFileSync(join(FIXTURES, 'stand-in-zoom.cert.pem')),
    },
    (req, res) => {
      asked.push(`${req.method ?? ''} ${req.url?.split('?')[0] ?? ''}`);
      // An answer, but with no Access-Control-Allow-Origin: the page's origin is refused.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: false, errorCode: 200, errorMessage: 'refused' }));
    },
  );
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  const { port } = standIn.address() as AddressInfo;
  browser = await chromium.launch({
    executablePath: process.env.BOTDECK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      // Zoom is a public address; here it resolves to this machine, which Chromium's local
      // network access checks would refuse a page that is not asked to allow it.
      ...CHROMIUM_ARGS.map((arg) =>
        arg.startsWith('--disable-features=') ? `${arg},LocalNetworkAccessChecks` : arg,
      ),
      `--host-resolver-rules=MAP zoom.us:443 127.0.0.1:${port}, MAP www.zoomgov.com:443 127.0.0.1:${await closedPort()}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
    ],
  });
});
test.afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => standIn.close(() => resolve()));
});

async function failureWords(origin: string, zoomDomain: 'zoom.us' | 'zoomgov.com') {
  const page = await browser.newPage();
  await openZoomBotPage(page, origin, fakeZoomTicket({ zoomDomain }));
  await expect
    .poll(async () => (await reportsOf(page)).map((report) => report.status), { timeout: 55_000 })
    .toEqual(['connecting', 'failed']);
  const [, failed] = await reportsOf(page);
  await page.close();
  return failed;
}

test('Zoom answering without CORS headers for the page reads as “Zoom refused this app’s origin”', async ({
  zoomHost,
}) => {
  const failed = await failureWords(zoomHost.origin, 'zoom.us');
  expect(failed).toMatchObject({
    code: null,
    message: PAGE_FAILURE_WORDS.originRefused(zoomHost.origin),
  });
  // The SDK's join request did reach "Zoom", and so did the page's probe of the same URL.
  expect(asked).toEqual(expect.arrayContaining(['POST /api/v1/wc/info', 'GET /api/v1/wc/info']));
});

test('a Zoom nobody can reach reads as “Could not reach Zoom”', async ({ zoomHost }) => {
  const failed = await failureWords(zoomHost.origin, 'zoomgov.com');
  expect(failed).toMatchObject({ code: null, message: PAGE_FAILURE_WORDS.couldNotReachZoom });
});
