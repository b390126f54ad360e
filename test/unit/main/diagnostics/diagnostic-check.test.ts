import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  passed,
  problem,
  runChecks,
  skipped,
  type CheckSpec,
} from '../../../../src/main/diagnostics/diagnostic-check';

const spec = (id: string, run: CheckSpec['run'], extra: Partial<CheckSpec> = {}): CheckSpec => ({
  id,
  title: `Check ${id}`,
  required: true,
  run,
  ...extra,
});

afterEach(() => vi.useRealTimers());

describe('running checks', () => {
  it('answers in the order given, with a fix only for problems', async () => {
    const checks = await runChecks([
      spec('a', () => Promise.resolve(passed('Fine.'))),
      spec('b', () => Promise.resolve(problem('Broken.', 'Mend it.')), { required: false }),
      spec('c', () => Promise.resolve(skipped('Not here.'))),
    ]);
    expect(checks).toEqual([
      { id: 'a', title: 'Check a', status: 'ok', message: 'Fine.', fix: null, required: true },
      {
        id: 'b',
        title: 'Check b',
        status: 'problem',
        message: 'Broken.',
        fix: 'Mend it.',
        required: false,
      },
      {
        id: 'c',
        title: 'Check c',
        status: 'skipped',
        message: 'Not here.',
        fix: null,
        required: true,
      },
    ]);
  });

  it('turns a check that throws into a problem with its words, and runs the others', async () => {
    const checks = await runChecks([
      spec('boom', () => Promise.reject(new Error('EACCES: permission denied, open /x'))),
      spec('fine', () => Promise.resolve(passed('Fine.'))),
    ]);
    expect(checks[0]).toMatchObject({
      status: 'problem',
      message: 'Botdeck could not run this check: EACCES: permission denied, open /x',
    });
    expect(checks[1]?.status).toBe('ok');
  });

  it('gives each check its own deadline, so one that hangs costs its timeout and no more', async () => {
    vi.useFakeTimers();
    const report = runChecks([
      spec('hangs', () => new Promise(() => undefined), { timeoutMs: 5_000 }),
      spec('also-hangs', () => new Promise(() => undefined), {
        timeoutMs: 5_000,
        onTimeout: (seconds) => problem(`No answer in ${seconds} s.`, 'Unlock it.'),
      }),
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    const checks = await report;
    expect(checks.map((check) => [check.status, check.message])).toEqual([
      ['problem', 'This check did not finish within 5 seconds.'],
      ['problem', 'No answer in 5 s.'],
    ]);
  });
});
