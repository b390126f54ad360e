/**
 * Pure rules of the launch form: names from the template, and validation in operator words.
 * Kept out of the store so the rules read (and test) as plain functions.
 */
import {
  CHAT_TEXT_MAX,
  ChatTextSchema,
  chatLength,
  expandChatTemplate,
} from '../../../shared/chat-text';
import { parseMeetingInput } from '../../../shared/meeting-link';

export const MIN_BOTS = 1;
export const MAX_BOTS = 200;
/** Zoom accepts display names up to 64 characters (same limit as the contract's schema). */
export const MAX_NAME_LENGTH = 64;
export const DEFAULT_NAME_TEMPLATE = 'Botdeck {n}';

/**
 * Every `{n}` becomes the bot's 1-based number. A template without `{n}` gives every bot the
 * same name on purpose: Zoom allows it, and the form warns about duplicates.
 */
export function expandNameTemplate(template: string, n: number): string {
  return template.replaceAll('{n}', String(n));
}

/** The count field's text as a whole number of bots, or null when it is not one in range. */
export function parseBotCount(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const count = Number(text);
  return count >= MIN_BOTS && count <= MAX_BOTS ? count : null;
}

export interface NameRows {
  names: string[];
  /** True where the operator typed the name; those survive template and count changes. */
  edited: boolean[];
}

/** Resizes to `count` rows and fills every row the operator did not edit from the template. */
export function regenerateNames(rows: NameRows, count: number, template: string): NameRows {
  const names: string[] = [];
  const edited: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const keep = rows.edited[i] === true;
    names.push(keep ? (rows.names[i] ?? '') : expandNameTemplate(template, i + 1));
    edited.push(keep);
  }
  return { names, edited };
}

export interface LaunchFormInput {
  meeting: string;
  passcode: string;
  /** Set by a preset or recent meeting whose passcode Botdeck could not keep: it must be typed. */
  passcodeNeeded?: boolean;
  countText: string;
  names: string[];
  /** "Chat message on join" as typed; empty for none. */
  chatOnJoin?: string;
}

export const PASSCODE_NEEDED_MESSAGE =
  'Enter the meeting passcode: Botdeck could not keep it (no system keychain).';

/** Every reason the form cannot be sent, in the order the fields appear; empty when valid. */
export function validateLaunchForm(form: LaunchFormInput): string[] {
  const errors: string[] = [];
  if (form.meeting.trim() === '') {
    errors.push('Enter a meeting link or number.');
  } else {
    const parsed = parseMeetingInput(form.meeting.trim(), form.passcode.trim());
    if (!parsed.ok) errors.push(parsed.message);
  }
  if (form.passcodeNeeded === true && form.passcode.trim() === '') {
    errors.push(PASSCODE_NEEDED_MESSAGE);
  }
  if (parseBotCount(form.countText) === null) {
    errors.push(`Enter a number of bots from ${MIN_BOTS} to ${MAX_BOTS}.`);
  }
  form.names.forEach((name, index) => {
    const trimmed = name.trim();
    if (trimmed === '') errors.push(`Bot ${index + 1} needs a name.`);
    else if (trimmed.length > MAX_NAME_LENGTH) {
      errors.push(`The name of bot ${index + 1} is longer than ${MAX_NAME_LENGTH} characters.`);
    }
  });
  errors.push(...chatOnJoinErrors(form.chatOnJoin ?? '', form.names));
  return errors;
}

/** The chat message on join's problems (none when it is empty: the bots then say nothing). */
function chatOnJoinErrors(template: string, names: readonly string[]): string[] {
  if (template.trim() === '') return [];
  const parsed = ChatTextSchema.safeParse(template);
  if (!parsed.success) return [`Chat message on join: ${parsed.error.issues[0]?.message ?? ''}`];
  const tooLong = names.some(
    (name) => chatLength(expandChatTemplate(parsed.data, name.trim())) > CHAT_TEXT_MAX,
  );
  return tooLong
    ? [
        `Chat message on join: with the bot's name in it, it is longer than ${CHAT_TEXT_MAX.toLocaleString('en-US')} characters.`,
      ]
    : [];
}

/** Names used by more than one bot (after trimming). Allowed, but worth a warning. */
export function findDuplicateNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed === '') continue;
    if (seen.has(trimmed)) duplicates.add(trimmed);
    seen.add(trimmed);
  }
  return [...duplicates];
}

/**
 * The account the launch form sends: the operator's pick while that account exists, else the
 * first account (main's own default, which puts stored Zoom accounts before the sandbox's), or
 * null when there is none. Returns whether the result is still the operator's pick.
 */
export function chooseLaunchAccount(
  current: { accountId: string | null; accountChosen: boolean },
  accounts: readonly { id: string }[],
): { accountId: string | null; accountChosen: boolean } {
  const { accountId, accountChosen } = current;
  if (accountChosen && accounts.some((account) => account.id === accountId)) return current;
  return { accountId: accounts[0]?.id ?? null, accountChosen: false };
}
