/**
 * The fleet: one row per bot in creation order (or grouped by meeting), filtered as the
 * operator chose, virtualised so a thousand rows stay smooth. Spacer rows above and below keep
 * a real <table> (and its columns) while scrolling. The rows are rebuilt in one pass when the
 * bots or the view change; each row is memoised, so only changed bots render again.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BotView } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';
import { tableRows, type TableRow } from '../store/table-view';
import { BotRow, ticks, type BotRowActions } from './bot-row';
import { FleetToolbar } from './fleet-toolbar';
import { LaunchProgressBar } from './launch-progress';
import { MeetingGroupRow } from './meeting-group-row';
import { PeekPanel } from './peek-panel';
import { SelectAllShown } from './select-all-shown';
import { SelectionBar } from './selection-bar';
import { TableFilters } from './table-filters';
import { useNow } from './use-now';
import { useRowVirtualizer } from './use-row-virtualizer';

const COLUMN_COUNT = 8;

const rowKey = (row: TableRow): string =>
  row.kind === 'bot' ? row.bot.id : `meeting:${row.meetingNumber}`;

export function BotTable() {
  const bots = useAppStore((state) => state.bots);
  const view = useAppStore((state) => state.tableView);
  const selected = useAppStore((state) => state.selectedBotIds);
  const canShowWindows = useAppStore((state) => state.canShowBotWindows);
  const peeking = useAppStore((state) => state.peek !== null);
  const store = useAppStore(
    useShallow((state) => ({
      leaveBot: state.leaveBot,
      leaveMeeting: state.leaveMeeting,
      setSelected: state.setSelected,
      openPeek: state.openPeek,
      showBotWindow: state.showBotWindow,
    })),
  );
  const rows = useMemo(() => tableRows(bots, view), [bots, view]);
  const now = useNow(useMemo(() => anyTicking(bots.values()), [bots]));
  const actions = useMemo<BotRowActions>(
    () => ({
      onSelect: (botId, on) => store.setSelected([botId], on),
      onLeave: (botId) => void store.leaveBot(botId),
      onPeek: store.openPeek,
      ...(canShowWindows ? { onShowWindow: (botId) => void store.showBotWindow(botId) } : {}),
    }),
    [store, canShowWindows],
  );
  const onLeaveMeeting = useCallback(
    (meetingNumber: string) => void store.leaveMeeting(meetingNumber),
    [store],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const getKey = useCallback(
    (index: number) => {
      const row = rows[index];
      return row ? rowKey(row) : index;
    },
    [rows],
  );
  const virtualizer = useRowVirtualizer(rows.length, getKey, scrollRef);
  const items = virtualizer.getVirtualItems();
  const padStart = virtualizer.options.paddingStart;
  const spacerTop = Math.max(0, (items[0]?.start ?? padStart) - padStart);
  const spacerBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? padStart));

  return (
    <section className="card fleet" data-testid="bot-table" aria-label="Bots">
      <FleetToolbar />
      <LaunchProgressBar />
      {bots.size > 0 ? <TableFilters /> : null}
      <SelectionBar />
      {/* Peek sits beside the rows, never over them: their buttons stay reachable. */}
      <div className={peeking ? 'fleet-body fleet-body-peek' : 'fleet-body'}>
        {bots.size === 0 ? (
          <p className="empty" data-testid="bot-table-empty">
            No bots yet. Launch some above.
          </p>
        ) : rows.length === 0 ? (
          <p className="empty" data-testid="bot-table-filtered-out">
            No bot matches these filters.
          </p>
        ) : (
          <div className="table-scroll" ref={scrollRef}>
            <table className="bot-table">
              <colgroup>
                <col className="col-select" />
                <col className="col-avatar" />
                <col className="col-name" />
                <col className="col-state" />
                <col className="col-meeting" />
                <col className="col-time" />
                <col className="col-reason" />
                <col className={canShowWindows ? 'col-action col-action-wide' : 'col-action'} />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">
                    <SelectAllShown rows={rows} />
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Avatar</span>
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">State</th>
                  <th scope="col">Meeting</th>
                  <th scope="col">Time in meeting</th>
                  <th scope="col">Reason</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {spacerTop > 0 ? <SpacerRow height={spacerTop} /> : null}
                {items.map((item) => {
                  const row = rows[item.index];
                  if (!row) return null;
                  return row.kind === 'meeting' ? (
                    <MeetingGroupRow
                      key={item.key}
                      meetingNumber={row.meetingNumber}
                      counts={row.counts}
                      index={item.index}
                      columns={COLUMN_COUNT}
                      rowRef={virtualizer.measureElement}
                      onLeaveMeeting={onLeaveMeeting}
                    />
                  ) : (
                    <BotRow
                      key={item.key}
                      bot={row.bot}
                      now={ticks(row.bot) ? now : 0}
                      index={item.index}
                      selected={selected.has(row.bot.id)}
                      rowRef={virtualizer.measureElement}
                      actions={actions}
                    />
                  );
                })}
                {spacerBottom > 0 ? <SpacerRow height={spacerBottom} /> : null}
              </tbody>
            </table>
          </div>
        )}
        <PeekPanel />
      </div>
    </section>
  );
}

function anyTicking(bots: Iterable<BotView>): boolean {
  for (const bot of bots) if (ticks(bot)) return true;
  return false;
}

/** Stands in for the rows out of view so the scrollbar matches the whole fleet. */
function SpacerRow({ height }: { height: number }) {
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={COLUMN_COUNT} style={{ height }} />
    </tr>
  );
}
