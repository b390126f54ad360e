/**
 * Peek for web host bot pages: a JPEG of what the page shows, at most `maxWidth` wide. Chromium
 * scales it while capturing (the DevTools protocol's clip scale), so a thumbnail costs a
 * thumbnail's bytes, not a page's. The DevTools session is opened at the first Peek and kept.
 */
import type { CDPSession, Page } from 'playwright-core';
import { PEEK_JPEG_QUALITY, type BotPageCapture } from '../fleet/bot-window-host';

export type CapturePage = (maxWidth: number) => Promise<BotPageCapture>;

export function pageCamera(page: Page): CapturePage {
  let devtools: Promise<CDPSession> | null = null;
  return async (maxWidth) => {
    const size =
      page.viewportSize() ??
      (await page.evaluate(() => {
        // Runs in the page, where globalThis is the window.
        const view = globalThis as unknown as { innerWidth: number; innerHeight: number };
        return { width: view.innerWidth, height: view.innerHeight };
      }));
    const scale = Math.min(1, maxWidth / size.width);
    devtools ??= page.context().newCDPSession(page);
    const shot = await (
      await devtools
    ).send('Page.captureScreenshot', {
      format: 'jpeg',
      quality: PEEK_JPEG_QUALITY,
      clip: { x: 0, y: 0, width: size.width, height: size.height, scale },
    });
    return {
      jpeg: Buffer.from(shot.data, 'base64'),
      width: Math.round(size.width * scale),
      height: Math.round(size.height * scale),
    };
  };
}
