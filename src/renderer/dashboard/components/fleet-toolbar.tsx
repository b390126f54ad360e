/** Above the table: how the fleet is doing, and the actions on the whole of it. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import { countFleet, formatFleetSummary } from './bot-states';

export function FleetToolbar() {
  const bots = useAppStore((state) => state.bots);
  const tableError = useAppStore((state) => state.tableError);
  const actions = useAppStore(
    useShallow((state) => ({ leaveAll: state.leaveAll, clearFinished: state.clearFinished })),
  );
  const counts = useMemo(() => countFleet(bots.values()), [bots]);

  return (
    <div className="fleet-toolbar">
      <h2>Bots</h2>
      <p className="fleet-summary" data-testid="bot-summary" aria-live="polite">
        {formatFleetSummary(counts)}
      </p>
      <button
        type="button"
        className="button"
        disabled={counts.ended === 0}
        title="Takes left and failed bots off the table; History keeps them."
        onClick={() => void actions.clearFinished()}
      >
        Clear finished
      </button>
      <button
        type="button"
        className="button button-danger"
        disabled={counts.live === 0}
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
