import { readFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  MIB,
  assumedFreeMemory,
  createFreeMemory,
  parseVmStat,
} from '../../../../src/main/capacity/free-memory';

/** `vm_stat` on macOS 14 (Apple silicon: 16 KiB pages). */
const VM_STAT = `Mach Virtual Memory Statistics: (page size of 16384 bytes)
Pages free:                                3012.
Pages active:                            201544.
Pages inactive:                          197321.
Pages speculative:                         2710.
Pages throttled:                              0.
Pages wired down:                        112008.
Pages purgeable:                          10233.
"Translation faults":                 719812436.
Pages copy-on-write:                   21345678.
File-backed pages:                       160125.
Anonymous pages:                         241450.
Pages stored in compressor:              402871.
Pages occupied by compressor:            140092.
`;

/** MemAvailable of /proc/meminfo, in bytes. */
async function memAvailable(): Promise<number> {
  const meminfo = await readFile('/proc/meminfo', 'utf8');
  return Number(/^MemAvailable:\s+(\d+) kB$/m.exec(meminfo)?.[1]) * 1024;
}

/** True where a cgroup caps this process's memory below the machine's. */
const inCappedContainer = (): boolean => process.constrainedMemory() < totalmem();

describe('free memory', () => {
  it.runIf(process.platform === 'linux' && !inCappedContainer())(
    'on Linux is MemAvailable (cache the kernel gives back included), not MemFree',
    async () => {
      const [measured, expected] = await Promise.all([createFreeMemory()(), memAvailable()]);
      // Both are read a moment apart on a machine that keeps working meanwhile.
      expect(Math.abs(measured - expected)).toBeLessThan(Math.max(64 * MIB, expected * 0.05));
    },
  );

  it('on macOS adds inactive pages to the free ones, as psutil does', async () => {
    const free = createFreeMemory({ platform: 'darwin', vmStat: async () => VM_STAT });
    expect(await free()).toBe((3_012 + 197_321) * 16_384);
    expect(parseVmStat(VM_STAT)).toBe((3_012 + 197_321) * 16_384);
  });

  it('on macOS falls back to the runtime’s figure when vm_stat fails or says something else', async () => {
    const failing = createFreeMemory({
      platform: 'darwin',
      vmStat: () => Promise.reject(new Error('ENOENT')),
      available: () => 123 * MIB,
    });
    expect(await failing()).toBe(123 * MIB);
    expect(parseVmStat('Pages free: 12.\n')).toBeNull();
  });

  it('elsewhere is the runtime’s figure', async () => {
    const free = createFreeMemory({ platform: 'win32', available: () => 4_096 * MIB });
    expect(await free()).toBe(4_096 * MIB);
  });

  it('can be assumed instead of measured, for tests', async () => {
    expect(await assumedFreeMemory(100)()).toBe(100 * MIB);
  });
});
