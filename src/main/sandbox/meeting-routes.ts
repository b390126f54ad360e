/**
 * The meeting service's HTTP face under `/sandbox/meetings`: what a bot page calls to join,
 * leave and follow its presence, and what tests call to act as the host.
 */
import { z } from 'zod';
import { HttpError, readJson, sendEmpty, sendJson, validate } from './http-kit';
import type { DepartureReason } from './meeting-service';
import type { Route, RouteContext } from './router';
import type { SandboxContext } from './sandbox-context';

const CreateMeetingSchema = z.object({
  requireAuth: z.boolean().default(true),
  /** Joiners wait until `POST …/participants/{id}/admit`. */
  waitingRoom: z.boolean().default(false),
  /** The host turned chat off: every chat message is refused as Zoom refuses it. */
  chatDisabled: z.boolean().default(false),
  /** Participants may rename themselves (Zoom's meeting option of that name). */
  allowRename: z.boolean().default(true),
  passcode: z
    .string()
    .max(10, 'Zoom passcodes are at most 10 characters')
    .regex(/^[A-Za-z0-9@*_-]*$/, 'Zoom passcodes use letters, digits and @ * _ - only')
    .optional(),
});

const JoinSchema = z.object({
  signature: z.string().max(8192).default(''),
  zak: z.string().max(8192).nullable().default(null),
  userName: z
    .string({ message: 'userName is required' })
    .trim()
    .min(1, 'userName must not be empty')
    .max(64, 'userName can be at most 64 characters'),
  passcode: z.string().max(64).default(''),
});

const meetingGone = (): HttpError =>
  new HttpError(404, { errorCode: 3001, message: 'Meeting does not exist.' });

const noParticipant = (): HttpError =>
  new HttpError(404, { errorCode: 200, message: 'No such participant in this meeting.' });

/**
 * Meeting routes: create (optionally with a waiting room), inspect, end, join, list the meeting
 * and its waiting room, admit, leave, kick, drop, and presence events.
 */
export function meetingRoutes(ctx: SandboxContext): Route[] {
  const { meetings } = ctx;
  const meetingNumberOf = ({ params }: RouteContext): string => params.meetingNumber ?? '';

  const removeParticipant = (why: DepartureReason) => (route: RouteContext) => {
    const meetingNumber = meetingNumberOf(route);
    if (!meetings.live(meetingNumber)) throw meetingGone();
    if (!meetings.remove(meetingNumber, route.params.participantId ?? '', why)) {
      throw noParticipant();
    }
    sendEmpty(route.res, 204);
  };

  return [
    {
      method: 'POST',
      path: '/sandbox/meetings',
      async handler({ req, res }) {
        const body = validate(CreateMeetingSchema, await readJson(req));
        const meeting = meetings.create(body);
        sendJson(res, 201, {
          meetingNumber: meeting.meetingNumber,
          passcode: meeting.passcode,
          waitingRoom: meeting.waitingRoom,
          chatDisabled: meeting.chatDisabled,
          allowRename: meeting.allowRename,
        });
      },
    },
    {
      method: 'GET',
      path: '/sandbox/meetings/:meetingNumber',
      handler(route) {
        const meeting = meetings.live(meetingNumberOf(route));
        if (!meeting) throw meetingGone();
        sendJson(route.res, 200, {
          meetingNumber: meeting.meetingNumber,
          passcode: meeting.passcode,
          requireAuth: meeting.requireAuth,
          waitingRoom: meeting.waitingRoom,
          chatDisabled: meeting.chatDisabled,
          allowRename: meeting.allowRename,
          participantCount: meeting.participants.size,
          waitingCount: meeting.waiting.size,
        });
      },
    },
    {
      method: 'DELETE',
      path: '/sandbox/meetings/:meetingNumber',
      handler(route) {
        if (!meetings.end(meetingNumberOf(route))) throw meetingGone();
        sendEmpty(route.res, 204);
      },
    },
    {
      method: 'POST',
      path: '/sandbox/meetings/:meetingNumber/join',
      forPages: true,
      async handler(route) {
        await ctx.faults.strike('join');
        const meetingNumber = meetingNumberOf(route);
        const raw = await readJson(route.req);
        const record = (zak: string | null, participantId: string | null, code: number | null) =>
          ctx.audit.recordJoin({
            meetingNumber,
            userName: rawString(raw, 'userName'),
            zak,
            participantId,
            errorCode: code,
            at: ctx.clock.now(),
          });
        let body: z.output<typeof JoinSchema>;
        try {
          body = validate(JoinSchema, raw);
        } catch (error) {
          record(rawString(raw, 'zak') || null, null, 200);
          throw error;
        }
        const outcome = meetings.join(meetingNumber, body);
        if (!outcome.ok) {
          record(body.zak, null, outcome.errorCode);
          throw new HttpError(outcome.status, {
            errorCode: outcome.errorCode,
            message: outcome.message,
          });
        }
        record(body.zak, outcome.participant.participantId, null);
        // Zoom's join answer does not say "waiting" either way; the sandbox says it only when so.
        sendJson(
          route.res,
          200,
          outcome.waitingRoom ? { ...outcome.participant, waitingRoom: true } : outcome.participant,
        );
      },
    },
    {
      method: 'GET',
      path: '/sandbox/meetings/:meetingNumber/participants',
      handler(route) {
        const list = meetings.participants(meetingNumberOf(route));
        if (!list) throw meetingGone();
        sendJson(route.res, 200, list);
      },
    },
    {
      method: 'GET',
      path: '/sandbox/meetings/:meetingNumber/waiting-room',
      handler(route) {
        const list = meetings.waitingRoom(meetingNumberOf(route));
        if (!list) throw meetingGone();
        sendJson(route.res, 200, list);
      },
    },
    {
      method: 'POST',
      path: '/sandbox/meetings/:meetingNumber/participants/:participantId/admit',
      handler(route) {
        const meetingNumber = meetingNumberOf(route);
        if (!meetings.live(meetingNumber)) throw meetingGone();
        if (!meetings.admit(meetingNumber, route.params.participantId ?? '')) {
          throw new HttpError(404, {
            errorCode: 200,
            message: 'No such participant in this meeting’s waiting room.',
          });
        }
        sendEmpty(route.res, 204);
      },
    },
    {
      method: 'POST',
      path: '/sandbox/meetings/:meetingNumber/participants/:participantId/leave',
      forPages: true,
      handler: removeParticipant('left'),
    },
    {
      method: 'DELETE',
      path: '/sandbox/meetings/:meetingNumber/participants/:participantId',
      handler: removeParticipant('kicked'),
    },
    {
      method: 'POST',
      path: '/sandbox/meetings/:meetingNumber/participants/:participantId/drop',
      handler: removeParticipant('dropped'),
    },
    {
      method: 'GET',
      path: '/sandbox/meetings/:meetingNumber/participants/:participantId/events',
      forPages: true,
      handler(route) {
        ctx.presence.open(route.res, meetingNumberOf(route), route.params.participantId ?? '');
      },
    },
  ];
}

/** A string field of a body that failed validation, for the audit ('' when absent). */
function rawString(raw: unknown, key: string): string {
  if (typeof raw !== 'object' || raw === null) return '';
  const value: unknown = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}
