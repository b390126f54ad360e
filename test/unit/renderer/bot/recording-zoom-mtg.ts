/**
 * A recording stand-in for the part of Zoom's Client View (`ZoomMtg`) that Botdeck uses. It
 * implements the same `ZoomMtgSdk` interface the real SDK is checked against, records every
 * call (callbacks stripped, so the records compare as plain data), answers `init`, `join` and
 * `leaveMeeting` as each test scripts, and lets the test fire the SDK's in-meeting events.
 *
 * It also stands in for what the page sees around the SDK: Zoom's first answer to the join
 * (`answerJoin`, as the page's tap hears it) and the SDK's views (`stallIn`, `dialogCode`).
 */
import type {
  WcInfoAnswer,
  ZoomFirstAnswers,
} from '../../../../src/renderer/bot/meeting/zoom-first-answer';
import type { SdkViewReading } from '../../../../src/renderer/bot/meeting/zoom-sdk-views';
import type {
  ZoomInitArgs,
  ZoomJoinArgs,
  ZoomListenedEvent,
  ZoomMtgSdk,
} from '../../../../src/renderer/bot/meeting/zoom-sdk-types';

/** How a callback-style call answers: at once with success or an error result, or never. */
export type Answer = { success: true } | { error: unknown } | 'pending';

export interface RecordingZoomMtg extends ZoomMtgSdk {
  calls: { method: string; args: unknown }[];
  initAnswer: Answer;
  joinAnswer: Answer;
  leaveAnswer: Answer;
  /** The last init/join arguments as the SDK received them (callbacks included). */
  lastInit(): ZoomInitArgs | undefined;
  lastJoin(): ZoomJoinArgs | undefined;
  /** Answers a `pending` call later, as the SDK would from the network. */
  settleJoin(answer: Exclude<Answer, 'pending'>): void;
  /** Delivers an in-meeting event to every listener registered for it. */
  fire(event: ZoomListenedEvent, payload: unknown): void;
  methods(): string[];
  /** Who `getAttendeeslist` answers is in the meeting (index 0: the bot). */
  attendees: string[];
  /** How `sendChat` answers; every message it took is in `chat`. */
  chatAnswer: Answer;
  chat: string[];
  /** Who `getCurrentUser` says this participant is; null answers an error. */
  currentUser: { userId: number; userName: string } | null;
  /** Whether the meeting applies a rename the SDK sent (as Zoom does where it is allowed). */
  renameAllowed: boolean;
  renameAnswer: Answer;
  /** What the page's tap hears of Zoom's first answer. */
  firstAnswers: ZoomFirstAnswers;
  answerJoin(answer: WcInfoAnswer): void;
  /** The page's view watch, as the client is given it. */
  sdkViews: {
    watchViews(onStalled: (view: SdkViewReading) => void): { stop(): void };
    readView(): SdkViewReading | null;
  };
  /** Makes the running view watch report a stall in `view`. */
  stallIn(view: SdkViewReading): void;
  /** What the SDK's views show right now (its join error dialog, say), or null. */
  shownView: SdkViewReading | null;
  /** Whether a view watch is running (a join is in progress). */
  watchingViews(): boolean;
}

type Callbacks = { success?: unknown; error?: unknown };

export function createRecordingZoomMtg(): RecordingZoomMtg {
  const calls: { method: string; args: unknown }[] = [];
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  let init: ZoomInitArgs | undefined;
  let join: ZoomJoinArgs | undefined;
  const answerListeners = new Set<(answer: WcInfoAnswer) => void>();
  let latestAnswer: WcInfoAnswer | null = null;
  let stalled: ((view: SdkViewReading) => void) | null = null;

  const record = (method: string, args: unknown = null): void => {
    if (typeof args === 'object' && args !== null) {
      const plain = Object.fromEntries(
        Object.entries(args).filter(([, value]) => typeof value !== 'function'),
      );
      calls.push({ method, args: plain });
    } else {
      calls.push({ method, args });
    }
  };
  const answer = (callbacks: Callbacks, how: Answer): void => {
    if (how === 'pending') return;
    const callback = 'success' in how ? callbacks.success : callbacks.error;
    if (typeof callback === 'function') callback('success' in how ? { status: true } : how.error);
  };

  const sdk: RecordingZoomMtg = {
    calls,
    initAnswer: { success: true },
    joinAnswer: { success: true },
    leaveAnswer: { success: true },
    setZoomJSLib: (path, dir) => record('setZoomJSLib', { path, dir }),
    preLoadWasm: () => record('preLoadWasm'),
    prepareWebSDK: () => record('prepareWebSDK'),
    init(args) {
      init = args;
      record('init', args);
      answer(args, sdk.initAnswer);
    },
    join(args) {
      join = args;
      record('join', args);
      answer(args, sdk.joinAnswer);
    },
    leaveMeeting(args) {
      record('leaveMeeting', args);
      answer(args, sdk.leaveAnswer);
    },
    getAttendeeslist(args) {
      record('getAttendeeslist');
      if (typeof args.success === 'function') {
        args.success({
          result: { attendeesList: sdk.attendees.map((name) => ({ userName: name })) },
        });
      }
    },
    attendees: [],
    chatAnswer: { success: true },
    chat: [],
    currentUser: { userId: 16778240, userName: 'Botdeck 1' },
    renameAllowed: true,
    renameAnswer: { success: true },
    sendChat(args) {
      record('sendChat', args);
      const how = sdk.chatAnswer;
      if (how !== 'pending' && 'success' in how) sdk.chat.push(args.message);
      answer(args, how);
    },
    rename(args) {
      record('rename', args);
      const applies =
        sdk.renameAnswer !== 'pending' &&
        'success' in sdk.renameAnswer &&
        sdk.renameAllowed &&
        sdk.currentUser?.userId === args.userId &&
        sdk.currentUser.userName === args.oldName;
      if (applies && sdk.currentUser)
        sdk.currentUser = { ...sdk.currentUser, userName: args.newName };
      answer(args, sdk.renameAnswer);
    },
    getCurrentUser(args) {
      record('getCurrentUser');
      if (sdk.currentUser) {
        if (typeof args.success === 'function') {
          args.success({ status: true, result: { currentUser: { ...sdk.currentUser } } });
        }
      } else if (typeof args.error === 'function') {
        args.error({ status: false, errorCode: 3008, errorMessage: 'Please join meeting first!' });
      }
    },
    inMeetingServiceListener(event, callback) {
      record('inMeetingServiceListener', event);
      listeners.set(event, [...(listeners.get(event) ?? []), callback]);
    },
    lastInit: () => init,
    lastJoin: () => join,
    settleJoin(how) {
      if (join) answer(join, how);
    },
    fire(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    methods: () => calls.map((call) => call.method),
    firstAnswers: {
      onAnswer(listener) {
        answerListeners.add(listener);
        return () => answerListeners.delete(listener);
      },
      latest: () => latestAnswer,
    },
    answerJoin(answer) {
      latestAnswer = answer;
      for (const listener of [...answerListeners]) listener(answer);
    },
    sdkViews: {
      watchViews(onStalled) {
        stalled = onStalled;
        return { stop: () => void (stalled = null) };
      },
      readView: () => sdk.shownView,
    },
    stallIn(view) {
      stalled?.(view);
    },
    shownView: null,
    watchingViews: () => stalled !== null,
  };
  return sdk;
}
