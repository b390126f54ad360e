/**
 * The one rule for what a bot may say in a meeting's chat, shared by the dashboard (to refuse
 * early, in the same words), main (which parses every request with it) and the sandbox (which
 * answers bot pages as Zoom would). Zoom's chat takes one line of text; a line break or another
 * control character would be sent as-is to everyone in the meeting, so none is allowed.
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import { z } from 'zod';

// Set here too: these schemas may be built before ipc-contract.ts's body runs, and zod probes
// for eval support with `new Function` (which the pages' CSP forbids) unless told not to.
z.config({ jitless: true });

/** Characters (code points, as a person counts them) a chat message may have. */
export const CHAT_TEXT_MAX = 1024;

/** What `{name}` stands for in a "Chat message on join". */
export const CHAT_NAME_PLACEHOLDER = '{name}';

const CONTROL_CHARACTER = /\p{Cc}/u;

/** Code points rather than UTF-16 units, so an emoji counts as one character. */
export const chatLength = (text: string): number => [...text].length;

export const ChatTextSchema = z
  .string()
  // A generous bound first, so the checks below never walk a huge string.
  .max(
    CHAT_TEXT_MAX * 4,
    `A chat message can be at most ${CHAT_TEXT_MAX.toLocaleString('en-US')} characters.`,
  )
  .trim()
  .min(1, 'A chat message needs some text.')
  .refine(
    (text) => chatLength(text) <= CHAT_TEXT_MAX,
    `A chat message can be at most ${CHAT_TEXT_MAX.toLocaleString('en-US')} characters.`,
  )
  .refine(
    (text) => !CONTROL_CHARACTER.test(text),
    'A chat message cannot contain line breaks, tabs or other control characters.',
  );

/** The chat message on join for one bot: every `{name}` becomes its display name. */
export const expandChatTemplate = (template: string, name: string): string =>
  template.replaceAll(CHAT_NAME_PLACEHOLDER, name);

/**
 * Why a meeting would not take a chat message or a new name, as the bot page classifies it;
 * main turns each into operator words. `other` comes with the meeting's own words.
 */
export const COMMAND_REFUSALS = [
  'chat_disabled',
  'rename_not_allowed',
  'not_in_meeting',
  'rate_limited',
  'other',
] as const;
export type CommandRefusal = (typeof COMMAND_REFUSALS)[number];
