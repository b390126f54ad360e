/**
 * The part of the IPC contract about Diagnostics: the checks `npm run doctor` prints and the
 * dashboard's Diagnostics section shows, and where this Botdeck writes its log. One shape for
 * both, so the two can never tell an operator different things. `ipc-contract.ts` re-exports
 * all of it and lists the channels.
 *
 * Nothing here holds a secret: checks carry plain sentences written in main.
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */

/** ok: works; problem: does not work (see `fix`); skipped: does not apply here (see `message`). */
export type DiagnosticStatus = 'ok' | 'problem' | 'skipped';

/** One check, as the operator reads it. */
export interface DiagnosticCheck {
  /** A stable id (`electron`, `keychain`, `zoom-api`, `account:<id>`, …). */
  id: string;
  title: string;
  status: DiagnosticStatus;
  /** What was found, in one plain sentence. */
  message: string;
  /** What to do about it; null when the check is ok or skipped. */
  fix: string | null;
  /** A problem here means Botdeck cannot do its job on this machine (`npm run doctor` exits 1). */
  required: boolean;
}

/** Where this Botdeck's log goes. */
export type LogLocation =
  | {
      kind: 'file';
      /** The folder holding the current file and the rotated ones. */
      folder: string;
      /** The file being written now. */
      file: string;
      /** True when this host can open the folder in the system's file manager. */
      canOpenFolder: boolean;
    }
  | {
      kind: 'stderr';
      /** Where the lines end up, in the operator's words. */
      description: string;
    };

export interface DiagnosticsReport {
  /** Epoch ms when the checks finished. */
  at: number;
  checks: DiagnosticCheck[];
  log: LogLocation;
}

/** True when a required check found a problem. */
export function hasRequiredProblem(report: Pick<DiagnosticsReport, 'checks'>): boolean {
  return report.checks.some((check) => check.required && check.status === 'problem');
}
