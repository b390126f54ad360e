/**
 * Translates what a bot page reports (`BotStatusReport`) into state-machine events. Join
 * failures get operator words from the shared join-error table; the page's own words are kept
 * only as the fallback for codes the table does not know.
 */
import type { BotStatusReportSchema } from '../../shared/ipc-contract';
import {
  describeJoinError,
  SIGN_IN_REQUIRED_CODES,
  ZAK_REFUSED_MESSAGE,
} from '../../shared/zoom-errors';
import type { BotEvent } from './bot-rules';
import type { z } from 'zod';

export type ParsedBotStatusReport = z.output<typeof BotStatusReportSchema>;

/** Zoom's "removed from the meeting" join code; some SDK paths report a kick as a failure. */
const KICKED_CODE = 3009;

/**
 * The events one report means. Usually one; an `in_meeting` report that carries a participant
 * count also updates the count, and a repeated `in_meeting` (a new count) means only that.
 */
export function reportToEvents(
  report: ParsedBotStatusReport,
  alreadyInMeeting: boolean,
): BotEvent[] {
  const count = report.participantCount;
  if (report.status === 'in_meeting') {
    const counted: BotEvent[] =
      count === null || count === undefined ? [] : [{ type: 'participants', count }];
    return alreadyInMeeting ? counted : [{ type: 'joined' }, ...counted];
  }
  return [reportToEvent(report)];
}

function reportToEvent(report: ParsedBotStatusReport): BotEvent {
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
      return report.code === KICKED_CODE ? { type: 'kicked' } : { type: 'disconnected' };
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
          message: describeFailure(report.code, report.message),
        },
      };
  }
}

/**
 * Bots always join with a ZAK minted just before, so Zoom's "sign-in required" means it refused
 * that ZAK, which is worth saying in those words (the generic text suggests a missing ZAK).
 */
function describeFailure(code: number | null, message: string | null): string {
  if (code !== null && SIGN_IN_REQUIRED_CODES.has(code)) return ZAK_REFUSED_MESSAGE;
  return describeJoinError(code, message);
}
