/**
 * The MeetingClient on Zoom's Web Meeting SDK, Client View (`ZoomMtg`).
 *
 * Why Client View and not Component View (`ZoomMtgEmbedded`):
 * - Status: Client View reports this participant's own milestones as numbers (`onMeetingStatus`
 *   1–4, `onUserLeave` reason codes 0–8 incl. 6/7 for removals, `onJoinSpeed` levels for the
 *   waiting room and "waiting for host") and join errors as `{errorCode}`. Component View has
 *   one `connection-change` event typed `any` whose reasons are English strings
 *   ("kicked by host"), which is fragile to map.
 * - Muted and camera off by construction: only Client View's `init` has `isSupportAV` and
 *   `disableJoinAudio`; Component View has no join-time audio/video switch at all.
 * - Isolation: only Client View's `init` has `disableCORP`, needed when a window is not
 *   cross-origin isolated.
 * - Self-hosting: `setZoomJSLib(url, '/av')` moves every asset (wasm, workers, UI chunks,
 *   language files) to the app; Component View's `assetPath` covers only `lib/av`.
 * - Hidden windows: with the preview page and the error dialog switched off, nothing in Client
 *   View's join waits for a click, a container or a size (checked in headless Chromium), except
 *   the views a meeting may demand (a disclaimer, a captcha), which zoom-sdk-views.ts names.
 * Client View takes over the whole page, which is fine: every bot has its own window.
 *
 * The join, step by step: load the SDK, init it, listen, join (zoom-join-attempt.ts settles
 * the join from whichever signal comes first), then follow the meeting through its events
 * (zoom-sdk-events.ts).
 */
import { refused } from './command-outcome';
import { watchHeadCount } from './zoom-head-count';
import { zoomRename, zoomSendChat, type ZoomActionTimings } from './zoom-meeting-actions';
import {
  MeetingJoinError,
  repeatJoinRefusal,
  createStatusEmitter,
  type MeetingClient,
  type MeetingJoinParams,
  type MeetingStatus,
} from './meeting-client';
import type { ZoomWebDomain } from '../../../shared/meeting-link';
import type { ZoomFirstAnswers } from './zoom-first-answer';
import { WEB_ENDPOINTS, botInitArgs } from './zoom-init-args';
import { startJoinAttempt, type JoinAttempt, type JoinAttemptDeps } from './zoom-join-attempt';
import { probeZoomAnswers, watchZoomAnswers, type ZoomAnswerWatch } from './zoom-reachability';
import {
  failureFromSdkResult,
  isFinalStatus,
  mapZoomEvent,
  type ZoomSdkEvent,
} from './zoom-sdk-events';
import { readSdkView, watchSdkViews } from './zoom-sdk-views';
import type { ZoomMtgSdk } from './zoom-sdk-types';

export interface ZoomMeetingClientOptions {
  /** Loads and prepares the SDK (load-zoom-sdk.ts); tests pass a recording stand-in. */
  loadSdk(): Promise<ZoomMtgSdk>;
  /** Whether the page is cross-origin isolated; the SDK then uses SharedArrayBuffer. */
  crossOriginIsolated: boolean;
  /** Required by the SDK; never navigated to (`leaveRedirect: false`). */
  leaveUrl: string;
  /** The meeting's Zoom cloud, from the ticket. */
  zoomDomain: ZoomWebDomain;
  /** This page's origin, named when Zoom refuses it. */
  pageOrigin: string;
  /** Zoom's first answer to the join (zoom-first-answer.ts), tapped before the SDK loads. */
  firstAnswers: ZoomFirstAnswers;
  /** How long a leave waits for the SDK's answer before reporting `left` anyway. */
  leaveTimeoutMs?: number;
  /** Tests pass their own; the page uses the browser's (zoom-reachability.ts, zoom-sdk-views.ts). */
  watchZoomAnswers?: () => ZoomAnswerWatch;
  /** How long chat and rename calls wait on the SDK (zoom-meeting-actions.ts). */
  actionTimings?: ZoomActionTimings;
  probeZoomAnswers?: (url: string) => Promise<boolean>;
  sdkViews?: Pick<JoinAttemptDeps, 'watchViews' | 'readView'>;
  /** How long a status 3 without a code waits for one before failing without it. */
  noCodeGraceMs?: number;
}

const LEAVE_TIMEOUT_MS = 5_000;
const NO_CODE_GRACE_MS = 3_000;
/** A view that waits for a person has certainly stalled the join after this long. */
const VIEW_STALL_MS = 3_000;
const VIEW_CHECK_MS = 500;

const pageSdkViews = (): Pick<JoinAttemptDeps, 'watchViews' | 'readView'> => ({
  watchViews: (onStalled) =>
    watchSdkViews({ root: document, stallMs: VIEW_STALL_MS, everyMs: VIEW_CHECK_MS, onStalled }),
  readView: () => readSdkView(document),
});

type SdkCall = { ok: true } | { ok: false; result: unknown } | { ok: 'left' };

