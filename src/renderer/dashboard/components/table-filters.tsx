/**
 * The table's view choices: which states and which meeting to show, and whether to group the
 * bots by meeting (each meeting then has its own "Leave all").
 */
import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import { STATE_FILTERS, meetingsOf, type StateFilter } from '../store/table-view';
import { STATE_FILTER_LABELS } from './bot-states';

const ALL_MEETINGS = '';

export function TableFilters() {
  const id = useId();
  const bots = useAppStore((state) => state.bots);
  const view = useAppStore((state) => state.tableView);
  const actions = useAppStore(
    useShallow((state) => ({
      setStateFilter: state.setStateFilter,
      setMeetingFilter: state.setMeetingFilter,
      setGroupByMeeting: state.setGroupByMeeting,
    })),
  );
  const meetings = useMemo(() => meetingsOf(bots), [bots]);
  // A meeting whose bots were all cleared stays choosable while chosen, so the choice shows.
  const choices =
    view.meetingFilter !== null && !meetings.includes(view.meetingFilter)
      ? [...meetings, view.meetingFilter]
      : meetings;

  return (
    <div className="table-filters" role="group" aria-label="Which bots to show">
      <label htmlFor={`${id}-state`}>Show</label>
      <select
        id={`${id}-state`}
        value={view.stateFilter}
        onChange={(event) => actions.setStateFilter(event.target.value as StateFilter)}
      >
        {STATE_FILTERS.map((filter) => (
          <option key={filter} value={filter}>
            {STATE_FILTER_LABELS[filter]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-meeting`}>Meeting</label>
      <select
        id={`${id}-meeting`}
        value={view.meetingFilter ?? ALL_MEETINGS}
        onChange={(event) =>
          actions.setMeetingFilter(event.target.value === ALL_MEETINGS ? null : event.target.value)
        }
      >
        <option value={ALL_MEETINGS}>All meetings</option>
        {choices.map((meetingNumber) => (
          <option key={meetingNumber} value={meetingNumber}>
            {meetingNumber}
          </option>
        ))}
      </select>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={view.groupByMeeting}
          onChange={(event) => actions.setGroupByMeeting(event.target.checked)}
        />
        Group by meeting
      </label>
    </div>
  );
}
