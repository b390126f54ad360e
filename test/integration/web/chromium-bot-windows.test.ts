/**
 * The web host's bot windows in real headless Chromium, with hostile pages: two local HTTP
 * servers stand for the web host (origin A) and a stranger (origin B). The "bot page" served by
 * A calls the binding from its main frame, from an iframe of B and from a same-origin iframe,
 * opens a popup, and tries to navigate to B; each outcome is reported back over HTTP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src/shared/ipc-contract';
import type { Logger } from '../../../src/main/log/logger';
import { createBotPageKeys } from '../../../src/main/web/bot-page-keys';
import {
  createChromiumBotWindows,
  type ChromiumBotWindows,
} from '../../../src/main/web/chromium-bot-windows';
import { ROOT_SANDBOX_WARNING } from '../../../src/main/web/chromium-launch';
import { ownChromiumCommandLines, renderersSince, runningBrowsers } from './chromium-processes';

const CHROMIUM = process.env.BOTDECK_CHROMIUM ?? '/usr/bin/chromium';

interface Site {
  origin: string;
  /** Every path requested, in order. */
  hits: string[];
  /** Bodies POSTed to /report. */
  reports: unknown[];
  server: Server;
}

async function site(pages: (origin: string, other: string) => Record<string, string>, other = '') {
  const hits: string[] = [];
  const reports: unknown[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/report') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        reports.push(JSON.parse(body));
        response.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
      });
      return;
    }
    const html = pages(origin, other)[request.url ?? ''];
    if (html === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, reports, server } satisfies Site;
}

const CALL = `window.__botdeckBotInvoke('bot:ready', {})`;
const report = (origin: string, what: string) =>
  `fetch('${origin}/report', { method: 'POST', mode: 'no-cors', body: JSON.stringify(${what}) })`;

const strangerPages = (origin: string) => ({
  '/frame.html': `<script>${CALL}.then((r) => ${report(origin, "{ from: 'foreign frame', result: r }")});</script>`,
  '/evil.html': '<p>not Botdeck</p>',
});

const hostPages = (origin: string, stranger: string) => ({
  '/bot.html': `<script>
    ${CALL}.then(async (result) => {
      await ${report(origin, "{ from: 'main frame', result }")};
      document.body.insertAdjacentHTML('beforeend',
        '<iframe src="${stranger}/frame.html"></iframe><iframe src="/frame.html"></iframe>');
      const popup = window.open('/popup.html');
      const started = Date.now();
      while (!popup.closed && Date.now() - started < 10000) await new Promise((r) => setTimeout(r, 50));
      await ${report(origin, "{ from: 'opener', popupClosed: popup.closed }")};
      addEventListener('botdeck:command', () => { location.href = 'about:blank'; });
      location.href = '${stranger}/evil.html';
    });
  </script>`,
  '/frame.html': `<script>${CALL}.then((r) => ${report(origin, "{ from: 'own frame', result: r }")});</script>`,
  '/popup.html': `<script>${report(origin, "{ from: 'popup', binding: typeof window.__botdeckBotInvoke }")};</script>`,
});

function recordingLogger(): Logger & { lines: { message: string; fields?: unknown }[] } {
  const lines: { message: string; fields?: unknown }[] = [];
  const push = (message: string, fields?: unknown) => void lines.push({ message, fields });
  return { lines, info: push, warn: push, error: push };
}

const started: { windows: ChromiumBotWindows; sites: Site[] }[] = [];
afterEach(async () => {
  for (const { windows, sites } of started.splice(0)) {
    await windows.dispose();
    for (const s of sites) s.server.close();
  }
});

