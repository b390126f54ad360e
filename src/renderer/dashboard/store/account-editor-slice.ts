/**
 * Account editor slice: adding or editing one Zoom account.
 *
 * Secrets are write-only. The five credential values live here only while the operator types
 * them: they are dropped the moment a save finishes (whatever the outcome), when "Replace
 * credentials" is unchecked, and when the editor closes. Main's answer holds views only.
 */
import type { ZoomPlan } from '../../../shared/ipc-contract';
import {
  accountInputFrom,
  emptyCredentials,
  newAccountInput,
  validateAccountInput,
  type AccountEditorInput,
  type AccountFieldErrors,
  type AccountFieldName,
  type CredentialField,
} from './account-editor-form';
import type { SliceCreator } from './app-store';
import { reportUnexpected } from './unexpected-error';

export interface AccountEditorState extends AccountEditorInput {
  /** Tells one opening of the editor from the next, so a late answer never touches a newer one. */
  session: number;
  /** The first problem per field from the last save attempt. */
  errors: AccountFieldErrors;
  submitting: boolean;
  /** Why the last save failed: main's words, or a problem no field owns. */
  saveError: string | null;
  /** True when that failed save carried secrets, which were cleared and must be typed again. */
  secretsCleared: boolean;
}

export interface AccountEditorSlice {
  /** Null while closed. */
  accountEditor: AccountEditorState | null;
  openNewAccount(): void;
  /** Opens an existing account's non-secret fields; the sandbox account cannot be edited. */
  openEditAccount(accountId: string): void;
  closeAccountEditor(): void;
  setAccountField(field: 'label' | 'serviceUser', value: string): void;
  setAccountPlan(plan: ZoomPlan): void;
  setAccountCredential(field: CredentialField, value: string): void;
  /** Unchecking drops whatever was typed into the credential fields. */
  setReplaceCredentials(replace: boolean): void;
  /** Validates and saves. Resolves true when main stored the account (the editor closes). */
  saveAccount(): Promise<boolean>;
}

const withoutError = (errors: AccountFieldErrors, field: AccountFieldName): AccountFieldErrors =>
  errors[field] === undefined
    ? errors
    : (Object.fromEntries(
        Object.entries(errors).filter(([key]) => key !== field),
      ) as AccountFieldErrors);

export const createAccountEditorSlice: SliceCreator<AccountEditorSlice> =
  ({ api }) =>
  (set, get) => {
    let sessions = 0;

    const open = (input: AccountEditorInput): void => {
      sessions += 1;
      set({
        accountEditor: {
          ...input,
          session: sessions,
          errors: {},
          submitting: false,
          saveError: null,
          secretsCleared: false,
        },
      });
    };

    /** Patches the editor only if it is still the opening `session` refers to. */
    const update = (session: number, patch: Partial<AccountEditorState>): void =>
      set((state) =>
        state.accountEditor?.session === session
          ? { accountEditor: { ...state.accountEditor, ...patch } }
          : state,
      );

    /** Patches the open editor, if any. */
    const edit = (patch: (editor: AccountEditorState) => Partial<AccountEditorState>): void => {
      const editor = get().accountEditor;
      if (editor !== null) update(editor.session, patch(editor));
    };

    return {
      accountEditor: null,

      openNewAccount: () => open(newAccountInput()),

      openEditAccount(accountId) {
        const account = get().accounts.find((candidate) => candidate.id === accountId);
        if (account === undefined || account.isSandbox) return;
        open(accountInputFrom(account));
      },

      closeAccountEditor: () => set({ accountEditor: null }),

      setAccountField: (field, value) =>
        edit((editor) => ({ [field]: value, errors: withoutError(editor.errors, field) })),

      setAccountPlan: (plan) =>
        edit((editor) => ({ plan, errors: withoutError(editor.errors, 'plan') })),

      setAccountCredential: (field, value) =>
        edit((editor) => ({
          credentials: { ...editor.credentials, [field]: value },
          errors: withoutError(editor.errors, field),
        })),

      setReplaceCredentials: (replaceCredentials) =>
        edit((editor) => ({
          replaceCredentials,
          credentials: replaceCredentials ? editor.credentials : emptyCredentials(),
          errors: replaceCredentials ? editor.errors : {},
        })),

      async saveAccount() {
        const editor = get().accountEditor;
        if (editor === null || editor.submitting) return false;
        const { session } = editor;
        const checked = validateAccountInput(editor);
        if (!checked.ok) {
          // Nothing was sent, so what the operator typed stays for them to correct.
          update(session, {
            errors: checked.errors,
            saveError: checked.formError,
            secretsCleared: false,
          });
          return false;
        }

        update(session, { errors: {}, saveError: null, secretsCleared: false, submitting: true });
        const carriedSecrets = checked.request.credentials !== undefined;
        let failure: string | null = null;
        try {
          const result = await api.saveAccount(checked.request);
          if (result.ok) get().applyAccountsState(result.value);
          else failure = result.error.message;
        } catch (error) {
          failure = reportUnexpected('saving an account failed', error);
        }

        if (failure === null) {
          // Closing drops the whole editor, secrets included.
          set((state) =>
            state.accountEditor?.session === session ? { accountEditor: null } : state,
          );
          return true;
        }
        // Non-secret fields stay so the operator can retry; secrets must be typed again.
        update(session, {
          submitting: false,
          credentials: emptyCredentials(),
          saveError: failure,
          secretsCleared: carriedSecrets,
        });
        return false;
      },
    };
  };
