/**
 * Chat and renaming through the Meeting SDK's Client View (`ZoomMtg`), apart from the join
 * machinery in zoom-meeting-client.ts.
 *
 * - Chat: `sendChat({message})` with no `userId` goes to everyone. The SDK answers through its
 *   callbacks: an error result `{errorCode, errorMessage}` says why it refused ("Can't send
 *   chat because Restrict chat" where the host turned chat off, "Please join meeting first!"
 *   with code 3008 before the join, 3633 when called again within its one-second limit).
 * - Renaming oneself: `rename({userId, oldName, newName})` with this participant's own id and
 *   name (`getCurrentUser`). For a non-host the SDK only sends the request and calls `success`
 *   at once; Zoom applies it only where the meeting lets participants rename themselves, and
 *   says nothing when it does not. So the new name counts only once `getCurrentUser` reads it
 *   back; if it never does, the meeting did not allow it.
 */
import { z } from 'zod';
import { chatRefusal, refused, renameRefusal, type CommandOutcome } from './command-outcome';
import type { ZoomMtgSdk } from './zoom-sdk-types';

export interface ZoomActionTimings {
  /** How long an SDK call may take to call back (default 10 s). */
  answerMs: number;
  /** How long a rename may take to show in `getCurrentUser` (default 8 s)… */
  confirmMs: number;
  /** …read this often (default 500 ms). */
  pollMs: number;
}

export const ZOOM_ACTION_TIMINGS: ZoomActionTimings = {
  answerMs: 10_000,
  confirmMs: 8_000,
  pollMs: 500,
};

const SdkErrorSchema = z.object({
  errorCode: z.number().nullable().optional(),
  errorMessage: z.string().nullable().optional(),
});

const CurrentUserSchema = z.object({
  result: z.object({
    currentUser: z.object({ userId: z.number(), userName: z.string() }),
  }),
});

type SdkAnswer = { ok: true; result: unknown } | { ok: false; result: unknown } | null;

/** Calls a callback-style SDK method; null when it neither succeeded nor failed in time. */
function callSdk(
  start: (success: (result: unknown) => void, error: (result: unknown) => void) => void,
  answerMs: number,
): Promise<SdkAnswer> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), answerMs);
    const done = (answer: SdkAnswer) => {
      clearTimeout(timer);
      resolve(answer);
    };
    try {
      start(
        (result) => done({ ok: true, result }),
        (result) => done({ ok: false, result }),
      );
    } catch (error) {
      done({ ok: false, result: { errorMessage: error instanceof Error ? error.message : null } });
    }
  });
}

/** The SDK's error result as code and words. */
function sdkError(result: unknown): { code: number | null; message: string | null } {
  const parsed = SdkErrorSchema.safeParse(result);
  const message = parsed.success ? (parsed.data.errorMessage ?? null) : null;
  return {
    code: parsed.success ? (parsed.data.errorCode ?? null) : null,
    message: message === '' ? null : message,
  };
}

const NO_ANSWER = refused('other', null, 'The Meeting SDK did not answer.');

export async function zoomSendChat(
  api: ZoomMtgSdk,
  text: string,
  timings: ZoomActionTimings = ZOOM_ACTION_TIMINGS,
): Promise<CommandOutcome> {
  const answer = await callSdk(
    (success, error) => api.sendChat({ message: text, success, error }),
    timings.answerMs,
  );
  if (!answer) return NO_ANSWER;
  if (answer.ok) return { ok: true };
  const { code, message } = sdkError(answer.result);
  return chatRefusal(code, message);
}

async function currentUser(
  api: ZoomMtgSdk,
  answerMs: number,
): Promise<{ userId: number; userName: string } | null> {
  const answer = await callSdk(
    (success, error) => api.getCurrentUser({ success, error }),
    answerMs,
  );
  const parsed = answer?.ok ? CurrentUserSchema.safeParse(answer.result) : null;
  return parsed?.success ? parsed.data.result.currentUser : null;
}

export async function zoomRename(
  api: ZoomMtgSdk,
  newName: string,
  timings: ZoomActionTimings = ZOOM_ACTION_TIMINGS,
): Promise<CommandOutcome> {
  const me = await currentUser(api, timings.answerMs);
  if (!me) return refused('not_in_meeting', null, 'The Meeting SDK knows no current user.');
  if (me.userName === newName) return { ok: true };
  const answer = await callSdk(
    (success, error) =>
      api.rename({ userId: me.userId, oldName: me.userName, newName, success, error }),
    timings.answerMs,
  );
  if (!answer) return NO_ANSWER;
  if (!answer.ok) {
    const { code, message } = sdkError(answer.result);
    return renameRefusal(code, message);
  }
  const deadline = Date.now() + timings.confirmMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, timings.pollMs));
    if ((await currentUser(api, timings.answerMs))?.userName === newName) return { ok: true };
  }
  return refused('rename_not_allowed', null, 'Zoom did not apply the new name.');
}
