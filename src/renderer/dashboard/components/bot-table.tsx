/**
 * The fleet: one row per bot in creation order, virtualised so hundreds of rows stay smooth.
 * Spacer rows above and below keep a real <table> (and its columns) while scrolling.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useAppStore } from '../store/store-context';
import { BotRow } from './bot-row';
import { followsClock } from './bot-states';
import { FleetToolbar } from './fleet-toolbar';
import { useNow } from './use-now';
import { useRowVirtualizer } from './use-row-virtualizer';

const COLUMN_COUNT = 7;

export function BotTable() {
  const bots = useAppStore((state) => state.bots);
  const leaveBot = useAppStore((state) => state.leaveBot);
  const rows = useMemo(() => [...bots.values()], [bots]);
  const now = useNow(rows.some((bot) => followsClock(bot.state)));

  const scrollRef = useRef<HTMLDivElement>(null);
  const getKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useRowVirtualizer(rows.length, getKey, scrollRef);
  const items = virtualizer.getVirtualItems();
  const padStart = virtualizer.options.paddingStart;
  const spacerTop = Math.max(0, (items[0]?.start ?? padStart) - padStart);
  const spacerBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? padStart));
  const onLeave = useCallback((botId: string): void => void leaveBot(botId), [leaveBot]);

  return (
    <section className="card fleet" data-testid="bot-table" aria-label="Bots">
      <FleetToolbar />
      {rows.length === 0 ? (
        <p className="empty" data-testid="bot-table-empty">
          No bots yet. Launch some above.
        </p>
      ) : (
        <div className="table-scroll" ref={scrollRef}>
          <table className="bot-table">
            <colgroup>
              <col className="col-avatar" />
              <col className="col-name" />
              <col className="col-state" />
              <col className="col-meeting" />
              <col className="col-time" />
              <col className="col-reason" />
              <col className="col-action" />
            </colgroup>
            <thead>
              <tr>
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
                const bot = rows[item.index];
                if (!bot) return null;
                return (
                  <BotRow
                    key={item.key}
                    bot={bot}
                    // Rows that do not read the clock are not rendered again as it ticks.
                    now={followsClock(bot.state) ? now : 0}
                    index={item.index}
                    rowRef={virtualizer.measureElement}
                    onLeave={onLeave}
                  />
                );
              })}
              {spacerBottom > 0 ? <SpacerRow height={spacerBottom} /> : null}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Stands in for the rows out of view so the scrollbar matches the whole fleet. */
function SpacerRow({ height }: { height: number }) {
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={COLUMN_COUNT} style={{ height }} />
    </tr>
  );
}
