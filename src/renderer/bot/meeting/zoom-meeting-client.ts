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
 * - Self-hosting: `setZoomJSLib(path, '/av')` moves every asset (wasm, workers, UI chunks,
 *   language files) to the app; Component View's `assetPath` covers only `lib/av`.
 * - Hidden windows: with the preview page and the error dialog switched off (below), nothing in
 *   Client View's join waits for a click, a container or a size; checked in headless Chromium,
 *   where init and join run through to Zoom's join request untouched. Component View renders
 *   into an element the page must provide and lay out.
 * Client View takes over the whole page, which is fine: every bot has its own window.
 */
import { refused } from './command-outcome';
import { watchHeadCount } from './zoom-head-count';
import { zoomRename, zoomSendChat, type ZoomActionTimings } from './zoom-meeting-actions';
import {
  MeetingJoinError,
  refuseRepeatJoin,
  createStatusEmitter,
  type MeetingClient,
  type MeetingJoinParams,
  type MeetingStatus,
} from './meeting-client';
import {
  COULD_NOT_REACH_ZOOM,
  GENERIC_JOIN_ERROR_CODE,
  watchZoomAnswers,
  type ZoomAnswerWatch,
} from './zoom-reachability';
import {
  failureFromSdkResult,
  isFinalStatus,
  mapZoomEvent,
  type ZoomSdkEvent,
} from './zoom-sdk-events';
import type { ZoomInitArgs, ZoomMtgSdk } from './zoom-sdk-types';

export interface ZoomMeetingClientOptions {
  /** Loads and prepares the SDK (load-zoom-sdk.ts); tests pass a recording stand-in. */
  loadSdk(): Promise<ZoomMtgSdk>;
  /** Whether the page is cross-origin isolated; the SDK then uses SharedArrayBuffer. */
  crossOriginIsolated: boolean;
  /** Where the SDK navigates after leaving: the bot page itself plus a fragment, so no reload. */
  leaveUrl: string;
  /** How long a leave waits for the SDK's answer before reporting `left` anyway. */
  leaveTimeoutMs?: number;
  /** Whether Zoom answered at all (zoom-reachability.ts); tests pass their own. */
  watchZoomAnswers?: () => ZoomAnswerWatch;
  /** How long chat and rename calls wait on the SDK (zoom-meeting-actions.ts). */
  actionTimings?: ZoomActionTimings;
}

const LEAVE_TIMEOUT_MS = 5_000;

/** Every bot joins like this; see the file comment for why each switch is set. */
export function botInitArgs(options: {
  leaveUrl: string;
  crossOriginIsolated: boolean;
}): Omit<ZoomInitArgs, 'success' | 'error'> {
  return {
    leaveUrl: options.leaveUrl,
    // Without isolation there is no SharedArrayBuffer; the SDK must not expect it.
    disableCORP: !options.crossOriginIsolated,
    // Muted and camera off by construction rather than by a later mute that could fail or be
    // undone: no audio/video features and no computer audio, so the SDK never opens the
    // microphone or the camera, and the host cannot unmute it. The price: the bot also receives
    // no audio or video (it needs none) and runs no media encoders or decoders, which keeps
    // many bots on one machine cheap.
    isSupportAV: false,
    disableJoinAudio: true,
    // Nobody clicks in a bot window: no preview page, no modal error dialog (errors come to
    // the callbacks instead), and no invite/recording/call-out prompts.
    disablePreview: true,
    isShowJoiningErrorDialog: false,
    disableInvite: true,
    disableCallOut: true,
    disableRecord: true,
    // patchJsMedia fetches newer media files from Zoom's CDN; Botdeck serves its own.
    patchJsMedia: false,
    // A closed bot window leaves at once instead of lingering in Zoom's failover.
    leaveOnPageUnload: true,
  };
}

