/**
 * Every way out of the app goes through one clean-up: bots leave their meetings, the roster and
 * history are flushed, the sandbox stops, and only then does the process exit. Electron emits
 * `before-quit` for each quit attempt (a second Cmd-Q, the last window closing during shutdown);
 * each one is held until that one clean-up ends, and a clean-up that hangs (a bot page that never
 * confirms leaving, a disk that does not answer) is cut off after a bound, so quitting always ends.
 */
import type { App } from 'electron';
import type { Logger } from '../log/logger';

export interface QuitFlowOptions {
  app: Pick<App, 'on' | 'exit'>;
  cleanup(): Promise<void>;
  /** The longest a quit waits for the clean-up. */
  timeoutMs: number;
  logger: Logger;
}

export interface QuitFlow {
  /** True once a quit has begun. */
  isQuitting(): boolean;
}

export function installQuitFlow(options: QuitFlowOptions): QuitFlow {
  const { app, logger } = options;
  let cleaning: Promise<void> | null = null;

  async function cleanUpThenExit(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    try {
      const outcome = await Promise.race([options.cleanup().then(() => 'done' as const), timedOut]);
      if (outcome === 'timeout') {
        logger.warn('Quitting before the clean-up finished: it took too long', {
          timeoutMs: options.timeoutMs,
        });
      }
    } catch (error) {
      logger.error('Clean-up failed while quitting', { error });
    } finally {
      clearTimeout(timer);
      app.exit(0);
    }
  }

  app.on('before-quit', (event) => {
    // Every attempt waits: letting a second one through would exit mid-clean-up.
    event.preventDefault();
    cleaning ??= cleanUpThenExit();
  });

  return { isQuitting: () => cleaning !== null };
}
