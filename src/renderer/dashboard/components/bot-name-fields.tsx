/**
 * One name input per bot, filled from the template. A name the operator types here is kept
 * when the template or the count changes.
 */
import { useId, useMemo } from 'react';
import { useAppStore } from '../store/store-context';
import { findDuplicateNames } from '../store/launch-form';

export function BotNameFields() {
  const id = useId();
  const names = useAppStore((state) => state.launch.names);
  const setBotName = useAppStore((state) => state.setBotName);
  const duplicates = useMemo(() => findDuplicateNames(names), [names]);

  return (
    <fieldset className="bot-names">
      <legend>Bot names</legend>
      <ol className="bot-name-list">
        {names.map((name, index) => (
          // Rows are positions (bot 1, bot 2, …), so the index is the stable identity here.
          <li key={index} className="bot-name-item">
            <label htmlFor={`${id}-${index}`}>{`Name of bot ${index + 1}`}</label>
            <input
              id={`${id}-${index}`}
              type="text"
              autoComplete="off"
              data-testid="bot-name-input"
              value={name}
              onChange={(event) => setBotName(index, event.target.value)}
            />
          </li>
        ))}
      </ol>
      {duplicates.length > 0 ? (
        <p className="hint warning" data-testid="duplicate-names">
          More than one bot is called {duplicates.map((name) => `“${name}”`).join(', ')}. Zoom
          allows it, but they will be hard to tell apart.
        </p>
      ) : null}
    </fieldset>
  );
}
