/**
 * How secrets are laid out in the OS keychain. One entry per account and secret, under one
 * service:
 *
 * | service   | account                        | password        |
 * |-----------|--------------------------------|-----------------|
 * | `Botdeck` | `<accountId>:client-secret`    | S2S client secret |
 * | `Botdeck` | `<accountId>:sdk-secret`       | Meeting SDK secret |
 * | `Botdeck` | `vault-probe`                  | a fixed non-secret marker (see `keytar-vault.ts`) |
 *
 * Separate entries (rather than one JSON blob per account) let either secret be replaced alone
 * and show up readably in the desktop's keychain viewer.
 */
import type { AccountSecrets } from './vault-schemas';
import { ACCOUNT_ID_PATTERN } from './vault-schemas';

/** The keychain service every Botdeck entry lives under. */
export const DEFAULT_SERVICE = 'Botdeck';

/** Keychain account names of the two secret kinds. */
export const SECRET_KINDS = {
  clientSecret: 'client-secret',
  sdkSecret: 'sdk-secret',
} as const satisfies Record<keyof AccountSecrets, string>;

export type SecretField = keyof typeof SECRET_KINDS;

export const SECRET_FIELDS: readonly SecretField[] = ['clientSecret', 'sdkSecret'];

/**
 * The entry written to check that the keychain accepts writes. It has no `:`, so it can never
 * be mistaken for an account's secret, and its value is a constant, not a secret.
 */
export const PROBE_ENTRY = 'vault-probe';
export const PROBE_VALUE = 'botdeck-keychain-write-check';

/** The keychain account name of one secret of one account. */
export function entryName(accountId: string, field: SecretField): string {
  return `${accountId}:${SECRET_KINDS[field]}`;
}

/** The account id an entry belongs to, or null for entries that are not account secrets. */
export function accountIdOfEntry(entry: string): string | null {
  const separator = entry.lastIndexOf(':');
  if (separator <= 0) return null;
  const accountId = entry.slice(0, separator);
  const kind = entry.slice(separator + 1);
  const known = Object.values(SECRET_KINDS) as string[];
  return known.includes(kind) && ACCOUNT_ID_PATTERN.test(accountId) ? accountId : null;
}
