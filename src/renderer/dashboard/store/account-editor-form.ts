/**
 * Pure rules of the account editor: its fields, how they become a save request, and the
 * contract schema's verdict in operator words. Kept out of the store so they read (and test)
 * as plain functions, like the launch form's rules.
 */
import {
  SaveAccountRequestSchema,
  type AccountView,
  type SaveAccountRequest,
  type ZoomPlan,
} from '../../../shared/ipc-contract';

/** The five values Zoom issues for an account's two apps; all of them go to the keychain. */
export const CREDENTIAL_FIELDS = [
  's2sAccountId',
  'clientId',
  'clientSecret',
  'sdkKey',
  'sdkSecret',
] as const;
export type CredentialField = (typeof CREDENTIAL_FIELDS)[number];
export type CredentialValues = Record<CredentialField, string>;

export type AccountFieldName = 'label' | 'serviceUser' | 'plan' | CredentialField;
/** The first problem per field, in operator words. */
export type AccountFieldErrors = Partial<Record<AccountFieldName, string>>;

/** What the editor holds besides its status: the fields as typed. */
export interface AccountEditorInput {
  /** Null for a new account. */
  accountId: string | null;
  label: string;
  serviceUser: string;
  plan: ZoomPlan;
  /** Only meaningful for an existing account: a new one always sends credentials. */
  replaceCredentials: boolean;
  credentials: CredentialValues;
}

export const DEFAULT_PLAN: ZoomPlan = 'pro';

export const emptyCredentials = (): CredentialValues => ({
  s2sAccountId: '',
  clientId: '',
  clientSecret: '',
  sdkKey: '',
  sdkSecret: '',
});

export function newAccountInput(): AccountEditorInput {
  return {
    accountId: null,
    label: '',
    serviceUser: '',
    plan: DEFAULT_PLAN,
    replaceCredentials: false,
    credentials: emptyCredentials(),
  };
}

/** An existing account's non-secret fields; its secrets are never known to the dashboard. */
export function accountInputFrom(account: AccountView): AccountEditorInput {
  return {
    accountId: account.id,
    label: account.label,
    serviceUser: account.serviceUser,
    plan: account.plan,
    replaceCredentials: false,
    credentials: emptyCredentials(),
  };
}

/** True when a save of this input would carry secrets. */
export const sendsCredentials = (input: AccountEditorInput): boolean =>
  input.accountId === null || input.replaceCredentials;

export type AccountValidation =
  | { ok: true; request: SaveAccountRequest }
  | { ok: false; errors: AccountFieldErrors; formError: string | null };

// The contract words most issues itself; this marks the ones it leaves to zod's defaults
// (lengths of label and user, the plan), which are worded here per field instead.
const UNWORDED = '\u0000unworded';

const FALLBACK_WORDS: Partial<Record<AccountFieldName, string>> = {
  label: 'The label can be at most 64 characters.',
  serviceUser: 'The Zoom user can be at most 128 characters.',
  plan: 'Choose the account’s Zoom plan.',
};
const GENERIC_WORDS = 'This account can no longer be saved; close the editor and try again.';

const isFieldName = (key: PropertyKey | undefined): key is AccountFieldName =>
  key === 'label' ||
  key === 'serviceUser' ||
  key === 'plan' ||
  (CREDENTIAL_FIELDS as readonly PropertyKey[]).includes(key as PropertyKey);

/**
 * Checks the input with the contract's own schema (the one main parses with), so the editor
 * refuses exactly what main would. Credentials are required for a new account and, for an
 * existing one, only sent when the operator chose to replace them.
 */
export function validateAccountInput(input: AccountEditorInput): AccountValidation {
  const candidate = {
    ...(input.accountId !== null ? { accountId: input.accountId } : {}),
    label: input.label,
    serviceUser: input.serviceUser,
    plan: input.plan,
    ...(sendsCredentials(input) ? { credentials: { ...input.credentials } } : {}),
  };
  const parsed = SaveAccountRequestSchema.safeParse(candidate, { error: () => UNWORDED });
  if (parsed.success) return { ok: true, request: parsed.data };

  const errors: AccountFieldErrors = {};
  let formError: string | null = null;
  for (const issue of parsed.error.issues) {
    const [head, sub] = issue.path;
    const field = head === 'credentials' ? sub : head;
    if (!isFieldName(field)) {
      formError ??= GENERIC_WORDS;
      continue;
    }
    if (errors[field] !== undefined) continue;
    errors[field] =
      issue.message === UNWORDED ? (FALLBACK_WORDS[field] ?? GENERIC_WORDS) : issue.message;
  }
  return { ok: false, errors, formError };
}
