/**
 * The web host's answer to "is a bot window cross-origin isolated?": opens the real bot page,
 * served by the web host itself, in the same Chromium bots run in, and reads
 * `crossOriginIsolated` there. A browser of its own, closed at once, so the check never
 * touches a running bot. The page finds no Botdeck bridge and only shows that it stands alone.
 */
import type { BotIsolationProbe } from '../diagnostics/diagnostics-service';
import { CHROMIUM_ARGS, chromiumSandboxFor } from './chromium-launch';

export interface ChromiumIsolationProbeOptions {
  /** The built bot page on the web host. */
  pageUrl: string;
  executablePath: string;
}

export function chromiumIsolationProbe(options: ChromiumIsolationProbeOptions): BotIsolationProbe {
  return {
    where: "the web host's Chromium",
    async probe() {
      // Loaded when Diagnostics runs, never at start-up (see launchBotChromium).
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: options.executablePath,
        headless: true,
        // As bots run: Chromium's sandbox on unless the host runs as root.
        chromiumSandbox: chromiumSandboxFor(process.getuid?.()),
        args: CHROMIUM_ARGS,
      });
      try {
        const page = await browser.newPage();
        const response = await page.goto(options.pageUrl);
        if (!response?.ok()) {
          throw new Error(`the bot page answered HTTP ${response?.status() ?? 'nothing'}`);
        }
        return (await page.evaluate('globalThis.crossOriginIsolated === true')) === true;
      } finally {
        await browser.close();
      }
    },
  };
}
