/**
 * One way to run a fuzz suite: a fast-check property run FUZZ_RUNS times, counting the cases it
 * really ran, asserting that count and printing it, so a suite cannot silently shrink to a
 * handful of cases.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export const FUZZ_RUNS = 10_000;

/** Runs `check` on FUZZ_RUNS values of `arbitrary`; resolves with the number of cases run. */
export async function fuzz<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<void> | void,
  options: { seed?: number } = {},
): Promise<number> {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      cases += 1;
      await check(value);
    }),
    { numRuns: FUZZ_RUNS, seed: options.seed },
  );
  console.warn(`[fuzz] ${name}: ${cases.toLocaleString('en-US')} cases`);
  expect(cases).toBe(FUZZ_RUNS);
  return cases;
}
