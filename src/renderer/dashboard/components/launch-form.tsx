/**
 * The launch form: where, how many, what the bots are called, and under which account.
 * Validation runs on submit (not while typing) and speaks in one alert, which also shows main's
 * answer when a launch fails; fields are never cleared, since operators often launch into the
 * same meeting again.
 */
import { useId, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import { MAX_BOTS, MIN_BOTS } from '../store/launch-form';
import { BotNameFields } from './bot-name-fields';
import { CapacityWarning } from './capacity-warning';
import { ChatOnJoinField } from './chat-on-join-field';
import { LaunchAccountSelect } from './launch-account-select';
import { LaunchFormAlert } from './launch-form-alert';
import { LaunchShortcuts } from './launch-shortcuts';
import { LaunchTimeoutsFields } from './launch-timeouts-fields';
import { SavePresetField } from './save-preset-field';

export function LaunchForm() {
  const id = useId();
  const form = useAppStore(
    useShallow((state) => ({
      meeting: state.launch.meeting,
      passcode: state.launch.passcode,
      passcodeNeeded: state.launch.passcodeNeeded,
      countText: state.launch.countText,
      nameTemplate: state.launch.nameTemplate,
      submitting: state.launch.submitting,
      creatingMeeting: state.launch.creatingMeeting,
      // Sandbox meetings serve bots of the sandbox account, whatever mode the app is in.
      isSandbox:
        state.accounts.find((account) => account.id === state.launch.accountId)?.isSandbox ??
        state.mode === 'sandbox',
    })),
  );
  const actions = useAppStore(
    useShallow((state) => ({
      setMeeting: state.setMeeting,
      setPasscode: state.setPasscode,
      setCountText: state.setCountText,
      setNameTemplate: state.setNameTemplate,
      submitLaunch: state.submitLaunch,
      fillNewSandboxMeeting: state.fillNewSandboxMeeting,
    })),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void actions.submitLaunch();
  };

  return (
    // noValidate: the store's messages replace the browser's bubbles, which cannot be styled
    // or read back in one place.
    <form className="card launch-form" aria-label="Launch bots" noValidate onSubmit={onSubmit}>
      <h2>Launch bots</h2>
      <LaunchShortcuts />
      <div className="field-grid">
        <div className="field field-wide">
          <label htmlFor={`${id}-meeting`}>Meeting link or number</label>
          <input
            id={`${id}-meeting`}
            name="meeting"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://zoom.us/j/123456789?pwd=… or 123 456 789"
            value={form.meeting}
            onChange={(event) => actions.setMeeting(event.target.value)}
          />
          {form.isSandbox && (
            <button
              type="button"
              className="button button-link"
              disabled={form.creatingMeeting}
              onClick={() => void actions.fillNewSandboxMeeting()}
            >
              {form.creatingMeeting ? 'Creating a sandbox meeting…' : 'New sandbox meeting'}
            </button>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-passcode`}>Passcode</label>
          <input
            id={`${id}-passcode`}
            name="passcode"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="From the link if empty"
            aria-describedby={form.passcodeNeeded ? `${id}-passcode-needed` : undefined}
            value={form.passcode}
            onChange={(event) => actions.setPasscode(event.target.value)}
          />
          {form.passcodeNeeded ? (
            <p className="hint warning" id={`${id}-passcode-needed`}>
              Botdeck could not keep this meeting&apos;s passcode (no system keychain): enter it.
            </p>
          ) : null}
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-count`}>Number of bots</label>
          <input
            id={`${id}-count`}
            name="count"
            type="number"
            min={MIN_BOTS}
            max={MAX_BOTS}
            step={1}
            value={form.countText}
            onChange={(event) => actions.setCountText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-template`}>Name template</label>
          <input
            id={`${id}-template`}
            name="nameTemplate"
            type="text"
            autoComplete="off"
            aria-describedby={`${id}-template-hint`}
            value={form.nameTemplate}
            onChange={(event) => actions.setNameTemplate(event.target.value)}
          />
          <p className="hint" id={`${id}-template-hint`}>
            {'{n}'} becomes the bot&apos;s number. Names you edit below are kept.
          </p>
        </div>
        <LaunchAccountSelect id={`${id}-account`} />
      </div>

      <BotNameFields />
      <ChatOnJoinField />
      <LaunchTimeoutsFields />
      <LaunchFormAlert />
      <CapacityWarning />

      <div className="form-actions">
        <SavePresetField />
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {form.submitting ? 'Launching…' : 'Launch'}
        </button>
      </div>
    </form>
  );
}
