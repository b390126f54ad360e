/**
 * Shell logic under an Electron stand-in: the app:// scheme. It is privileged before the app is
 * ready, served on every partition that loads pages, confined to the built renderer, and in
 * `npm run dev` proxies the dev server under the same page policy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
let devServer: Server | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
  devServer?.close();
  devServer = null;
});

describe('shell logic under a stand-in: the app:// scheme', () => {
  it('is registered as a privileged, code-cached scheme before the app is ready', async () => {
    kit = await startDesktop();
    expect(kit.world.schemesRegisteredBeforeReady).toBe(true);
    expect(kit.world.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: true,
          codeCache: true,
        },
      },
    ]);
  });

  it('serves the dashboard and every bot partition, sandbox bots without cross-origin isolation', async () => {
    kit = await startDesktop();
    const { botIds } = await kit.launch(['One', 'Two']);
    for (const id of botIds) await kit.waitForBot(id, (bot) => bot.state === 'in_meeting');
    const pages = kit.pages.loaded;
    expect(pages.map((page) => [new URL(page.url).pathname, page.status])).toEqual([
      ['/dashboard/index.html', 200],
      ['/bot/index.html', 200],
      ['/bot/index.html', 200],
    ]);
    const [dashboard, ...bots] = pages;
    const sandbox = new URL(kit.pages.sandboxUrl()).origin;
    expect(dashboard?.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Avatars from the embedded sandbox, exactly: not every loopback port.
    expect(dashboard?.headers.get('content-security-policy')).toMatch(
      new RegExp(`img-src [^;]*${sandbox.replace(/[.:/]/g, '\\$&')}`),
    );
    expect(dashboard?.headers.get('cross-origin-embedder-policy')).toBeNull();
    for (const bot of bots) {
      // A sandbox bot's page may reach its sandbox, and no other loopback port.
      const csp = bot.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`connect-src 'self' ${sandbox}`);
      expect(csp).not.toContain('127.0.0.1:*');
      // Only a page that may run the Meeting SDK pays for isolation (page-policy.ts).
      expect(bot.headers.get('cross-origin-opener-policy')).toBeNull();
      expect(bot.headers.get('cross-origin-embedder-policy')).toBeNull();
      const sdk = await bot.window.webContents.session.protocol.request(
        'app://botdeck/zoom-sdk/lib/av/js_media.min.js',
      );
      expect(sdk?.status).toBe(200);
    }
  });

  it('never serves a file outside the built pages, another host, or a write', async () => {
    kit = await startDesktop();
    const protocol = kit.world.allWindowsMade[0]?.webContents.session.protocol;
    for (const url of [
      'app://botdeck/../package.json',
      'app://botdeck/%2e%2e/%2e%2e/package.json',
      'app://botdeck/dashboard/..%2f..%2f..%2fpackage.json',
      'app://botdeck/.vite/manifest.json',
      'app://other/dashboard/index.html',
      'app://botdeck/nothing-here.html',
    ]) {
      expect((await protocol?.request(url))?.status, url).toBe(404);
    }
    expect((await protocol?.request('app://botdeck/dashboard/index.html', 'POST'))?.status).toBe(
      405,
    );
  });

  it('in npm run dev, pages come from the dev server with the same policy and a fresh nonce', async () => {
    const html =
      '<!doctype html><html><head><meta property="csp-nonce" nonce="botdeck-dev-nonce">' +
      '<script type="module" nonce="botdeck-dev-nonce">import "/@vite/client"</script></head></html>';
    devServer = createServer((request, response) => {
      const isPage = request.url?.endsWith('.html') === true;
      response.writeHead(200, { 'Content-Type': isPage ? 'text/html' : 'text/javascript' });
      response.end(isPage ? html : 'export {}');
    });
    await new Promise<void>((resolve) => devServer?.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(devServer.address() as AddressInfo).port}`;
    kit = await startDesktop({ env: { ELECTRON_RENDERER_URL: `${origin}/` } });
    const protocol = kit.world.allWindowsMade[0]?.webContents.session.protocol;

    const page = await protocol?.request('app://botdeck/dashboard/index.html');
    const body = (await page?.text()) ?? '';
    const csp = page?.headers.get('content-security-policy') ?? '';
    const nonce = /nonce="([^"]+)"/.exec(body)?.[1] ?? '';
    expect(nonce).not.toBe('botdeck-dev-nonce');
    expect(body).not.toContain('botdeck-dev-nonce');
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain(`ws://127.0.0.1:`);
    expect(csp).toContain("object-src 'none'");
    const bot = await protocol?.request('app://botdeck/bot/index.html');
    expect(bot?.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const module = await protocol?.request('app://botdeck/@vite/client');
    expect(module?.headers.get('content-type')).toBe('text/javascript');
    // A second page gets a nonce of its own.
    const again = await (await protocol?.request('app://botdeck/dashboard/index.html'))?.text();
    expect(again).not.toContain(nonce);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL and serves its own files', async () => {
    kit = await startDesktop({
      env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:9/' },
      packaged: true,
    });
    expect(kit.pages.loaded[0]?.status).toBe(200);
  });
});
