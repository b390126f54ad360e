/**
 * The heading of one meeting's bots when the table is grouped by meeting: how many of them are
 * in, and a "Leave all" for that meeting alone (every live bot of it, shown or filtered out).
 */
import { memo, type Ref } from 'react';
import type { MeetingCounts } from '../store/table-view';

interface MeetingGroupRowProps {
  meetingNumber: string;
  counts: MeetingCounts;
  index: number;
  columns: number;
  rowRef: Ref<HTMLTableRowElement>;
  onLeaveMeeting(meetingNumber: string): void;
}

export const MeetingGroupRow = memo(function MeetingGroupRow({
  meetingNumber,
  counts,
  index,
  columns,
  rowRef,
  onLeaveMeeting,
}: MeetingGroupRowProps) {
  return (
    <tr
      ref={rowRef}
      data-index={index}
      className="group-row"
      data-testid="meeting-group"
      data-meeting={meetingNumber}
    >
      <th scope="rowgroup" colSpan={columns}>
        <div className="group-heading">
          <span>
            Meeting <span className="mono">{meetingNumber}</span>
          </span>
          <span className="group-counts" data-testid="meeting-group-counts">
            {`${counts.inMeeting} of ${counts.total} in meeting`}
          </span>
          <button
            type="button"
            className="button button-small button-danger"
            aria-label={`Leave all in meeting ${meetingNumber}`}
            disabled={counts.live === 0}
            onClick={() => onLeaveMeeting(meetingNumber)}
          >
            Leave all
          </button>
        </div>
      </th>
    </tr>
  );
});