export function createZoomMeetingClient(options: ZoomMeetingClientOptions): MeetingClient {
  const { emit, onStatus } = createStatusEmitter();
  let sdk: ZoomMtgSdk | null = null;
  let joinStarted = false;
  let leaveRequested = false;
  let leavePromise: Promise<void> | null = null;
  let last: MeetingStatus | null = null;
  // Resolves a join still waiting for the SDK when the page leaves or the join ends otherwise.
  let abandonJoin: (() => void) | null = null;

  const lastStatus = (): MeetingStatus['status'] | null => last?.status ?? null;

  /** Reports a status once; after a final one, only an explicit `left` still goes out. */
  const report = (status: MeetingStatus): void => {
    if (isFinalStatus(lastStatus())) return;
    if (status.status === last?.status && (status.code ?? null) === (last.code ?? null)) return;
    last = status;
    emit(status);
    if (isFinalStatus(status.status)) abandonJoin?.();
  };

  let refreshHeadCount: (() => void) | null = null;
  const onEvent = (event: ZoomSdkEvent): void => {
    const status = mapZoomEvent(event, { leaveRequested, lastStatus: lastStatus() });
    if (!status) return;
    const entering = status.status === 'in_meeting' && lastStatus() !== 'in_meeting';
    report(status);
    if (entering) refreshHeadCount?.();
  };

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

  /**
   * Reports `failed` (unless an event already ended the join) and rejects with what was
   * reported, so the code the listeners saw and the one join() rejects with are the same.
   */
  const fail = (status: MeetingStatus): never => {
    report(status);
    return rejectIfFailed() ?? rejectWith(status);
  };
  const rejectIfFailed = (): undefined => {
    if (last?.status === 'failed') rejectWith(last);
    return undefined;
  };
  const rejectWith = (status: MeetingStatus): never => {
    throw new MeetingJoinError(
      status.code ?? null,
      status.message ?? 'The meeting could not be joined.',
    );
  };

  /** Calls a callback-style SDK method; resolves with success, rejects with the error result. */
  function callSdk(start: (success: () => void, error: (result: unknown) => void) => void) {
    return new Promise<{ ok: true } | { ok: false; result: unknown } | { ok: 'abandoned' }>(
      (resolve) => {
        abandonJoin = () => resolve({ ok: 'abandoned' });
        start(
          () => resolve({ ok: true }),
          (result) => resolve({ ok: false, result }),
        );
      },
    );
  }

  async function join(params: MeetingJoinParams): Promise<void> {
    refuseRepeatJoin({ joinStarted, left: leavePromise !== null });
    joinStarted = true;
    report({ status: 'connecting' });

    let api: ZoomMtgSdk;
    try {
      api = await options.loadSdk();
    } catch (error) {
      return fail({
        status: 'failed',
        code: null,
        message: `Botdeck could not load Zoom's Meeting SDK in this window (${describe(error)}).`,
      });
    }
    if (leaveRequested) return;
    sdk = api;

    const init = await callSdk((success, error) =>
      api.init({
        ...botInitArgs(options),
        success,
        error,
      }),
    );
    if (init.ok === 'abandoned' || leaveRequested) return rejectIfFailed();
    if (!init.ok)
      return fail(failureFromSdkResult(init.result, 'The Meeting SDK could not start.'));
    listen(api);

    // The ZAK and the signature go to the SDK and nowhere else: never logged, never reported.
    const watch = (options.watchZoomAnswers ?? watchZoomAnswers)();
    const joined = await callSdk((success, error) =>
      api.join({
        meetingNumber: params.meetingNumber,
        userName: params.userName,
        signature: params.signature,
        passWord: params.passcode,
        zak: params.zak,
        success,
        error,
      }),
    );
    const heardFromZoom = watch.heardFromZoom();
    watch.stop();
    // Abandoned: the page left, or an event ended the join first (failed with Zoom's code,
    // removed from the waiting room…), which has been reported already.
    if (joined.ok === 'abandoned' || leaveRequested) return rejectIfFailed();
    if (joined.ok) return;
    const failure = failureFromSdkResult(joined.result, 'The meeting could not be joined.');
    if (failure.code === GENERIC_JOIN_ERROR_CODE && !heardFromZoom) {
      // Code 1 only because nothing answered: say so, or the operator checks the wrong thing.
      return fail({
        status: 'failed',
        code: null,
        message: `${COULD_NOT_REACH_ZOOM} (Meeting SDK code ${GENERIC_JOIN_ERROR_CODE}.)`,
      });
    }
    return fail(failure);
  }

  async function leaveOnce(): Promise<void> {
    leaveRequested = true;
    const api = sdk;
    if (api && !isFinalStatus(lastStatus())) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.leaveTimeoutMs ?? LEAVE_TIMEOUT_MS);
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
    abandonJoin?.();
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

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : 'unknown error';
