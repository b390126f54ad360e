/**
 * The header's live load: bots by state, counted from the store, and the memory the bots use
 * against what the machine has free, polled from main. With a thousand bots the count runs once
 * per change of the bot table (at most once a frame) and the header redraws only when its words
 * change.
 */
import { useEffect } from 'react';
import { describeMachineLoad, type MachineLoad } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';
import { selectFleetSummary } from './bot-states';

const MEASURES: Record<NonNullable<MachineLoad['botMeasure']>, string> = {
  pss: 'Proportional set size of the bots’ processes: shared memory is split between them.',
  rss: 'Resident memory of the bots’ processes, shared memory counted in each: an upper bound.',
};

export function LoadSummary() {
  const fleet = useAppStore(selectFleetSummary);
  const load = useAppStore((state) => state.machineLoad);
  const watchLoad = useAppStore((state) => state.watchLoad);
  useEffect(() => watchLoad(), [watchLoad]);
  return (
    <p className="load-summary" data-testid="load-summary">
      <span data-testid="load-bots">{fleet}</span>
      <span
        data-testid="load-memory"
        title={load?.botMeasure ? MEASURES[load.botMeasure] : undefined}
      >
        {load ? describeMachineLoad(load) : 'Measuring memory…'}
      </span>
    </p>
  );
}
