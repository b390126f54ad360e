/**
 * One join attempt, the same for a first join and for every rejoin: mint a fresh ZAK and sign,
 * leave the ticket at the desk, open a new page, and hold the launch slot until the page is in,
 * waiting, or out, or the join timeout stops it. Callers run it under the fleet's concurrency
 * cap, so a mass drop rejoins at the same measured pace as a launch.
 */
import type { BotFailure } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { BotRecord } from './bot-record';
import type { BotStore } from './bot-store';
import type { JoinRequest, PrepareJoin } from './join-preparer';
import type { BotLimits } from './launch-limits';
import type { TicketDesk } from './ticket-desk';
import type { WindowKeeper } from './window-keeper';

export interface JoinRunnerOptions {
  store: BotStore;
  desk: TicketDesk;
  windows: WindowKeeper;
  prepareJoin: PrepareJoin;
  logger: Logger;
  /** What the bot joins with and its limits; undefined once the bot ended. */
  joinOf(botId: string): { request: JoinRequest; limits: BotLimits } | undefined;
  isDisposed(): boolean;
}

const isMinting = (bot: BotRecord | undefined): boolean =>
  bot?.state === 'minting' || (bot?.state === 'reconnecting' && bot.rejoin?.phase === 'minting');

const isJoining = (bot: BotRecord | undefined): boolean =>
  bot?.state === 'joining' || (bot?.state === 'reconnecting' && bot.rejoin?.phase === 'joining');

const ZAK_REUSED: BotFailure = {
  kind: 'app',
  code: null,
  message: 'Zoom handed out a ZAK that an earlier join already used; Botdeck never reuses one.',
};

const WINDOW_FAILED: BotFailure = {
  kind: 'app',
  code: null,
  message: 'Botdeck could not open the bot window; see the log.',
};

export function createJoinRunner(options: JoinRunnerOptions): (botId: string) => Promise<void> {
  const { store, desk, windows, logger } = options;

  return async function runJoinAttempt(botId: string): Promise<void> {
    // A bot cancelled while it queued (or while its rejoin waited) has nothing left to do.
    if (!store.apply(botId, { type: 'mint-started' }).ok) return;
    const join = options.joinOf(botId);
    if (!join) return;
    const prepared = await options.prepareJoin(botId, join.request, join.limits.joinTimeoutMs);
    // Cancelled while minting: the fresh ZAK is simply dropped (older ZAKs stay valid anyway).
    if (!isMinting(store.get(botId))) return;
    if (!prepared.ok) {
      store.apply(botId, { type: 'failed', failure: prepared.failure });
      return;
    }
    // Renamed while it minted: the ticket carries the name it has now.
    const userName = options.joinOf(botId)?.request.userName ?? prepared.ticket.userName;
    try {
      desk.issue(botId, { ...prepared.ticket, userName });
    } catch {
      logger.error('Refused a ZAK that was already used for a join', { botId });
      store.apply(botId, { type: 'failed', failure: ZAK_REUSED });
      return;
    }
    store.apply(botId, { type: 'minted' });
    const attempt = store.get(botId)?.joinAttempts;
    const stillJoining = (): boolean => {
      const bot = store.get(botId);
      return isJoining(bot) && bot?.joinAttempts === attempt;
    };
    // Registered before open(): a fast page may take its ticket and join before open resolves.
    const settled = store.waitFor(() => !stillJoining(), join.limits.joinTimeoutMs);
    try {
      await windows.open(botId, { sdk: prepared.ticket.sdk }, stillJoining);
    } catch (error) {
      logger.error('Could not open a bot window', { botId, error });
      if (stillJoining()) store.apply(botId, { type: 'failed', failure: WINDOW_FAILED });
    }
    if (!(await settled) && stillJoining() && !options.isDisposed()) {
      store.apply(botId, { type: 'join-timeout', afterMs: join.limits.joinTimeoutMs });
    }
  };
}
