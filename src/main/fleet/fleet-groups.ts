/**
 * What the fleet does to many bots at once, as the dashboard's table asks: leave every bot, a
 * selection or one meeting's (each live bot among them is asked, as Leave on its row would),
 * and forget the ended ones ("Clear finished"). Apart from the files of one bot's life
 * (bot-launch, bot-session, bot-leave): this only picks bots and hands each to their `leave`.
 */
import { isEnded, isLive, type Result } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { BotRecord } from './bot-record';
import type { BotStore } from './bot-store';
import type { Fleet } from './fleet-api';

export type FleetGroups = Pick<Fleet, 'leaveAll' | 'leaveMany' | 'leaveMeeting' | 'clearEnded'>;

export function createFleetGroups(deps: {
  store: Pick<BotStore, 'all' | 'remove'>;
  leave(botId: string): Result<null>;
  logger: Logger;
}): FleetGroups {
  const { store } = deps;

  /** Asks every live bot that `which` picks to leave; returns how many were asked. */
  function leaveWhere(which: (bot: BotRecord) => boolean): number {
    let count = 0;
    for (const bot of store.all()) {
      if (!isLive(bot.state) || !which(bot)) continue;
      if (deps.leave(bot.id).ok) count++;
    }
    return count;
  }

  return {
    leaveAll: () => leaveWhere(() => true),
    leaveMany(botIds) {
      const wanted = new Set(botIds);
      return leaveWhere((bot) => wanted.has(bot.id));
    },
    leaveMeeting: (meetingNumber) => leaveWhere((bot) => bot.meetingNumber === meetingNumber),
    clearEnded() {
      const ended = store.all().filter((bot) => isEnded(bot.state));
      store.remove(ended.map((bot) => bot.id));
      if (ended.length > 0) {
        deps.logger.info('Cleared finished bots from the table', { count: ended.length });
      }
      return ended.length;
    },
  };
}
