/** Above the table: how the fleet is doing, and the one button that ends it all. */
import { useMemo } from 'react';
import { useAppStore } from '../store/store-context';
import { countFleet, formatFleetSummary } from './bot-states';

export function FleetToolbar() {
  const bots = useAppStore((state) => state.bots);
  const leaveAll = useAppStore((state) => state.leaveAll);
  const leaveError = useAppStore((state) => state.leaveError);
  const counts = useMemo(() => countFleet(bots.values()), [bots]);

  return (
    <div className="fleet-toolbar">
      <h2>Bots</h2>
      <p className="fleet-summary" data-testid="bot-summary" aria-live="polite">
        {formatFleetSummary(counts)}
      </p>
      <button
        type="button"
        className="button button-danger"
        disabled={counts.live === 0}
        onClick={() => void leaveAll()}
      >
        Leave all
      </button>
      {leaveError !== null ? (
        <p className="fleet-error" role="alert" data-testid="leave-error">
          {leaveError}
        </p>
      ) : null}
    </div>
  );
}