async function setup(uid?: number) {
  const stranger = await site(strangerPages);
  const host = await site(hostPages, stranger.origin);
  const logger = recordingLogger();
  const windows = createChromiumBotWindows({
    pageUrl: `${host.origin}/bot.html`,
    executablePath: CHROMIUM,
    logger,
    pageKeys: createBotPageKeys(),
    ...(uid === undefined ? {} : { uid }),
  });
  const calls: string[] = [];
  windows.attach((botId, channel) => {
    calls.push(`${botId} ${channel}`);
    return Promise.resolve(ok({ ticket: 'for the main frame only' }));
  });
  const gone: string[] = [];
  windows.onGone((botId, reason) => gone.push(`${botId} ${reason}`));
  started.push({ windows, sites: [host, stranger] });
  return { windows, host, stranger, logger, calls, gone };
}

const logged = (logger: ReturnType<typeof recordingLogger>, message: string) =>
  logger.lines.filter((line) => line.message === message);

describe('web host bot windows', () => {
  it('answer the bot page’s main frame only, close popups, and keep the page on the host', async () => {
    const { windows, host, stranger, logger, calls, gone } = await setup();
    await windows.open('bot-1', { sdk: 'sandbox' });

    await vi.waitFor(
      () => expect(host.reports).toContainEqual(expect.objectContaining({ from: 'opener' })),
      {
        timeout: 15_000,
      },
    );
    await vi.waitFor(() =>
      expect(logged(logger, 'Stopped a bot page from leaving Botdeck')).toHaveLength(1),
    );
    await vi.waitFor(() => expect(stranger.reports).toHaveLength(1));
    await vi.waitFor(() =>
      expect(host.reports).toContainEqual(expect.objectContaining({ from: 'own frame' })),
    );

    expect(calls).toEqual(['bot-1 bot:ready']);
    const refused = { ok: false, error: { code: 'unknown_channel', message: expect.any(String) } };
    expect(host.reports).toContainEqual({
      from: 'main frame',
      result: ok({ ticket: 'for the main frame only' }),
    });
    expect(stranger.reports).toEqual([{ from: 'foreign frame', result: refused }]);
    expect(host.reports).toContainEqual({ from: 'own frame', result: refused });
    expect(host.reports).toContainEqual({ from: 'opener', popupClosed: true });
    // A popup may get to run before it is closed, but never with the bot's binding.
    for (const popup of host.reports.filter((r) => (r as { from: string }).from === 'popup')) {
      expect(popup).toEqual({ from: 'popup', binding: 'undefined' });
    }
    expect(logged(logger, 'Closed a window a bot page opened')).toHaveLength(1);
    // The navigation to the stranger never left the browser, and the page is still the bot.
    expect(stranger.hits).not.toContain('/evil.html');
    expect(logged(logger, 'Stopped a bot page from leaving Botdeck')[0]?.fields).toEqual({
      botId: 'bot-1',
      host: '127.0.0.1',
      path: '/evil.html',
    });
    expect(gone).toEqual([]);
  });

  it('report a bot page gone when it still ends up off the host (about:blank)', async () => {
    const { windows, host, gone, logger } = await setup();
    await windows.open('bot-2', { sdk: 'zoom' });
    await vi.waitFor(
      () => expect(logged(logger, 'Stopped a bot page from leaving Botdeck')).toHaveLength(1),
      {
        timeout: 15_000,
      },
    );
    expect(host.reports.length).toBeGreaterThan(0);
    windows.send('bot-2', { type: 'leave' });
    await vi.waitFor(() => expect(gone).toEqual(['bot-2 closed']));
    expect(logged(logger, 'A bot page left Botdeck; closing it')).toHaveLength(1);
  });
});

