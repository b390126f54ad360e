/**
 * How many people are in a Zoom meeting, for the "alone in the meeting" auto-leave. The Client
 * View has no count event: on every join or leave Botdeck asks `getAttendeeslist`, which
 * answers `{ result: { attendeesList: [...] } }` (index 0 is this bot). Anything else parses as
 * "unknown", which the fleet treats as "not alone": a wrong guess can only keep a bot in.
 */
import { z } from 'zod';
import type { ZoomMtgSdk } from './zoom-sdk-types';

const AttendeesSchema = z.object({
  result: z.object({ attendeesList: z.array(z.unknown()) }),
});

export function attendeeCount(response: unknown): number | null {
  const parsed = AttendeesSchema.safeParse(response);
  // The list always holds the bot itself once it is in; an empty one means "not known yet".
  const count = parsed.success ? parsed.data.result.attendeesList.length : 0;
  return count > 0 ? count : null;
}

/** Listens for people coming and going and reports each new head count. */
export function watchHeadCount(api: ZoomMtgSdk, onCount: (count: number) => void): () => void {
  let last: number | null = null;
  const refresh = (): void =>
    api.getAttendeeslist({
      success: (response: unknown) => {
        const count = attendeeCount(response);
        if (count === null || count === last) return;
        last = count;
        onCount(count);
      },
    });
  api.inMeetingServiceListener('onUserJoin', refresh);
  api.inMeetingServiceListener('onUserLeave', refresh);
  return refresh;
}
