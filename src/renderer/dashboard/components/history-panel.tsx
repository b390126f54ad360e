/**
 * The History panel: collapsed by default; open, it lists the recent launches, joins, leaves and
 * failures (re-read as bots change), exports the whole log as `botdeck-history.jsonl`, and
 * offers the relaunch-after-restart setting (the Stopped panel shows it only after a restart).
 */
import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import { downloadText } from './download-text';
import { HistoryTable } from './history-table';
import { RelaunchSettingToggle } from './relaunch-setting-toggle';

export const HISTORY_FILE_NAME = 'botdeck-history.jsonl';

export function HistoryPanel() {
  const bodyId = useId();
  const state = useAppStore(
    useShallow((s) => ({
      open: s.historyOpen,
      entries: s.history,
      loading: s.historyLoading,
      error: s.historyError,
      exporting: s.exportingHistory,
      restartError: s.stoppedByRestart.length === 0 ? s.restartError : null,
      bots: s.bots,
      setOpen: s.setHistoryOpen,
      load: s.loadHistory,
      exportHistory: s.exportHistory,
    })),
  );
  const { open, bots, load } = state;

  // Every bot change may have added entries; the slice folds a burst into one more read.
  useEffect(() => {
    if (open) void load();
  }, [open, bots, load]);

  const onExport = async (): Promise<void> => {
    const jsonl = await state.exportHistory();
    if (jsonl !== null) downloadText(HISTORY_FILE_NAME, jsonl, 'application/x-ndjson');
  };

  return (
    <section className="card history-panel" data-testid="history-panel" aria-label="History">
      <header className="history-header">
        <h2>
          <button
            type="button"
            className="history-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => state.setOpen(!open)}
          >
            History
          </button>
        </h2>
        {open ? (
          <div className="history-actions">
            <button
              type="button"
              className="button button-small"
              disabled={state.exporting}
              onClick={() => void onExport()}
            >
              Export history
            </button>
          </div>
        ) : null}
      </header>
      {open ? (
        <div id={bodyId} className="history-body">
          <p className="hint">
            Launches, joins, leaves and failures, newest first. The log holds no ZAK, token or
            secret.
          </p>
          <RelaunchSettingToggle />
          {state.restartError !== null ? (
            <p className="form-alert" role="alert">
              {state.restartError}
            </p>
          ) : null}
          {state.error !== null ? (
            <p className="form-alert" role="alert" data-testid="history-error">
              {state.error}
            </p>
          ) : null}
          {state.entries.length === 0 ? (
            <p className="empty">
              {state.loading ? 'Reading the history…' : 'Nothing has happened yet.'}
            </p>
          ) : (
            <HistoryTable entries={state.entries} />
          )}
        </div>
      ) : null}
    </section>
  );
}
