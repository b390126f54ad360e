/**
 * Closes a bot page for certain. Chromium may acknowledge Playwright's close of a page whose
 * navigation is committing and then drop it (crbug.com/536385539; Playwright issue 42068, not
 * fixed in playwright-core 1.65): the page lives on and `page.close()` never settles. A bot
 * closed right after its page opened meets exactly that moment (measured: 13 closes in 60
 * right after the navigation committed), and its close would then wait forever while the page
 * kept running. So a close that has not finished within a second asks again over the DevTools
 * protocol, which closes such a page every time; asking to close a closing page does nothing.
 */
import type { Page } from 'playwright-core';

const ASK_AGAIN_AFTER_MS = 1_000;
const MAX_ASKS = 5;

/** Whether `promise` settles within `ms`; the timer never outlives the answer. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function askAgain(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const { targetInfo } = await session.send('Target.getTargetInfo');
  await session.send('Target.closeTarget', { targetId: targetInfo.targetId });
}

/** Closes the page; never throws, and gives up after a few asks rather than wait for ever. */
export async function closeBotPage(page: Page): Promise<void> {
  const closed = page.close().catch(() => undefined);
  for (let asks = 0; asks < MAX_ASKS; asks++) {
    if (await settlesWithin(closed, ASK_AGAIN_AFTER_MS)) return;
    await askAgain(page).catch(() => undefined);
  }
}
