/**
 * What the operator can do with the rows they ticked: send them one chat message, leave them
 * together, or untick them. Shown only while something is selected; chat and leave act on the
 * selected bots still live (only live bots can be asked anything).
 */
import { useShallow } from 'zustand/react/shallow';
import { selectedLiveBotIds } from '../store/bots-slice';
import { useAppStore } from '../store/store-context';

/** The selected bots still live, in selection order; re-renders only when that list changes. */
function useSelectedLiveBotIds(): string[] {
  return useAppStore(useShallow(selectedLiveBotIds));
}

export function SelectionBar() {
  const selectedCount = useAppStore((state) => state.selectedBotIds.size);
  const live = useSelectedLiveBotIds();
  const actions = useAppStore(
    useShallow((state) => ({
      leaveSelected: state.leaveSelected,
      clearSelection: state.clearSelection,
      chatSelected: state.openSelectionChat,
    })),
  );
  if (selectedCount === 0) return null;

  return (
    <div className="selection-bar" role="group" aria-label="Selected bots">
      <p data-testid="selection-summary">
        {`${selectedCount} selected`}
        {live.length < selectedCount ? ` (${live.length} live)` : ''}
      </p>
      <button
        type="button"
        className="button button-small"
        disabled={live.length === 0}
        onClick={() => actions.chatSelected(live)}
      >
        {`Send chat to selected (${live.length})`}
      </button>
      <button
        type="button"
        className="button button-danger button-small"
        disabled={live.length === 0}
        onClick={() => void actions.leaveSelected()}
      >
        {`Leave selected (${live.length})`}
      </button>
      <button type="button" className="button button-small" onClick={actions.clearSelection}>
        Clear selection
      </button>
    </div>
  );
}
