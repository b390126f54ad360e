/**
 * "Save as preset": keeps the launch form as it is (meeting, passcode, account, names, limits)
 * under a name, replacing a preset of the same name. Only a form that could launch is saved;
 * otherwise the form's alert says what to fix.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';

export function SavePresetField() {
  const id = useId();
  const state = useAppStore(
    useShallow((s) => ({
      name: s.presetName,
      saving: s.savingPreset,
      error: s.shortcutsError,
      setPresetName: s.setPresetName,
      save: s.saveLaunchPreset,
    })),
  );
  return (
    <div className="save-preset">
      <label htmlFor={`${id}-name`} className="visually-hidden">
        Preset name
      </label>
      <input
        id={`${id}-name`}
        type="text"
        autoComplete="off"
        placeholder="Preset name"
        maxLength={64}
        value={state.name}
        onChange={(event) => state.setPresetName(event.target.value)}
      />
      <button
        type="button"
        className="button"
        disabled={state.saving}
        onClick={() => void state.save()}
      >
        {state.saving ? 'Saving…' : 'Save as preset'}
      </button>
      {state.error !== null ? (
        <p className="hint warning" role="alert" data-testid="preset-error">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
