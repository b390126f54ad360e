/**
 * The slice of the Meeting SDK's Client View (`ZoomMtg`) that Botdeck uses, typed from the SDK's
 * own index.d.ts. Narrowing it to an interface does two jobs: the compiler checks at the import
 * site that the real `ZoomMtg` still fits (a renamed option or method breaks the build, not a
 * meeting), and tests can hand the client a recording stand-in instead of 5 MB of SDK.
 *
 * Type-only import: nothing of the SDK is bundled because of this file.
 */
import type { ZoomMtg } from '@zoom/meetingsdk';

/**
 * `ZoomMtg.init`'s argument as the SDK declares it, plus what 6.2.0 accepts at run time without
 * declaring it: `leaveRedirect` (zoomus-websdk.umd.min.js, `taskInitFlow`: "boolean" !== typeof
 * t.leaveRedirect falls back to the default, true; the leave thunk then navigates to `leaveUrl`
 * or a survey only while it is true).
 */
export type ZoomInitArgs = Parameters<typeof ZoomMtg.init>[0] & { leaveRedirect?: boolean };
/** `ZoomMtg.join`'s argument, exactly as the SDK declares it (`passWord`, `zak`, callbacks). */
export type ZoomJoinArgs = Parameters<typeof ZoomMtg.join>[0];
/** `ZoomMtg.leaveMeeting`'s argument. */
export type ZoomLeaveArgs = Parameters<typeof ZoomMtg.leaveMeeting>[0];

/** The in-meeting events the client listens to; see zoom-sdk-events.ts for their payloads. */
export type ZoomListenedEvent = 'onMeetingStatus' | 'onUserLeave' | 'onJoinSpeed' | 'onUserJoin';
/** `ZoomMtg.getAttendeeslist`'s argument. */
export type ZoomAttendeesArgs = Parameters<typeof ZoomMtg.getAttendeeslist>[0];
/** `ZoomMtg.sendChat`'s argument: `message`, and `userId` left out to reach everyone. */
export type ZoomSendChatArgs = Parameters<typeof ZoomMtg.sendChat>[0];
/** `ZoomMtg.rename`'s argument: `userId`, `oldName`, `newName`. */
export type ZoomRenameArgs = Parameters<typeof ZoomMtg.rename>[0];
/** `ZoomMtg.getCurrentUser`'s argument. */
export type ZoomCurrentUserArgs = Parameters<typeof ZoomMtg.getCurrentUser>[0];

/**
 * What the client calls. The SDK types listener callbacks as `Function`; here they take
 * `unknown`, because every payload is parsed before use.
 */
export interface ZoomMtgSdk {
  setZoomJSLib(path: string, dir: string): void;
  preLoadWasm(): void;
  prepareWebSDK(): void;
  init(args: ZoomInitArgs): void;
  join(args: ZoomJoinArgs): void;
  leaveMeeting(args: ZoomLeaveArgs): void;
  inMeetingServiceListener(event: ZoomListenedEvent, callback: (payload: unknown) => void): void;
  getAttendeeslist(args: ZoomAttendeesArgs): void;
  sendChat(args: ZoomSendChatArgs): void;
  rename(args: ZoomRenameArgs): void;
  getCurrentUser(args: ZoomCurrentUserArgs): void;
}
