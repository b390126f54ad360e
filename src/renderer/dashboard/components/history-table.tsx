/** The History panel's entries: time, bot, what happened, why. Text only, from the log's views. */
import type { HistoryEntry } from '../../../shared/ipc-contract';
import { describeHistoryEntry, formatHistoryTime } from './history-words';

export function HistoryTable({ entries }: { entries: readonly HistoryEntry[] }) {
  return (
    <div className="history-scroll">
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Bot</th>
            <th scope="col">What happened</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => {
            const line = describeHistoryEntry(entry);
            return (
              // Entries have no id of their own; newest first, so the index is stable per read.
              <tr key={`${entry.at}-${index}`} data-testid="history-entry" data-kind={entry.kind}>
                <td className="mono">
                  <time dateTime={new Date(entry.at).toISOString()}>
                    {formatHistoryTime(entry.at)}
                  </time>
                </td>
                <td className="history-bot" title={line.bot}>
                  {line.bot}
                </td>
                <td>{line.what}</td>
                <td className="history-reason">{line.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
