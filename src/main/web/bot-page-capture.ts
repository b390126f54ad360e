/**
 * Peek for web host bot pages: a JPEG of what the page shows, at most `maxWidth` wide. Chromium
 * scales it while capturing (the DevTools protocol's clip scale), so a thumbnail costs a
 * thumbnail's bytes, not a page's. The DevTools session is opened at the first Peek and kept.
 */
import type { CDPSession, Page } from 'playwright-core';
import { PEEK_JPEG_QUALITY, type BotPageCapture } from '../fleet/bot-window-host';

/** Chromium's answer to a capture before the page's first frame. */
const NO_FRAME_YET = 'Unable to capture screenshot';
/** Runs in the page: resolves once it has drawn its next frame. */
const NEXT_FRAME =
  '(async () => { await new Promise((resolve) => requestAnimationFrame(resolve)); })()';

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
    const session = await devtools;
    const shoot = () =>
      session.send('Page.captureScreenshot', {
        format: 'jpeg',
        quality: PEEK_JPEG_QUALITY,
        clip: { x: 0, y: 0, width: size.width, height: size.height, scale },
      });
    let shot: Awaited<ReturnType<typeof shoot>>;
    try {
      shot = await shoot();
    } catch (error) {
      // A page that has not drawn a frame yet (just opened, or between documents) has nothing
      // to capture, and Chromium says so: wait for its next frame and ask once more.
      if (!String(error).includes(NO_FRAME_YET)) throw error;
      await page.evaluate(NEXT_FRAME);
      shot = await shoot();
    }
    return {
      jpeg: Buffer.from(shot.data, 'base64'),
      width: Math.round(size.width * scale),
      height: Math.round(size.height * scale),
    };
  };
}
