/**
 * Adding or editing a Zoom account. Validation uses the contract's schema on submit and puts
 * the first problem under each field; main's refusal (a locked keychain, say) appears in one
 * alert inside the form, which keeps the non-secret fields and says the secrets must be typed
 * again, because the store has already dropped them.
 */
import { useId, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ZOOM_PLANS, type ZoomPlan } from '../../../shared/ipc-contract';
import { useAppStore } from '../store/store-context';
import { AccountCredentialsFields } from './account-credentials-fields';
import { AccountTextField } from './account-text-field';
import { PLAN_OPTION_LABELS } from './account-words';

const isPlan = (value: string): value is ZoomPlan =>
  (ZOOM_PLANS as readonly string[]).includes(value);

export function AccountEditor() {
  const id = useId();
  const editor = useAppStore(
    useShallow((state) => {
      const open = state.accountEditor;
      return {
        isNew: open?.accountId === null,
        title: state.accounts.find((account) => account.id === open?.accountId)?.label ?? '',
        label: open?.label ?? '',
        serviceUser: open?.serviceUser ?? '',
        plan: open?.plan,
        errors: open?.errors,
        submitting: open?.submitting === true,
        saveError: open?.saveError ?? null,
        secretsCleared: open?.secretsCleared === true,
      };
    }),
  );
  const actions = useAppStore(
    useShallow((state) => ({
      setField: state.setAccountField,
      setPlan: state.setAccountPlan,
      save: state.saveAccount,
      close: state.closeAccountEditor,
    })),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void actions.save();
  };

  return (
    // noValidate: the contract's schema judges the fields, in the same words main would use.
    <form className="card account-editor" aria-label="Zoom account" noValidate onSubmit={onSubmit}>
      <h3>{editor.isNew ? 'Add Zoom account' : `Edit ${editor.title}`}</h3>
      <AccountTextField
        id={`${id}-label`}
        label="Label"
        placeholder="e.g. Support team"
        value={editor.label}
        error={editor.errors?.label}
        disabled={editor.submitting}
        onChange={(value) => actions.setField('label', value)}
      />
      <AccountTextField
        id={`${id}-service-user`}
        label="Zoom user for the bots (id or email)"
        placeholder="bots@example.com"
        value={editor.serviceUser}
        error={editor.errors?.serviceUser}
        disabled={editor.submitting}
        onChange={(value) => actions.setField('serviceUser', value)}
      />
      <div className="field">
        <label htmlFor={`${id}-plan`}>Plan</label>
        <select
          id={`${id}-plan`}
          value={editor.plan}
          disabled={editor.submitting}
          aria-invalid={editor.errors?.plan !== undefined ? true : undefined}
          onChange={(event) => {
            if (isPlan(event.target.value)) actions.setPlan(event.target.value);
          }}
        >
          {ZOOM_PLANS.map((plan) => (
            <option key={plan} value={plan}>
              {PLAN_OPTION_LABELS[plan]}
            </option>
          ))}
        </select>
        {editor.errors?.plan !== undefined ? (
          <p className="field-error" data-testid="field-error">
            {editor.errors.plan}
          </p>
        ) : (
          <p className="hint">Sets how fast Botdeck mints ZAKs, so a big launch never hits 429.</p>
        )}
      </div>

      <AccountCredentialsFields idPrefix={id} />

      {editor.saveError !== null ? (
        <div className="form-alert" role="alert" data-testid="account-editor-alert">
          <p>{editor.saveError}</p>
          {editor.secretsCleared ? <p>Secrets were not saved; enter them again.</p> : null}
        </div>
      ) : null}

      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={editor.submitting}
          onClick={actions.close}
        >
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={editor.submitting}>
          {editor.submitting ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
