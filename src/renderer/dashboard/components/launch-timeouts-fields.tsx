/**
 * "Auto-leave and rejoin" in the launch form: folded away by default, since Botdeck's defaults
 * suit most launches; opened when an operator wants a long stay or fewer rejoins.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import type { TimeoutTexts } from '../store/launch-timeouts';

const FIELDS: { field: keyof TimeoutTexts; label: string; placeholder: string }[] = [
  { field: 'joinTimeoutSeconds', label: 'Join timeout (seconds)', placeholder: 'default' },
  {
    field: 'waitingRoomMinutes',
    label: 'Leave the waiting room after (minutes)',
    placeholder: 'default',
  },
  { field: 'aloneMinutes', label: 'Leave when alone for (minutes)', placeholder: 'default' },
  {
    field: 'maxDurationMinutes',
    label: 'Leave after (minutes in the meeting)',
    placeholder: 'off',
  },
  { field: 'reconnectAttempts', label: 'Rejoin attempts', placeholder: 'default' },
];

export function LaunchTimeoutsFields() {
  const id = useId();
  const timeouts = useAppStore(useShallow((state) => state.launch.timeouts));
  const setTimeoutText = useAppStore((state) => state.setTimeoutText);
  return (
    <details className="launch-timeouts">
      <summary>Auto-leave and rejoin</summary>
      <p className="hint" id={`${id}-hint`}>
        Empty fields use Botdeck&apos;s defaults (join timeout 60 s, waiting room 15 min, alone 5
        min, no time limit, 5 rejoins). 0 turns an auto-leave rule off.
      </p>
      <div className="field-grid">
        {FIELDS.map(({ field, label, placeholder }) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{label}</label>
            <input
              id={`${id}-${field}`}
              name={field}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder={placeholder}
              aria-describedby={`${id}-hint`}
              value={timeouts[field]}
              onChange={(event) => setTimeoutText(field, event.target.value)}
            />
          </div>
        ))}
      </div>
    </details>
  );
}
