/**
 * The header's checkbox: selects every bot the filters show (or unselects them when all are
 * selected); half-ticked while only some are.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../store/store-context';
import type { TableRow } from '../store/table-view';

export function SelectAllShown({ rows }: { rows: readonly TableRow[] }) {
  const selected = useAppStore((state) => state.selectedBotIds);
  const setSelected = useAppStore((state) => state.setSelected);
  const shownIds = useMemo(
    () => rows.flatMap((row) => (row.kind === 'bot' ? [row.bot.id] : [])),
    [rows],
  );
  const selectedShown = useMemo(
    () => shownIds.reduce((count, id) => count + (selected.has(id) ? 1 : 0), 0),
    [shownIds, selected],
  );
  const all = shownIds.length > 0 && selectedShown === shownIds.length;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = selectedShown > 0 && !all;
  }, [selectedShown, all]);

  return (
    <input
      ref={box}
      type="checkbox"
      aria-label="Select all shown bots"
      checked={all}
      disabled={shownIds.length === 0}
      onChange={() => setSelected(shownIds, !all)}
    />
  );
}
