/**
 * Reads one frame from the web host. The host is trusted, but a frame that does not have the
 * contract's shape must not crash the page or resolve the wrong call, so the outer shape is
 * checked; the bot views inside are taken as the contract types them.
 */
import {
  IPC_EVENTS,
  isResult,
  type BotView,
  type BotViewChange,
  type WebServerFrame,
} from '../../../shared/ipc-contract';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

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
  if (frame.type !== 'event') return null;
  const { payload } = frame;
  if (frame.channel === IPC_EVENTS.onBotsChanged.channel) {
    if (!isRecord(payload) || !Array.isArray(payload.bots)) return null;
    const channel = IPC_EVENTS.onBotsChanged.channel;
    const bots = payload.bots as BotView[];
    const { changes, removed } = payload;
    if (changes !== undefined && !(Array.isArray(changes) && changes.every(isChange))) return null;
    if (removed !== undefined) {
      if (!Array.isArray(removed) || !removed.every((id) => typeof id === 'string')) return null;
    }
    return {
      type: 'event',
      channel,
      payload: {
        bots,
        ...(changes === undefined ? {} : { changes: changes as BotViewChange[] }),
        ...(removed === undefined ? {} : { removed: removed as string[] }),
      },
    };
  }
  if (frame.channel === IPC_EVENTS.onNotification.channel) {
    if (
      !isRecord(payload) ||
      typeof payload.title !== 'string' ||
      typeof payload.body !== 'string'
    ) {
      return null;
    }
    return {
      type: 'event',
      channel: IPC_EVENTS.onNotification.channel,
      payload: { title: payload.title, body: payload.body },
    };
  }
  return null;
}
