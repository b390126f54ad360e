/**
 * Peek in the web host, in real headless Chromium: a bot page captured as a JPEG that Chromium
 * scales to the asked width (never up), and nothing for a bot with no page. The JPEG's own
 * start-of-frame segment says how big the picture really is.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/main/log/logger';
import { createBotPageKeys } from '../../../src/main/web/bot-page-keys';
import {
  createChromiumBotWindows,
  type ChromiumBotWindows,
} from '../../../src/main/web/chromium-bot-windows';

const CHROMIUM = process.env.BOTDECK_CHROMIUM ?? '/usr/bin/chromium';
const PAGE = '<body style="margin:0;background:#d02020"><h1>Botdeck bot</h1></body>';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Width and height from a JPEG's start-of-frame segment; null when it is no JPEG. */
function jpegSize(jpeg: Uint8Array | undefined): { width: number; height: number } | null {
  const bytes = Buffer.from(jpeg ?? new Uint8Array());
  if (bytes.length < 4 || bytes.readUInt16BE(0) !== 0xffd8) return null;
  for (let at = 2; at + 9 < bytes.length;) {
    const marker = bytes.readUInt16BE(at);
    if (marker >= 0xffc0 && marker <= 0xffc2) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return null;
}

async function paintedBotWindows(): Promise<{ windows: ChromiumBotWindows; served: string[] }> {
  const served: string[] = [];
  const server = createServer((request, response) => {
    served.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => void server.close());
  const windows = createChromiumBotWindows({
    pageUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot.html`,
    executablePath: CHROMIUM,
    logger: silentLogger,
    pageKeys: createBotPageKeys(),
  });
  cleanups.push(() => windows.dispose());
  return { windows, served };
}

describe('Peek in the web host', () => {
  it('captures a bot page as a JPEG scaled by Chromium to the asked width, and nothing once it is closed', async () => {
    const { windows, served } = await paintedBotWindows();
    expect(await windows.capture('nobody', 320)).toBeNull();
    await windows.open('bot-1', { sdk: 'sandbox' });
    await vi.waitFor(() => expect(served).toContain('/bot.html'));

    const thumbnail = await windows.capture('bot-1', 320);
    expect(thumbnail).toMatchObject({ width: 320, height: 180 });
    expect(jpegSize(thumbnail?.jpeg)).toEqual({ width: 320, height: 180 });
    expect(jpegSize((await windows.capture('bot-1', 1024))?.jpeg)).toEqual({
      width: 1024,
      height: 576,
    });
    // Never scaled up: the page is 1280 wide.
    expect(jpegSize((await windows.capture('bot-1', 4000))?.jpeg)).toEqual({
      width: 1280,
      height: 720,
    });

    await windows.close('bot-1');
    expect(await windows.capture('bot-1', 320)).toBeNull();
  });
});
