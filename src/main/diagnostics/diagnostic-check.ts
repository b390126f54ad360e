/**
 * How one diagnostic check is written and run. A check only says what it found; the runner
 * gives every check its own deadline and runs them all at once, so an unreachable host or a
 * keychain that never answers costs one timeout, not the sum, and a check that throws becomes a
 * "problem" line instead of taking the report (or `npm run doctor`) down.
 */
import type { DiagnosticCheck, DiagnosticStatus } from '../../shared/diagnostics-contract';

/** What a check found. `fix` is required for a problem and dropped otherwise. */
export type CheckOutcome =
  | { status: 'ok' | 'skipped'; message: string }
  | { status: 'problem'; message: string; fix: string };

export interface CheckSpec {
  id: string;
  title: string;
  /** A problem here means Botdeck cannot do its job on this machine. */
  required: boolean;
  /** How long the check may take (default 5 s). */
  timeoutMs?: number;
  /** What to say when it takes longer. */
  onTimeout?: (seconds: number) => CheckOutcome;
  run(): Promise<CheckOutcome>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

export const passed = (message: string): CheckOutcome => ({ status: 'ok', message });
export const skipped = (message: string): CheckOutcome => ({ status: 'skipped', message });
export const problem = (message: string, fix: string): CheckOutcome => ({
  status: 'problem',
  message,
  fix,
});

/** Runs every check at once and answers in the order given. Never rejects. */
export function runChecks(specs: readonly CheckSpec[]): Promise<DiagnosticCheck[]> {
  return Promise.all(specs.map(runOne));
}

async function runOne(spec: CheckSpec): Promise<DiagnosticCheck> {
  const timeoutMs = spec.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const seconds = Math.round(timeoutMs / 1000);
  let outcome: CheckOutcome;
  try {
    outcome = await withDeadline(
      spec.run(),
      timeoutMs,
      () =>
        spec.onTimeout?.(seconds) ??
        problem(
          `This check did not finish within ${seconds} seconds.`,
          'Run the checks again; if it keeps timing out, send the log file to support.',
        ),
    );
  } catch (error) {
    outcome = problem(
      `Botdeck could not run this check: ${describeError(error)}`,
      'Run the checks again; if it keeps failing, send the log file to support.',
    );
  }
  return toCheck(spec, outcome);
}

/** `task`'s result, or `onLate()`'s once `ms` have passed (the task is left to end alone). */
export async function withDeadline<T>(task: Promise<T>, ms: number, onLate: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onLate()), ms);
  });
  try {
    return await Promise.race([task, late]);
  } finally {
    clearTimeout(timer);
  }
}

function toCheck(spec: CheckSpec, outcome: CheckOutcome): DiagnosticCheck {
  const status: DiagnosticStatus = outcome.status;
  return {
    id: spec.id,
    title: spec.title,
    status,
    message: outcome.message,
    fix: outcome.status === 'problem' ? outcome.fix : null,
    required: spec.required,
  };
}

/** An error's own words, cut short; checks only ever throw errors about files and hosts. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