export function createZoomMeetingClient(options: ZoomMeetingClientOptions): MeetingClient {
  const { emit, onStatus } = createStatusEmitter();
  let sdk: ZoomMtgSdk | null = null;
  let joinStarted = false;
  let joinConfirmed = false;
  let leaveRequested = false;
  let leavePromise: Promise<void> | null = null;
  let last: MeetingStatus | null = null;
  let attempt: JoinAttempt | null = null;
  let refreshHeadCount: (() => void) | null = null;
  // Settles once, when the page starts leaving: whatever the join still waits for is moot.
  let markLeft: () => void = () => undefined;
  const leftPage = new Promise<{ ok: 'left' }>(
    (resolve) => (markLeft = () => resolve({ ok: 'left' })),
  );

  const lastStatus = (): MeetingStatus['status'] | null => last?.status ?? null;

  /** Reports a status once; after a final one, only an explicit `left` still goes out. */
  function report(status: MeetingStatus): void {
    if (isFinalStatus(lastStatus())) return;
    if (status.status === last?.status && (status.code ?? null) === (last.code ?? null)) return;
    const entering = status.status === 'in_meeting' && lastStatus() !== 'in_meeting';
    last = status;
    emit(status);
    if (isFinalStatus(status.status)) attempt?.over(status);
    if (entering) refreshHeadCount?.();
  }

  function onEvent(event: ZoomSdkEvent): void {
    const meaning = mapZoomEvent(event, {
      leaveRequested,
      joinConfirmed,
      lastStatus: lastStatus(),
    });
    if (meaning?.kind === 'status') report(meaning.status);
    if (meaning?.kind === 'confirm-join') attempt?.confirm();
    if (meaning?.kind === 'join-refused') attempt?.refused(meaning.code, meaning.message);
  }

  function listen(api: ZoomMtgSdk): void {
    api.inMeetingServiceListener('onMeetingStatus', (payload) =>
      onEvent({ kind: 'meeting-status', payload }),
    );
    api.inMeetingServiceListener('onUserLeave', (payload) =>
      onEvent({ kind: 'user-leave', payload }),
    );
    api.inMeetingServiceListener('onJoinSpeed', (payload) =>
      onEvent({ kind: 'join-speed', payload }),
    );
    refreshHeadCount = watchHeadCount(api, (participantCount) => {
      // A count is news only while in the meeting; the status itself is already reported.
      if (lastStatus() === 'in_meeting') emit({ status: 'in_meeting', participantCount });
    });
  }

  /** Zoom confirmed the join: in the meeting, unless it is holding the bot in the waiting room. */
  function confirmJoin(): void {
    joinConfirmed = true;
    if (lastStatus() !== 'waiting_room') report({ status: 'in_meeting' });
  }

  /** Reports `failed` (unless something final came first) and rejects with what was reported. */
  function failJoin(status: MeetingStatus): Promise<never> {
    report(status);
    const reported = last?.status === 'failed' ? last : status;
    const message = reported.message ?? 'The meeting could not be joined.';
    return Promise.reject(new MeetingJoinError(reported.code ?? null, message));
  }

  async function join(params: MeetingJoinParams): Promise<void> {
    const refusal = repeatJoinRefusal({ joinStarted, left: leavePromise !== null });
    if (refusal) return Promise.reject(refusal);
    joinStarted = true;
    report({ status: 'connecting' });

    const loaded = await options.loadSdk().then(
      (api) => ({ ok: true as const, api }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (!loaded.ok) {
      const reason = loaded.error instanceof Error ? loaded.error.message : 'unknown error';
      const message = `Botdeck could not load Zoom's Meeting SDK in this window (${reason}).`;
      return failJoin({ status: 'failed', code: null, message });
    }
    if (leaveRequested) return;
    const api = loaded.api;
    sdk = api;

    const init = await Promise.race([
      new Promise<SdkCall>((resolve) =>
        api.init({
          ...botInitArgs(options),
          success: () => resolve({ ok: true }),
          error: (result: unknown) => resolve({ ok: false, result }),
        }),
      ),
      leftPage,
    ]);
    if (init.ok === 'left' || leaveRequested) return;
    if (!init.ok)
      return failJoin(failureFromSdkResult(init.result, 'The Meeting SDK could not start.'));
    listen(api);

    attempt = startJoinAttempt({
      api,
      params,
      webEndpoint: WEB_ENDPOINTS[options.zoomDomain],
      pageOrigin: options.pageOrigin,
      answers: options.firstAnswers,
      watchZoomAnswers: options.watchZoomAnswers ?? watchZoomAnswers,
      probeZoomAnswers: options.probeZoomAnswers ?? probeZoomAnswers,
      ...(options.sdkViews ?? pageSdkViews()),
      report,
      noCodeGraceMs: options.noCodeGraceMs ?? NO_CODE_GRACE_MS,
    });
    const outcome = await attempt.outcome;
    attempt = null;
    if (outcome.kind === 'joined') return confirmJoin();
    if (outcome.kind === 'failed') return failJoin(outcome.status);
    // Over: the page left, or a final status (removed from the waiting room…) went out already.
  }

  async function leaveOnce(): Promise<void> {
    leaveRequested = true;
    markLeft();
    const api = sdk;
    if (api && !isFinalStatus(lastStatus())) {
      await leaveThroughSdk(api, options.leaveTimeoutMs ?? LEAVE_TIMEOUT_MS);
    }
    attempt?.over();
    if (lastStatus() !== 'left') {
      last = { status: 'left' };
      emit(last);
    }
  }

  // Once the SDK is loaded it decides whether this participant may chat or rename now.
  const notStarted = refused('not_in_meeting', null, 'The Meeting SDK has not started.');
  return {
    join,
    leave() {
      leavePromise ??= leaveOnce();
      return leavePromise;
    },
    sendChat: (text) =>
      sdk ? zoomSendChat(sdk, text, options.actionTimings) : Promise.resolve(notStarted),
    rename: (name) =>
      sdk ? zoomRename(sdk, name, options.actionTimings) : Promise.resolve(notStarted),
    onStatus,
  };
}

/** Asks the SDK to leave and waits for its answer, at most `timeoutMs`. */
function leaveThroughSdk(api: ZoomMtgSdk, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    try {
      api.leaveMeeting({ success: done, error: done });
    } catch {
      done(); // not in a meeting yet: closing the window ends the attempt
    }
  });
}
