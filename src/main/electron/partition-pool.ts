/**
 * Session partitions for bot windows, reused. Electron keeps every session it ever made until the
 * app quits, so one fresh in-memory partition per launch would grow without bound over a day of
 * launches and rejoins. Bots instead borrow a partition from this pool and give it back when
 * their window is gone; the pool wipes it (storage, cookies, auth) before anyone else gets it, so
 * no bot ever sees another's Zoom session. The pool grows only to the most windows open at once.
 *
 * Plain TypeScript: the wiping is passed in, so the reuse rules are tested without Electron.
 */
import type { Logger } from '../log/logger';

export interface PartitionPool {
  /** A wiped partition no open window uses. */
  acquire(): string;
  /** Wipes the partition, then makes it available again; a partition that fails to wipe is retired. */
  release(partition: string): Promise<void>;
  /** Partitions made so far (in use, being wiped, or free). */
  size(): number;
}

export interface PartitionPoolOptions {
  /** Clears everything a page left in the partition. */
  wipe(partition: string): Promise<void>;
  logger: Logger;
  /** In-memory: no "persist:" prefix, so nothing of a bot's session ever reaches the disk. */
  prefix?: string;
}

export function createPartitionPool(options: PartitionPoolOptions): PartitionPool {
  const prefix = options.prefix ?? 'bot-slot-';
  const free: string[] = [];
  const inUse = new Set<string>();
  let made = 0;
  let retired = 0;

  return {
    acquire() {
      const partition = free.pop() ?? `${prefix}${++made}`;
      inUse.add(partition);
      return partition;
    },
    async release(partition) {
      if (!inUse.delete(partition)) return;
      try {
        await options.wipe(partition);
      } catch (error) {
        // Never hand a partition that may still hold a Zoom session to the next bot.
        retired++;
        options.logger.warn('Could not clear a bot partition; it will not be reused', {
          partition,
          error,
        });
        return;
      }
      free.push(partition);
    },
    size: () => made - retired,
  };
}
