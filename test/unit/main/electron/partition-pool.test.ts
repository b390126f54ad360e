import { describe, expect, it } from 'vitest';
import { createPartitionPool } from '../../../../src/main/electron/partition-pool';
import { silentLogger } from '../../../../src/main/log/logger';

/** A wipe the test finishes by hand, to see what the pool does while one is under way. */
function manualWipes() {
  const pending = new Map<string, { resolve(): void; reject(error: Error): void }>();
  return {
    pending,
    wipe: (partition: string) =>
      new Promise<void>((resolve, reject) => pending.set(partition, { resolve, reject })),
  };
}

describe('bot partition pool', () => {
  it('grows only to the most partitions in use at once', async () => {
    const pool = createPartitionPool({ wipe: async () => undefined, logger: silentLogger });
    for (let round = 0; round < 50; round++) {
      const a = pool.acquire();
      const b = pool.acquire();
      await Promise.all([pool.release(a), pool.release(b)]);
    }
    expect(pool.size()).toBe(2);
  });

  it('never hands out a partition before its wipe has finished', async () => {
    const wipes = manualWipes();
    const pool = createPartitionPool({ wipe: wipes.wipe, logger: silentLogger });
    const first = pool.acquire();
    const released = pool.release(first);
    expect(pool.acquire()).not.toBe(first);
    wipes.pending.get(first)?.resolve();
    await released;
    expect(pool.acquire()).toBe(first);
  });

  it('retires a partition that could not be wiped', async () => {
    const wipes = manualWipes();
    const pool = createPartitionPool({ wipe: wipes.wipe, logger: silentLogger });
    const dirty = pool.acquire();
    const released = pool.release(dirty);
    wipes.pending.get(dirty)?.reject(new Error('disk full'));
    await released;
    const seen = new Set(Array.from({ length: 5 }, () => pool.acquire()));
    expect(seen.has(dirty)).toBe(false);
  });

  it('partitions are in memory (never "persist:"), and a release of an unknown one is ignored', async () => {
    let wiped = 0;
    const pool = createPartitionPool({ wipe: async () => void wiped++, logger: silentLogger });
    expect(pool.acquire()).not.toMatch(/^persist:/);
    await pool.release('bot-slot-99');
    expect(wiped).toBe(0);
  });
});
