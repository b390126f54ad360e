/**
 * Fault injection over HTTP, all under `/sandbox/faults` so tests and demos find every way to
 * make trouble in one place. The participant, meeting and user actions are the same operations
 * as the host-style routes elsewhere (`…/participants/{id}/drop`, `DELETE …/participants/{id}`,
 * `DELETE /sandbox/meetings/{n}`, `…/users/{id}/signout-all`); these are aliases named for what
 * they simulate.
 *
 * Endpoint faults (Zoom API trouble):
 *   POST   /sandbox/faults      {target, status?, count?, fraction?, latencyMs?, retryAfter?}
 *          target: oauth | user | zak | join. A `status` for the next `count` calls (default 1)
 *          or for a `fraction` (0..1) of calls (unlimited unless `count` is given), and/or a
 *          `latencyMs` before answering. 429s carry Retry-After (`retryAfter`, default "1").
 *          → 201 with the stored rule (its `id`, `remaining`).
 *   GET    /sandbox/faults      → 200, the active rules in the order they are tried.
 *   DELETE /sandbox/faults      → 204, every rule removed.
 *
 * Meeting faults (the host, the network):
 *   POST /sandbox/faults/meetings/{n}/participants/{id}/drop   the participant's connection is
 *        cut: its event stream breaks with no event, it leaves the meeting.           → 204
 *   POST /sandbox/faults/meetings/{n}/drop-all                 every participant is dropped at
 *        once (a network blip); → 200 {"dropped": count}
 *   POST /sandbox/faults/meetings/{n}/participants/{id}/kick   the host removes the participant
 *        (`kicked`, code 3009, on its stream; works in the waiting room too).       → 204
 *   POST /sandbox/faults/meetings/{n}/end                      the host ends the meeting
 *        (`ended` on every stream; later joins get 3001).                          → 204
 *
 * Account faults:
 *   POST /sandbox/faults/users/{id}/signout-all   "Sign Me Out from All Devices": every ZAK the
 *        user has so far fails at join with 3100; ZAKs minted afterwards work.
 *        → 200 {"revokedZaks": count}
 */
import { FaultRuleSchema } from './fault-injector';
import { HttpError, readJson, sendEmpty, sendJson, validate } from './http-kit';
import { signOutEverywhere } from './control-routes';
import type { DepartureReason } from './meeting-service';
import type { Route, RouteContext } from './router';
import type { SandboxContext } from './sandbox-context';

const PARTICIPANT = '/sandbox/faults/meetings/:meetingNumber/participants/:participantId';

export function faultRoutes(ctx: SandboxContext): Route[] {
  const { meetings } = ctx;

  const removeParticipant =
    (why: DepartureReason) =>
    ({ params, res }: RouteContext): void => {
      const meetingNumber = params.meetingNumber ?? '';
      if (!meetings.live(meetingNumber)) throw meetingGone();
      if (!meetings.remove(meetingNumber, params.participantId ?? '', why)) {
        throw new HttpError(404, {
          errorCode: 200,
          message: 'No such participant in this meeting.',
        });
      }
      sendEmpty(res, 204);
    };

  return [
    {
      method: 'POST',
      path: '/sandbox/faults',
      async handler({ req, res }) {
        const rule = ctx.faults.add(validate(FaultRuleSchema, await readJson(req)));
        sendJson(res, 201, rule);
      },
    },
    {
      method: 'GET',
      path: '/sandbox/faults',
      handler({ res }) {
        sendJson(res, 200, ctx.faults.list());
      },
    },
    {
      method: 'DELETE',
      path: '/sandbox/faults',
      handler({ res }) {
        ctx.faults.clear();
        sendEmpty(res, 204);
      },
    },
    { method: 'POST', path: `${PARTICIPANT}/drop`, handler: removeParticipant('dropped') },
    { method: 'POST', path: `${PARTICIPANT}/kick`, handler: removeParticipant('kicked') },
    {
      method: 'POST',
      path: '/sandbox/faults/meetings/:meetingNumber/drop-all',
      handler({ params, res }) {
        const meetingNumber = params.meetingNumber ?? '';
        const everyone = meetings.participants(meetingNumber);
        if (!everyone) throw meetingGone();
        for (const { participantId } of everyone) {
          meetings.remove(meetingNumber, participantId, 'dropped');
        }
        sendJson(res, 200, { dropped: everyone.length });
      },
    },
    {
      method: 'POST',
      path: '/sandbox/faults/meetings/:meetingNumber/end',
      handler({ params, res }) {
        if (!meetings.end(params.meetingNumber ?? '')) throw meetingGone();
        sendEmpty(res, 204);
      },
    },
    {
      method: 'POST',
      path: '/sandbox/faults/users/:userId/signout-all',
      handler({ params, res }) {
        sendJson(res, 200, { revokedZaks: signOutEverywhere(ctx, params.userId ?? '') });
      },
    },
  ];
}

const meetingGone = (): HttpError =>
  new HttpError(404, { errorCode: 3001, message: 'Meeting does not exist.' });
