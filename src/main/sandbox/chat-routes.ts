/**
 * What a participant does in a sandbox meeting besides being there: chat to everyone, and
 * rename itself where the meeting allows it. Bot pages call the two POSTs (Botdeck's own pages
 * may); the chat log is for scripts and tests, which read what the bots really said.
 */
import { z } from 'zod';
import { ChatTextSchema } from '../../shared/chat-text';
import { HttpError, readJson, sendJson, validate } from './http-kit';
import { renameParticipant } from './meeting-chat';
import type { Route, RouteContext } from './router';
import type { SandboxContext } from './sandbox-context';

const ChatSchema = z.object({ text: ChatTextSchema });

const RenameSchema = z.object({
  displayName: z
    .string({ message: 'displayName is required' })
    .trim()
    .min(1, 'displayName must not be empty')
    .max(64, 'displayName can be at most 64 characters'),
});

/** The Web SDK's generic failure code; a refused rename carries it. */
const SDK_FAIL_CODE = 1;

const meetingGone = (): HttpError =>
  new HttpError(404, { errorCode: 3001, message: 'Meeting does not exist.' });

export function chatRoutes(ctx: SandboxContext): Route[] {
  const { meetings } = ctx;
  const where = ({ params }: RouteContext) => ({
    meetingNumber: params.meetingNumber ?? '',
    participantId: params.participantId ?? '',
  });

  return [
    {
      method: 'POST',
      path: '/sandbox/meetings/:meetingNumber/participants/:participantId/chat',
      forPages: true,
      async handler(route) {
        const { text } = validate(ChatSchema, await readJson(route.req));
        const { meetingNumber, participantId } = where(route);
        sendJson(route.res, 201, ctx.chat.post(meetingNumber, participantId, text));
      },
    },
    {
      method: 'GET',
      path: '/sandbox/meetings/:meetingNumber/chat',
      handler(route) {
        const lines = ctx.chat.list(where(route).meetingNumber);
        if (!lines) throw meetingGone();
        sendJson(route.res, 200, lines);
      },
    },
    {
      method: 'POST',
      path: '/sandbox/meetings/:meetingNumber/participants/:participantId/rename',
      forPages: true,
      async handler(route) {
        const { displayName } = validate(RenameSchema, await readJson(route.req));
        const { meetingNumber, participantId } = where(route);
        const meeting = meetings.live(meetingNumber);
        if (!meeting) throw meetingGone();
        if (!meetings.place(meetingNumber, participantId)) {
          throw new HttpError(404, {
            errorCode: 200,
            message: 'No such participant in this meeting.',
          });
        }
        if (!meeting.allowRename) {
          throw new HttpError(403, {
            errorCode: SDK_FAIL_CODE,
            message: 'The host does not allow participants to rename themselves.',
          });
        }
        renameParticipant(meetings, meetingNumber, participantId, displayName);
        sendJson(route.res, 200, { participantId, displayName });
      },
    },
  ];
}