describe('sandbox bots sharing contexts', () => {
  it('each holds its own presence stream to one host, and each binding answers as its own bot', async () => {
    // The "sandbox": one long-lived event stream per bot, as the sandbox's presence streams are.
    const streams: string[] = [];
    const sandbox = createServer((request, response) => {
      streams.push(request.url ?? '');
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Access-Control-Allow-Origin': '*',
      });
      response.write('event: joined\ndata: {}\n\n');
    });
    await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
    const sandboxOrigin = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
    const host = await site(() => ({
      '/bot.html': `<script>
        window.__botdeckBotInvoke('bot:ready', {}).then((me) => {
          new EventSource('${sandboxOrigin}/events?bot=' + me.value.botId);
        });
      </script>`,
    }));
    const windows = createChromiumBotWindows({
      pageUrl: `${host.origin}/bot.html`,
      executablePath: CHROMIUM,
      logger: recordingLogger(),
      pageKeys: createBotPageKeys(),
    });
    started.push({ windows, sites: [host] });
    windows.attach((botId) => Promise.resolve(ok({ botId })));
    const botIds = Array.from({ length: 7 }, (_, index) => `sandbox-${index + 1}`);
    try {
      await Promise.all(botIds.map((botId) => windows.open(botId, { sdk: 'sandbox' })));
      // More bots than Chromium allows connections to one host in one context: all connected.
      await vi.waitFor(
        () => expect([...streams].sort()).toEqual(botIds.map((id) => `/events?bot=${id}`).sort()),
        { timeout: 15_000 },
      );
    } finally {
      sandbox.closeAllConnections();
      sandbox.close();
    }
  });
});

describe('web host Chromium', () => {
  it('runs unthrottled, with Playwright’s own disabled features kept, and says once when it has no sandbox', async () => {
    const { windows, logger } = await setup(0);
    const old = runningBrowsers();
    await windows.open('bot-3', { sdk: 'sandbox' });
    await windows.open('bot-4', { sdk: 'sandbox' });
    const [args] = ownChromiumCommandLines(old);
    expect(args).toBeDefined();
    const line = args ?? [];
    for (const flag of [
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ]) {
      expect(line).toContain(flag);
    }
    // Chromium honours the last --disable-features only: it must hold Playwright's list too.
    const featureLists = line
      .filter((arg) => arg.startsWith('--disable-features='))
      .map((arg) => arg.slice('--disable-features='.length).split(','));
    const honoured = featureLists.at(-1) ?? [];
    expect(honoured).toContain('IntensiveWakeUpThrottling');
    for (const list of featureLists) expect(honoured).toEqual(expect.arrayContaining(list));
    // As root Chromium needs --no-sandbox; the host says so once, not per bot.
    expect(line).toContain('--no-sandbox');
    expect(logged(logger, ROOT_SANDBOX_WARNING)).toHaveLength(1);
  });

  it('costs one renderer process per bot page: no address-bar popup, no spare renderer', async () => {
    const host = await site(() => ({ '/calm.html': '<p>A bot page that does nothing.</p>' }));
    const windows = createChromiumBotWindows({
      pageUrl: `${host.origin}/calm.html`,
      executablePath: CHROMIUM,
      logger: recordingLogger(),
      pageKeys: createBotPageKeys(),
    });
    started.push({ windows, sites: [host] });
    const old = runningBrowsers();
    for (const botId of ['calm-1', 'calm-2', 'calm-3'])
      await windows.open(botId, { sdk: 'sandbox' });
    // Headless Chromium used to add a WebUI renderer per bot (its omnibox popup) and a spare.
    await vi.waitFor(() => expect(renderersSince(old)).toBe(3), { timeout: 15_000 });
  });

  it('keeps Chromium’s sandbox on for an ordinary user (which Chromium refuses as root)', async () => {
    const { windows, logger } = await setup(1000);
    if (process.getuid?.() === 0) {
      await expect(windows.open('bot-5', { sdk: 'sandbox' })).rejects.toThrow(/sandbox/i);
    } else {
      const old = runningBrowsers();
      await windows.open('bot-5', { sdk: 'sandbox' });
      expect(ownChromiumCommandLines(old)[0]).not.toContain('--no-sandbox');
    }
    expect(logged(logger, ROOT_SANDBOX_WARNING)).toEqual([]);
  });
});
