/** Above the table: how the fleet is doing, and the actions on the whole of it. */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import { selectFleetCounts, selectFleetSummary } from './bot-states';

export function FleetToolbar() {
  const summary = useAppStore(selectFleetSummary);
  const anyEnded = useAppStore((state) => selectFleetCounts(state).ended > 0);
  const anyLive = useAppStore((state) => selectFleetCounts(state).live > 0);
  const tableError = useAppStore((state) => state.tableError);
  const actions = useAppStore(
    useShallow((state) => ({ leaveAll: state.leaveAll, clearFinished: state.clearFinished })),
  );

  return (
    <div className="fleet-toolbar">
      <h2>Bots</h2>
      <p className="fleet-summary" data-testid="bot-summary" aria-live="polite">
        {summary}
      </p>
      <button
        type="button"
        className="button"
        disabled={!anyEnded}
        title="Takes left and failed bots off the table; History keeps them."
        onClick={() => void actions.clearFinished()}
      >
        Clear finished
      </button>
      <button
        type="button"
        className="button button-danger"
        disabled={!anyLive}
        onClick={() => void actions.leaveAll()}
      >
        Leave all
      </button>
      {tableError !== null ? (
        <p className="fleet-error" role="alert" data-testid="table-error">
          {tableError}
        </p>
      ) : null}
    </div>
  );
}
