/**
 * The web host's answer to "is a bot window cross-origin isolated?": opens the real bot page,
 * served by the web host itself, in the same Chromium bots run in, and reads
 * `crossOriginIsolated` there. A browser of its own, closed at once, so the check never
 * touches a running bot. The page finds no Botdeck bridge and only shows that it stands alone.
 */
import type { BotIsolationProbe } from '../diagnostics/diagnostics-service';
import { launchBotChromium } from './chromium-launch';

export interface ChromiumIsolationProbeOptions {
  /** The built bot page on the web host. */
  pageUrl: string;
  executablePath: string;
}

export function chromiumIsolationProbe(options: ChromiumIsolationProbeOptions): BotIsolationProbe {
  return {
    where: "the web host's Chromium",
    async probe() {
      // Launched exactly as bots' Chromium is; the bot browser already warns about root.
      const browser = await launchBotChromium({
        executablePath: options.executablePath,
        uid: process.getuid?.(),
        onNoSandbox: () => undefined,
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
