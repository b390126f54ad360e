/**
 * Table slice: how the operator looks at the fleet (state and meeting filters, grouping by
 * meeting) and whether they dismissed the newest launch's progress bar. View choices only:
 * what the rows are is worked out from the bots by `table-view.ts`.
 */
import type { SliceCreator } from './app-store';
import type { StateFilter, TableViewOptions } from './table-view';

export interface TableSlice {
  tableView: TableViewOptions;
  /** The launch whose progress bar the operator closed; a newer launch shows its own. */
  dismissedLaunchId: string | null;
  setStateFilter(filter: StateFilter): void;
  setMeetingFilter(meetingNumber: string | null): void;
  setGroupByMeeting(group: boolean): void;
  dismissLaunchProgress(launchId: string): void;
}

export const createTableSlice: SliceCreator<TableSlice> = () => (set, get) => {
  const update = (patch: Partial<TableViewOptions>): void =>
    set({ tableView: { ...get().tableView, ...patch } });
  return {
    tableView: { stateFilter: 'all', meetingFilter: null, groupByMeeting: false },
    dismissedLaunchId: null,
    setStateFilter: (stateFilter) => update({ stateFilter }),
    setMeetingFilter: (meetingFilter) => update({ meetingFilter }),
    setGroupByMeeting: (groupByMeeting) => update({ groupByMeeting }),
    dismissLaunchProgress: (launchId) => set({ dismissedLaunchId: launchId }),
  };
};
