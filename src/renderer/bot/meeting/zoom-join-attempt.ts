/**
 * One call of `ZoomMtg.join` and the first word on how it went. In 6.2.0 that word comes from
 * one of several places, whichever is first (docs/zoom.md, "Traced in the SDK bundle"): the join's own callbacks (most refusals of Zoom's first answer); a status 3 event
 * (refusals by the meeting server, with a code or without one); Zoom's first answer itself (the
 * sign-in and captcha answers, which call nothing); or a view of the SDK's that waits for a
 * person. The attempt listens to all of them and settles once; everything after that is the
 * client's business.
 */
import { LOGIN_VIEW_CODES, PAGE_FAILURE_WORDS } from '../../../shared/zoom-errors';
import type { MeetingJoinParams, MeetingStatus } from './meeting-client';
import type { WcInfoAnswer, ZoomFirstAnswers } from './zoom-first-answer';
import { GENERIC_JOIN_ERROR_CODE, type ZoomAnswerWatch } from './zoom-reachability';
import { failureFromSdkResult } from './zoom-sdk-events';
import type { SdkViewReading, SdkViewWatch } from './zoom-sdk-views';
import type { ZoomMtgSdk } from './zoom-sdk-types';

export type JoinOutcome =
  | { kind: 'joined' }
  | { kind: 'failed'; status: MeetingStatus }
  /** Ended otherwise: the page left, or a final status (a removal…) was reported meanwhile. */
  | { kind: 'over' };

export interface JoinAttemptDeps {
  api: ZoomMtgSdk;
  params: MeetingJoinParams;
  /** The SDK's web domain (`zoom.us`, `www.zoomgov.com`): where its first request goes. */
  webEndpoint: string;
  /** This page's origin, named when Zoom refuses it. */
  pageOrigin: string;
  answers: ZoomFirstAnswers;
  watchZoomAnswers(): ZoomAnswerWatch;
  probeZoomAnswers(url: string): Promise<boolean>;
  watchViews(onStalled: (view: SdkViewReading) => void): SdkViewWatch;
  /** What the SDK's views show right now (its join error dialog, say). */
  readView(): SdkViewReading | null;
  /** Reports a status that does not end the join (waiting for the host). */
  report(status: MeetingStatus): void;
  /** How long a status 3 without a code waits for the code to show up. */
  noCodeGraceMs: number;
}

export interface JoinAttempt {
  readonly outcome: Promise<JoinOutcome>;
  /** Zoom's roster says this participant is in (join speed 7): as good as the callback. */
  confirm(): void;
  /** Status 3 before the join was confirmed: Zoom refused it, with or without a code. */
  refused(code: number | null, message: string | null): void;
  /** The join ended some other way: the page left, or an event reported this final status. */
  over(reported?: MeetingStatus): void;
}

/** Zoom's "the meeting has not started": the SDK shows its waiting page and calls nothing. */
const MEETING_NOT_STARTED = 3008;

export function startJoinAttempt(deps: JoinAttemptDeps): JoinAttempt {
  let settle: (outcome: JoinOutcome) => void = () => undefined;
  const outcome = new Promise<JoinOutcome>((resolve) => (settle = resolve));
  let settled = false;
  // Once an error callback came, it explains the failure; a status 3 that follows adds nothing.
  let callbackFailed = false;
  let grace: ReturnType<typeof setTimeout> | undefined;

  const reach = deps.watchZoomAnswers();
  const views = deps.watchViews((view) => finish(failed(view.code, view.words)));
  const stopAnswers = deps.answers.onAnswer(onFirstAnswer);

  function finish(result: JoinOutcome): void {
    if (settled) return;
    settled = true;
    clearTimeout(grace);
    views.stop();
    stopAnswers();
    reach.stop();
    settle(result);
  }

  function onFirstAnswer(answer: WcInfoAnswer): void {
    if (answer.accepted !== false || answer.errorCode === null) return;
    if (LOGIN_VIEW_CODES.has(answer.errorCode)) finish(failed(answer.errorCode, null));
    if (answer.errorCode === MEETING_NOT_STARTED) {
      deps.report({
        status: 'waiting_room',
        code: null,
        message: 'Waiting for the host to start the meeting.',
      });
    }
  }

  async function onJoinError(result: unknown): Promise<void> {
    callbackFailed = true;
    const failure = failureFromSdkResult(result, 'The meeting could not be joined.');
    finish({ kind: 'failed', status: await explainGenericFailure(failure) });
  }

  /**
   * Code 1 is what the SDK reports when it got no usable first answer (`taskGetMeetingInfo`,
   * errorCode -3000: "You have been limit by zoom, verfy recaptcha", whatever the cause). Say
   * which cause it was: Zoom's servers failing, Zoom refusing this page's origin, or no Zoom at all.
   */
  async function explainGenericFailure(failure: MeetingStatus): Promise<MeetingStatus> {
    if (failure.code !== GENERIC_JOIN_ERROR_CODE) return failure;
    const answer = deps.answers.latest();
    if (answer !== null && answer.httpStatus >= 500) {
      return failed(null, PAGE_FAILURE_WORDS.zoomServerError(answer.httpStatus)).status;
    }
    if ((answer !== null && answer.httpStatus > 0) || reach.heardFromZoom()) return failure;
    const answered = await deps.probeZoomAnswers(`https://${deps.webEndpoint}/api/v1/wc/info`);
    const words = answered
      ? PAGE_FAILURE_WORDS.originRefused(deps.pageOrigin)
      : PAGE_FAILURE_WORDS.couldNotReachZoom;
    return failed(null, words).status;
  }

  // The ZAK and the signature go to the SDK and nowhere else: never logged, never reported.
  try {
    deps.api.join({
      meetingNumber: deps.params.meetingNumber,
      userName: deps.params.userName,
      signature: deps.params.signature,
      passWord: deps.params.passcode,
      zak: deps.params.zak,
      success: () => finish({ kind: 'joined' }),
      error: (result: unknown) => void onJoinError(result),
    });
  } catch (error) {
    void onJoinError({ errorMessage: error instanceof Error ? error.message : undefined });
  }

  return {
    outcome,
    confirm: () => finish({ kind: 'joined' }),
    refused(code, message) {
      if (callbackFailed) return;
      if (code !== null) {
        finish(failed(code, message ?? 'Zoom refused the join.'));
        return;
      }
      // Refusals by the meeting server (full, locked, 4011…) come without a code; the SDK's
      // dialog shows the code or names the refusal, and for 4012–4018 a second status 3 carries
      // the code. Wait a moment for either.
      grace ??= setTimeout(() => {
        const shown = deps.readView();
        finish(
          failed(shown?.code ?? null, shown ? shown.words : PAGE_FAILURE_WORDS.closedWithoutReason),
        );
      }, deps.noCodeGraceMs);
    },
    over: (reported) =>
      finish(
        reported?.status === 'failed' ? { kind: 'failed', status: reported } : { kind: 'over' },
      ),
  };
}

function failed(code: number | null, message: string | null): JoinOutcome & { kind: 'failed' } {
  return { kind: 'failed', status: { status: 'failed', code, message } };
}
