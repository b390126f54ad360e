/**
 * Peek: a live thumbnail of one bot's window, in a corner of the dashboard, and a larger view
 * on click. While it is open it asks main for a frame a few times a second (main captures at
 * most four a second per bot); closed, it asks nothing, so nothing is captured.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isLive } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';
import { STATE_LABELS } from './bot-states';

/** How long the panel waits after a frame before asking for the next. */
const PEEK_POLL_MS = 400;

/** Asks for frames of the open peek, one after another, until it closes or changes. */
function usePeekFrames(botId: string | null, large: boolean): void {
  const refreshPeek = useAppStore((state) => state.refreshPeek);
  useEffect(() => {
    if (botId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = async (): Promise<void> => {
      await refreshPeek();
      if (!stopped) timer = setTimeout(() => void next(), PEEK_POLL_MS);
    };
    void next();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [botId, large, refreshPeek]);
}

export function PeekPanel() {
  const peek = useAppStore((state) => state.peek);
  const bot = useAppStore((state) => (state.peek ? state.bots.get(state.peek.botId) : undefined));
  const actions = useAppStore(
    useShallow((state) => ({ setPeekLarge: state.setPeekLarge, closePeek: state.closePeek })),
  );
  // A bot that has left has no window to capture: its last frame stays, and asking stops.
  usePeekFrames(bot && isLive(bot.state) ? (peek?.botId ?? null) : null, peek?.large ?? false);
  // A bot cleared off the table takes its peek with it.
  useEffect(() => {
    if (peek && !bot) actions.closePeek();
  }, [peek, bot, actions]);
  useEffect(() => {
    if (!peek?.large) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') actions.setPeekLarge(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [peek?.large, actions]);
  if (!peek || !bot) return null;

  const frame = peek.frame ? (
    <img
      className="peek-frame"
      src={peek.frame.image}
      width={peek.frame.width}
      height={peek.frame.height}
      alt={`What ${bot.name} sees`}
      data-testid={peek.large ? 'peek-large-frame' : 'peek-frame'}
    />
  ) : (
    <p className="peek-waiting">{peek.error ?? 'Capturing…'}</p>
  );
  const status = (
    <p className="peek-status">
      {STATE_LABELS[bot.state]}
      {peek.frame && peek.error ? ` · ${peek.error}` : ''}
    </p>
  );

  if (peek.large) {
    return (
      <div className="peek-overlay" onClick={() => actions.setPeekLarge(false)}>
        <div
          className="card peek-large"
          role="dialog"
          aria-modal="true"
          aria-label={`Peek at ${bot.name}, larger`}
          data-testid="peek-large"
          onClick={(event) => event.stopPropagation()}
        >
          <div className="peek-heading">
            <h2>{bot.name}</h2>
            <button
              type="button"
              className="button button-small"
              onClick={() => actions.setPeekLarge(false)}
            >
              Smaller
            </button>
            <button type="button" className="button button-small" onClick={actions.closePeek}>
              Close
            </button>
          </div>
          {frame}
          {status}
        </div>
      </div>
    );
  }
  return (
    <aside className="card peek-panel" aria-label={`Peek at ${bot.name}`} data-testid="peek-panel">
      <div className="peek-heading">
        <h2>{`Peek · ${bot.name}`}</h2>
        <button type="button" className="button button-small" onClick={actions.closePeek}>
          Close
        </button>
      </div>
      <button
        type="button"
        className="peek-thumbnail"
        aria-label={`Show ${bot.name} larger`}
        disabled={!peek.frame}
        onClick={() => actions.setPeekLarge(true)}
      >
        {frame}
      </button>
      {status}
    </aside>
  );
}
