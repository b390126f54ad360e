/**
 * Peek: stills of a bot's page, made on request. The dashboard asks again every few hundred
 * milliseconds while its Peek is open and stops when it closes, so nothing is captured while
 * nobody looks (there is no timer here). However often it is asked, this captures a bot's page
 * at most once per `minIntervalMs` per size and never twice at once: a second dashboard or an
 * eager poll gets the last frame again. Frames go back as the answer to the asking call only.
 */
import { fail, ok, type BotFrame, type PeekSize, type Result } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import { NO_BOT } from './bot-store';
import { NO_WINDOW, type BotWindowHost } from './bot-window-host';

/** How wide each Peek size is captured (the page is scaled down, never up). */
export const PEEK_WIDTHS: Readonly<Record<PeekSize, number>> = { thumbnail: 320, large: 1024 };

/** At most four frames a second per bot and size. */
export const PEEK_MIN_INTERVAL_MS = 250;

/**
 * A frame travels as base64 in one WebSocket message (web host) or IPC reply; far above what
 * a 1024-pixel JPEG of a bot page takes, and far below what a socket should carry at once.
 */
const MAX_FRAME_CHARS = 2 * 1024 * 1024;

/** Frames nobody asked for again in this long are dropped. */
const KEEP_MS = 5_000;

export interface PeekCameraOptions {
  host: Pick<BotWindowHost, 'capture'>;
  /** Whether the fleet knows the bot (so an unknown id is told apart from a closed window). */
  hasBot(botId: string): boolean;
  now: () => number;
  logger: Logger;
  minIntervalMs?: number;
}

export interface PeekCamera {
  peek(botId: string, size: PeekSize): Promise<Result<BotFrame>>;
}

interface Shot {
  at: number;
  frame: Promise<Result<BotFrame>>;
  settled: boolean;
}

export function createPeekCamera(options: PeekCameraOptions): PeekCamera {
  const minInterval = options.minIntervalMs ?? PEEK_MIN_INTERVAL_MS;
  const shots = new Map<string, Shot>();

  async function capture(botId: string, size: PeekSize): Promise<Result<BotFrame>> {
    const at = options.now();
    let still;
    try {
      still = await options.host.capture(botId, PEEK_WIDTHS[size]);
    } catch (error) {
      options.logger.warn('Could not capture a bot page for Peek', { botId, error: String(error) });
      return fail('capture_failed', 'Botdeck could not capture this bot’s window; try again.');
    }
    if (!still) return NO_WINDOW;
    const image = `data:image/jpeg;base64,${Buffer.from(still.jpeg).toString('base64')}`;
    if (image.length > MAX_FRAME_CHARS) {
      return fail('frame_too_large', 'This bot’s window is too large to show in Peek.');
    }
    return ok({ botId, image, width: still.width, height: still.height, at });
  }

  function prune(now: number): void {
    for (const [key, shot] of shots) if (now - shot.at > KEEP_MS) shots.delete(key);
  }

  return {
    peek(botId, size) {
      if (!options.hasBot(botId)) return Promise.resolve(NO_BOT);
      const now = options.now();
      prune(now);
      const key = `${size}\u0000${botId}`;
      const last = shots.get(key);
      // Still capturing, or captured a moment ago: that frame is the answer.
      if (last && (!last.settled || now - last.at < minInterval)) return last.frame;
      const shot: Shot = { at: now, frame: capture(botId, size), settled: false };
      shots.set(key, shot);
      void shot.frame.then((result) => {
        shot.settled = true;
        // A failure is not kept: the next ask tries again (the window may have opened since).
        if (!result.ok && shots.get(key) === shot) shots.delete(key);
      });
      return shot.frame;
    },
  };
}
