/**
 * How a chat message or a rename went, as a meeting client tells the bot page, and how each
 * meeting's refusals are sorted into the few kinds main words for the operator. Both clients
 * sort the Web SDK's `sendChat` refusals the same way: the sandbox answers with the SDK's words.
 */
import type { CommandRefusal } from '../../../shared/ipc-contract';

export type CommandOutcome =
  | { ok: true }
  | { ok: false; refusal: CommandRefusal; code: number | null; message: string | null };

export const refused = (
  refusal: CommandRefusal,
  code: number | null = null,
  message: string | null = null,
): CommandOutcome => ({ ok: false, refusal, code, message });

/** The Web SDK's codes for "not in a meeting (yet, or any more)" and "too many calls". */
const NOT_IN_MEETING_CODES = new Set([3008, 4000, 4001]);
const FREQUENT_CALL_CODE = 3633;

/**
 * A refused `sendChat`: the SDK says "Can't send chat because Restrict chat" when the host
 * turned chat off, and `SEND_CHAT_WARNING.NO_PRIVILEGE` / `.RESTRICTED` when participants may
 * chat only with the host or not at all.
 */
export function chatRefusal(code: number | null, message: string | null): CommandOutcome {
  const words = message ?? '';
  if (/restrict chat|NO_PRIVILEGE|RESTRICTED|IMPROPER_RECEIVER/i.test(words)) {
    return refused('chat_disabled', code, message);
  }
  return refused(kindOf(code), code, message);
}

/** A refused rename (the Web SDK's error, or the sandbox's). */
export function renameRefusal(code: number | null, message: string | null): CommandOutcome {
  return refused(kindOf(code), code, message);
}

function kindOf(code: number | null): CommandRefusal {
  if (code !== null && NOT_IN_MEETING_CODES.has(code)) return 'not_in_meeting';
  if (code === FREQUENT_CALL_CODE) return 'rate_limited';
  return 'other';
}
