/**
 * What the vault accepts: account ids that are safe as keychain keys and secrets of a sane
 * shape. Every message here is about the field, never the value, so a rejected secret can be
 * shown to the operator and logged without leaking what was typed.
 */
import { z } from 'zod';

/**
 * 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit. No `:` so that the
 * keychain key `<id>:<kind>` splits back unambiguously (see `keychain-keys.ts`).
 */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** An account id as used in the keychain and the settings file. */
export const AccountIdSchema = z
  .string()
  .regex(
    ACCOUNT_ID_PATTERN,
    'An account id is 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit.',
  );

/** Longest secret accepted; Zoom's secrets are 32 characters, so this is generous. */
export const SECRET_MAX_LENGTH = 512;

/**
 * A client secret or SDK secret. Surrounding whitespace (a pasted newline) is trimmed; inner
 * whitespace or control characters are rejected because no Zoom secret contains them and they
 * usually mean two values were pasted at once.
 */
export const SecretSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(SECRET_MAX_LENGTH, `must be at most ${SECRET_MAX_LENGTH} characters`)
  .regex(/^[^\s\p{Cc}]+$/u, 'must not contain spaces or control characters');

/** The secrets of one account: the S2S OAuth client secret and the Meeting SDK secret. */
export interface AccountSecrets {
  clientSecret: string;
  sdkSecret: string;
}

/** A partial update; unknown keys are rejected so a misspelt field is not silently ignored. */
export const SecretsPatchSchema = z.strictObject({
  clientSecret: SecretSchema.optional(),
  sdkSecret: SecretSchema.optional(),
});

/** Names a secret field for operators ("client secret", "SDK secret"). */
export const SECRET_FIELD_WORDS: Record<keyof AccountSecrets, string> = {
  clientSecret: 'The client secret',
  sdkSecret: 'The SDK secret',
};
