/**
 * The account's five credentials from Zoom's two apps. A new account needs all of them; an
 * existing one keeps what the keychain holds unless the operator ticks "Replace credentials",
 * so editing a label never sends (or asks for) a secret.
 */
import { useShallow } from 'zustand/react/shallow';
import type { CredentialField } from '../store/account-editor-form';
import { useAppStore } from '../store/store-context';
import { AccountTextField } from './account-text-field';

const FIELDS: readonly { field: CredentialField; label: string; secret: boolean }[] = [
  { field: 's2sAccountId', label: 'Server-to-Server OAuth account ID', secret: false },
  { field: 'clientId', label: 'Server-to-Server OAuth client ID', secret: false },
  { field: 'clientSecret', label: 'Server-to-Server OAuth client secret', secret: true },
  { field: 'sdkKey', label: 'Meeting SDK client ID', secret: false },
  { field: 'sdkSecret', label: 'Meeting SDK client secret', secret: true },
];

export function AccountCredentialsFields({ idPrefix }: { idPrefix: string }) {
  const editor = useAppStore(
    useShallow((state) => ({
      isNew: state.accountEditor?.accountId === null,
      replace: state.accountEditor?.replaceCredentials === true,
      credentials: state.accountEditor?.credentials,
      errors: state.accountEditor?.errors,
      submitting: state.accountEditor?.submitting === true,
      hasSecrets:
        state.accounts.find((account) => account.id === state.accountEditor?.accountId)
          ?.hasSecrets === true,
    })),
  );
  const setCredential = useAppStore((state) => state.setAccountCredential);
  const setReplace = useAppStore((state) => state.setReplaceCredentials);
  const shown = editor.isNew || editor.replace;

  return (
    <fieldset className="credentials" disabled={editor.submitting}>
      <legend>Credentials</legend>
      {editor.isNew ? null : (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={editor.replace}
            onChange={(event) => setReplace(event.target.checked)}
          />
          Replace credentials
        </label>
      )}
      {shown ? (
        <>
          {FIELDS.map(({ field, label, secret }) => (
            <AccountTextField
              key={field}
              id={`${idPrefix}-${field}`}
              label={label}
              secret={secret}
              value={editor.credentials?.[field] ?? ''}
              error={editor.errors?.[field]}
              disabled={editor.submitting}
              onChange={(value) => setCredential(field, value)}
            />
          ))}
          <p className="hint" data-testid="credentials-help">
            In the Zoom App Marketplace, Develop → Build app: a Server-to-Server OAuth app with the
            scopes <code>user:read:token:admin</code> and <code>user:read:zak:admin</code>, and a
            Meeting SDK app. Secrets go to the system keychain and are never shown again.
          </p>
        </>
      ) : (
        <p className="hint">
          {editor.hasSecrets
            ? 'The secrets in the system keychain stay as they are.'
            : 'No secrets are stored for this account yet: replace the credentials to add them.'}
        </p>
      )}
    </fieldset>
  );
}
