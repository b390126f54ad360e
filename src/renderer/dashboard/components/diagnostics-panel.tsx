/**
 * The Diagnostics section: collapsed by default; open, it shows main's checks (the same ones
 * `npm run doctor` prints) as ok / problem / skipped with the fix for each problem, and where
 * the log is, with "Open log folder" when this host can open it (the desktop app).
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  hasRequiredProblem,
  type DiagnosticCheck,
  type LogLocation,
} from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';

const STATUS_WORDS: Record<DiagnosticCheck['status'], string> = {
  ok: 'ok',
  problem: 'problem',
  skipped: 'skipped',
};

export function DiagnosticsPanel() {
  const bodyId = useId();
  const state = useAppStore(
    useShallow((s) => ({
      open: s.diagnosticsOpen,
      report: s.diagnostics,
      running: s.diagnosticsRunning,
      error: s.diagnosticsError,
      setOpen: s.setDiagnosticsOpen,
      run: s.runDiagnostics,
    })),
  );
  const { open, report } = state;

  return (
    <section
      className="card diagnostics-panel"
      data-testid="diagnostics-panel"
      aria-label="Diagnostics"
    >
      <header className="diagnostics-header">
        <h2>
          <button
            type="button"
            className="diagnostics-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => state.setOpen(!open)}
          >
            Diagnostics
          </button>
        </h2>
        {open ? (
          <div className="diagnostics-actions">
            <button
              type="button"
              className="button button-small"
              disabled={state.running}
              onClick={() => void state.run()}
            >
              {state.running ? 'Checking…' : 'Run checks again'}
            </button>
          </div>
        ) : null}
      </header>
      {open ? (
        <div id={bodyId} className="diagnostics-body">
          <p className="hint">
            What works on this machine and how to fix what does not: the same checks as{' '}
            <code>npm run doctor</code>.
          </p>
          {state.error !== null ? (
            <p className="form-alert" role="alert" data-testid="diagnostics-error">
              {state.error}
            </p>
          ) : null}
          {report === null ? (
            <p className="empty">{state.running ? 'Running the checks…' : 'No checks yet.'}</p>
          ) : (
            <>
              <LogLocationLine log={report.log} />
              <ul className="diagnostics-list">
                {report.checks.map((check) => (
                  <CheckRow key={check.id} check={check} />
                ))}
              </ul>
              <p className="hint" data-testid="diagnostics-summary">
                {hasRequiredProblem(report)
                  ? 'Some required checks found a problem: Botdeck will not work fully here yet.'
                  : 'Everything Botdeck needs works here.'}
              </p>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

function CheckRow({ check }: { check: DiagnosticCheck }) {
  return (
    <li
      className="diagnostic-row"
      data-testid="diagnostic-check"
      data-check={check.id}
      data-status={check.status}
    >
      <span className={`chip chip-check-${check.status}`}>{STATUS_WORDS[check.status]}</span>
      <div className="diagnostic-text">
        <span className="diagnostic-title">
          {check.title}
          {check.required ? null : <span className="diagnostic-optional"> (optional)</span>}
        </span>
        <span className="diagnostic-message">
          <Words text={check.message} />
        </span>
        {check.fix !== null ? (
          <span className="diagnostic-fix">
            <strong>Fix:</strong> <Words text={check.fix} />
          </span>
        ) : null}
      </div>
    </li>
  );
}

function LogLocationLine({ log }: { log: LogLocation }) {
  const openFolder = useAppStore((s) => s.openLogFolder);
  if (log.kind === 'stderr') {
    return (
      <p className="diagnostics-log" data-testid="log-location">
        <strong>Log:</strong> <Words text={log.description} />
      </p>
    );
  }
  return (
    <p className="diagnostics-log" data-testid="log-location">
      <strong>Log file:</strong> <code>{log.file}</code>
      {log.canOpenFolder ? (
        <button type="button" className="button button-small" onClick={() => void openFolder()}>
          Open log folder
        </button>
      ) : null}
    </p>
  );
}

/** Main's sentences mark commands with backticks (as the doctor prints them); show them as code. */
function Words({ text }: { text: string }) {
  return (
    <>
      {text
        .split('`')
        .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
    </>
  );
}
