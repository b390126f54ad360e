/**
 * Reads one frame from the web host. The host is trusted, but a frame that does not have the
 * contract's shape must not crash the page or resolve the wrong call, so the outer shape is
 * checked; the bot views inside are taken as the contract types them.
 */
import {
  EVENT_CHANNELS,
  type BotView,
  type BotViewChange,
  type Result,
  type WebServerFrame,
} from '../../../shared/ipc-contract';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return (
    value.ok === false &&
    isRecord(value.error) &&
    typeof value.error.code === 'string' &&
    typeof value.error.message === 'string'
  );
}

/** A change names the bot it is for; anything else in it is taken as the contract types it. */
function isChange(value: unknown): value is BotViewChange {
  return isRecord(value) && typeof value.id === 'string';
}

/** Returns null for anything that is not a well-formed text frame of the contract. */
export function parseServerFrame(data: unknown): WebServerFrame | null {
  if (typeof data !== 'string') return null;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(frame)) return null;
  if (frame.type === 'response') {
    if (typeof frame.id !== 'number' || !isResult(frame.result)) return null;
    return { type: 'response', id: frame.id, result: frame.result };
  }
  if (frame.type === 'event' && frame.channel === EVENT_CHANNELS.botsChanged) {
    const payload = frame.payload;
    if (!isRecord(payload) || !Array.isArray(payload.bots)) return null;
    const bots = payload.bots as BotView[];
    if (payload.changes === undefined) {
      return { type: 'event', channel: EVENT_CHANNELS.botsChanged, payload: { bots } };
    }
    const { changes } = payload;
    if (!Array.isArray(changes) || !changes.every(isChange)) return null;
    return { type: 'event', channel: EVENT_CHANNELS.botsChanged, payload: { bots, changes } };
  }
  return null;
}
