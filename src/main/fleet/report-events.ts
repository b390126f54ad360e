/**
 * Translates what a bot page reports (`BotStatusReport`) into state-machine events. Join
 * failures get operator words from the shared join-error table; the page's own words are kept
 * only as the fallback for codes the table does not know.
 */
import type { BotStatusReportSchema } from '../../shared/ipc-contract';
import { describeJoinError } from '../../shared/zoom-errors';
import type { BotEvent } from './bot-machine';
import type { z } from 'zod';

export type ParsedBotStatusReport = z.output<typeof BotStatusReportSchema>;

export function reportToEvent(report: ParsedBotStatusReport): BotEvent {
  switch (report.status) {
    case 'connecting':
      return { type: 'page-connecting' };
    case 'waiting_room':
      return { type: 'waiting-room' };
    case 'in_meeting':
      return { type: 'joined' };
    case 'reconnecting':
      return { type: 'reconnecting' };
    case 'disconnected':
      return { type: 'disconnected' };
    case 'kicked':
      return { type: 'kicked' };
    case 'ended':
      return { type: 'meeting-ended' };
    case 'left':
      return { type: 'left' };
    case 'failed':
      return {
        type: 'failed',
        failure: {
          kind: 'join',
          code: report.code,
          message: describeJoinError(report.code, report.message),
        },
      };
  }
}
