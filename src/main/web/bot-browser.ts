/**
 * The one headless Chromium the web host's bot pages run in: started on first use (or ahead of
 * it, by `warmUp`), started again by the next bot after it crashed or failed to start, and never
 * again once the host closed it, so an open racing the host's shutdown cannot leave a browser
 * running behind it.
 */
import type { Browser } from 'playwright-core';
import type { Logger } from '../log/logger';
import { ROOT_SANDBOX_WARNING, launchBotChromium } from './chromium-launch';

export interface BotBrowserOptions {
  executablePath: string;
  /** The process's user id; root means no Chromium sandbox. */
  uid: number | undefined;
  logger: Logger;
  /** The browser went away (crashed, or was killed): every page in it is gone. */
  onDisconnected(): void;
}

export interface BotBrowser {
  /** The running browser, started if need be. */
  get(): Promise<Browser>;
  /** Starts the browser now, in the background; a failure is logged, and the next `get` retries. */
  warmUp(): void;
  /** Closes the browser, with every context and page in it; `get` refuses from now on. */
  close(): Promise<void>;
}

export function createBotBrowser(options: BotBrowserOptions): BotBrowser {
  let browser: Promise<Browser> | null = null;
  let closed = false;
  let warnedNoSandbox = false;

  function get(): Promise<Browser> {
    if (closed) return Promise.reject(new Error('The web host has closed its bot browser.'));
    return (browser ??= launchBotChromium({
      executablePath: options.executablePath,
      uid: options.uid,
      onNoSandbox() {
        if (!warnedNoSandbox) options.logger.warn(ROOT_SANDBOX_WARNING);
        warnedNoSandbox = true;
      },
    }).then(
      (launched) => {
        launched.on('disconnected', () => {
          browser = null;
          options.onDisconnected();
        });
        return launched;
      },
      (error: unknown) => {
        // The next bot tries again rather than inheriting this failure.
        browser = null;
        throw error;
      },
    ));
  }

  return {
    get,
    warmUp() {
      get().catch((error: unknown) =>
        options.logger.warn('Could not start Chromium for bot pages yet', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    },
    async close() {
      closed = true;
      const running = browser;
      browser = null;
      if (running) await running.then((launched) => launched.close()).catch(() => undefined);
    },
  };
}
