/**
 * Everything one join needs, made just before the join: a fresh ZAK for the account's service user
 * (never reused; docs/zoom.md, "Observed ZAK semantics") and a role-0 Meeting SDK signature for the
 * meeting.
 */
import type { BotFailure, JoinTicket, MeetingSdkKind } from '../../shared/ipc-contract';
import type { ZoomWebDomain } from '../../shared/meeting-link';
import type { Logger } from '../log/logger';
import { signMeetingSdkJwt } from '../zoom/sdk-signature';
import { isZoomApiError } from '../zoom/zoom-api-error';
import type { ZoomClient } from '../zoom/zoom-client';
import type { BotLimits } from './launch-limits';

/** The parts of an account the fleet uses to launch bots. Lives only in main. */
export interface FleetAccount {
  /** Botdeck's id for the account (as in `AccountView.id`). */
  id: string;
  zoom: Pick<ZoomClient, 'mintZak'>;
  /** The service user whose ZAKs bots join with. */
  userId: string;
  sdkKey: string;
  sdkSecret: string;
  /** The profile picture every bot of this account shows in the meeting. */
  avatarUrl: string | null;
  /** Which meeting client the bot page uses: the sandbox's, or Zoom's Meeting SDK. */
  sdk: MeetingSdkKind;
}

/** One join: which meeting, with which name, for which account. */
export interface JoinRequest {
  account: FleetAccount;
  meetingNumber: string;
  passcode: string;
  zoomDomain: ZoomWebDomain;
  userName: string;
}

/** Everything a bot joins with; kept after it ended so it can be relaunched. */
export interface BotJoin {
  request: JoinRequest;
  limits: BotLimits;
  /** The launch's chat message on join (a template with `{name}`), or null. */
  chatOnJoin: string | null;
}

/**
 * A ZAK matters only at the moment of the join (Zoom checks it then and never again), and every
 * join and rejoin mints its own, so a bot's ZAK need only outlive one attempt: the mint, the
 * page opening and the join call, which the launch's join timeout (at most 10 minutes) stops.
 * The margin covers the Meeting SDK's own quick reconnects, which resend the same join. Anything
 * longer only lengthens what a leaked ticket is worth: Zoom's default is 2 hours. Zoom
 * documents no minimum `ttl` (default 7,200 s, at most a year).
 */
export const ZAK_MARGIN_SECONDS = 5 * 60;

/** The ZAK lifetime for a join attempt that `joinTimeoutMs` stops. */
export const zakTtlFor = (joinTimeoutMs: number): number =>
  Math.ceil(joinTimeoutMs / 1000) + ZAK_MARGIN_SECONDS;

export interface JoinPreparerOptions {
  sandboxUrl: string | null;
  /** A fixed ZAK lifetime instead of `zakTtlFor(joinTimeoutMs)` (tests expiring ZAKs). */
  zakTtlSeconds?: number;
  now: () => number;
  logger: Logger;
}

export type PreparedJoin = { ok: true; ticket: JoinTicket } | { ok: false; failure: BotFailure };

export function createJoinPreparer(options: JoinPreparerOptions) {
  return async function prepareJoin(
    botId: string,
    request: JoinRequest,
    joinTimeoutMs: number,
  ): Promise<PreparedJoin> {
    const { account } = request;
    try {
      const ttl = options.zakTtlSeconds ?? zakTtlFor(joinTimeoutMs);
      const zak = await account.zoom.mintZak(account.userId, ttl);
      const signature = signMeetingSdkJwt({
        sdkKey: account.sdkKey,
        sdkSecret: account.sdkSecret,
        meetingNumber: request.meetingNumber,
        role: 0,
        issuedAt: options.now() / 1000,
      });
      return {
        ok: true,
        ticket: {
          sdk: account.sdk,
          meetingNumber: request.meetingNumber,
          passcode: request.passcode,
          userName: request.userName,
          signature,
          zak,
          zoomDomain: request.zoomDomain,
          // Only sandbox pages need it; a Zoom page has no business knowing the sandbox.
          sandboxUrl: account.sdk === 'sandbox' ? options.sandboxUrl : null,
        },
      };
    } catch (error) {
      if (isZoomApiError(error)) {
        options.logger.warn('Could not mint a ZAK for a bot', { botId, ...error.toLogFields() });
        return {
          ok: false,
          failure: { kind: 'api', code: error.code, message: error.operatorMessage },
        };
      }
      options.logger.error('Could not prepare a join', { botId, error });
      return {
        ok: false,
        failure: {
          kind: 'app',
          code: null,
          message: 'Botdeck could not prepare the join; see the log.',
        },
      };
    }
  };
}

export type PrepareJoin = ReturnType<typeof createJoinPreparer>;
