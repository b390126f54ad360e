/**
 * The launch form's warning when the bots would not fit in the memory the machine has free:
 * what they need against what is free, in words, and the operator's choice. Main refused the
 * launch, so nothing started; the form keeps its values whatever they choose.
 */
import { useShallow } from 'zustand/react/shallow';
import { describeCapacity } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';

export function CapacityWarning() {
  const warning = useAppStore((state) => state.capacityWarning);
  const submitting = useAppStore((state) => state.launch.submitting);
  const actions = useAppStore(
    useShallow((state) => ({
      launchAnyway: state.launchAnyway,
      launchThatFit: state.launchThatFit,
      dismiss: state.dismissCapacityWarning,
    })),
  );
  if (warning === null) return null;
  const fewer = warning.maxThatFit;
  return (
    <div className="capacity-warning" role="alert" data-testid="capacity-warning">
      <p>
        <strong>Not enough free memory.</strong> {describeCapacity(warning)}
      </p>
      <p className="hint">
        Bots past that slow every bot on this machine down, and the system may stop some of them.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={submitting}
          onClick={() => void actions.launchAnyway()}
        >
          Launch anyway
        </button>
        {fewer > 0 ? (
          <button
            type="button"
            className="button button-primary"
            disabled={submitting}
            onClick={() => void actions.launchThatFit()}
          >
            {`Launch ${fewer}`}
          </button>
        ) : null}
        <button type="button" className="button" onClick={actions.dismiss}>
          Cancel
        </button>
      </div>
    </div>
  );
}
