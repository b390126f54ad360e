/**
 * How an answer crosses IPC: expected failures travel as values with a stable code and operator
 * words, never as thrown errors, so every page handles them the same way on both hosts.
 * Part of the IPC contract (`ipc-contract.ts` re-exports it).
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */

export interface IpcError {
  /** A stable machine code (e.g. "invalid_request", "not_found", "zoom_api"). */
  code: string;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** True for anything shaped like a `Result` (a transport's answer before it is trusted). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
