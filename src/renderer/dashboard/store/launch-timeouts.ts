/**
 * The launch form's "Auto-leave and rejoin" fields: text as typed, turned into the contract's
 * `LaunchTimeouts` (milliseconds). An empty field means Botdeck's default (so the defaults live
 * in main and the settings file, not here); 0 turns an auto-leave rule off.
 */
import type { LaunchTimeouts } from '../../../shared/ipc-contract';

export interface TimeoutTexts {
  joinTimeoutSeconds: string;
  waitingRoomMinutes: string;
  aloneMinutes: string;
  maxDurationMinutes: string;
  reconnectAttempts: string;
}

export const EMPTY_TIMEOUTS: TimeoutTexts = {
  joinTimeoutSeconds: '',
  waitingRoomMinutes: '',
  aloneMinutes: '',
  maxDurationMinutes: '',
  reconnectAttempts: '',
};

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

type Parsed = { ok: true; timeouts: LaunchTimeouts | undefined } | { ok: false; errors: string[] };

/** A whole or decimal number ≥ 0, or null when the text is not one. */
function number(text: string): number | null {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return null;
  return Number(text);
}

export function parseTimeouts(texts: TimeoutTexts): Parsed {
  const errors: string[] = [];
  const timeouts: LaunchTimeouts = {};

  const join = texts.joinTimeoutSeconds.trim();
  if (join !== '') {
    const seconds = number(join);
    if (seconds === null || seconds < 1 || seconds > 600) {
      errors.push('The join timeout is 1 to 600 seconds.');
    } else timeouts.joinTimeoutMs = Math.round(seconds * SECOND);
  }

  const rule = (text: string, what: string): number | null | undefined => {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    const minutes = number(trimmed);
    if (minutes === null || minutes > 24 * 60) {
      errors.push(`${what} is 0 (off) to 1440 minutes.`);
      return undefined;
    }
    if (minutes === 0) return null;
    return Math.max(SECOND, Math.round(minutes * MINUTE));
  };
  const waiting = rule(texts.waitingRoomMinutes, 'Leaving the waiting room');
  if (waiting !== undefined) timeouts.waitingRoomTimeoutMs = waiting;
  const alone = rule(texts.aloneMinutes, 'Leaving when alone');
  if (alone !== undefined) timeouts.aloneTimeoutMs = alone;
  const longest = rule(texts.maxDurationMinutes, 'The longest stay');
  if (longest !== undefined) timeouts.maxDurationMs = longest;

  const attempts = texts.reconnectAttempts.trim();
  if (attempts !== '') {
    const count = number(attempts);
    if (count === null || !Number.isInteger(count) || count > 20) {
      errors.push('Rejoin attempts are a whole number from 0 to 20.');
    } else timeouts.reconnectAttempts = count;
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, timeouts: Object.keys(timeouts).length > 0 ? timeouts : undefined };
}

/** Milliseconds in a unit as the form shows them ("90", "1.5"), exact enough to read back. */
const inUnit = (ms: number, unit: number): string => String(ms / unit);

/**
 * The fields as a preset fills them back in: the other way from `parseTimeouts`. A rule turned
 * off (null) is 0; a field the preset did not set stays empty (Botdeck's default).
 */
export function timeoutTexts(timeouts: LaunchTimeouts | undefined): TimeoutTexts {
  if (!timeouts) return EMPTY_TIMEOUTS;
  const rule = (ms: number | null | undefined): string =>
    ms === undefined ? '' : ms === null ? '0' : inUnit(ms, MINUTE);
  return {
    joinTimeoutSeconds:
      timeouts.joinTimeoutMs === undefined ? '' : inUnit(timeouts.joinTimeoutMs, SECOND),
    waitingRoomMinutes: rule(timeouts.waitingRoomTimeoutMs),
    aloneMinutes: rule(timeouts.aloneTimeoutMs),
    maxDurationMinutes: rule(timeouts.maxDurationMs),
    reconnectAttempts:
      timeouts.reconnectAttempts === undefined ? '' : String(timeouts.reconnectAttempts),
  };
}
