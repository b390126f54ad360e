/**
 * Sandbox mode's meeting maker: asks the embedded sandbox for a new authenticated-only meeting
 * so an operator (or a demo) has somewhere to launch bots without a Zoom account.
 */
import { z } from 'zod';
import { fail, ok, type Result, type SandboxMeeting } from '../../shared/ipc-contract';

const CreatedMeetingSchema = z.object({
  meetingNumber: z.string().regex(/^\d{9,11}$/),
  passcode: z.string(),
});

export type CreateSandboxMeeting = () => Promise<Result<SandboxMeeting>>;

export function sandboxMeetingMaker(
  sandboxUrl: string,
  fetchImpl: typeof fetch,
): CreateSandboxMeeting {
  return async () => {
    let body: unknown;
    try {
      const response = await fetchImpl(`${sandboxUrl}/sandbox/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ requireAuth: true }),
      });
      if (!response.ok) {
        return fail(
          'sandbox',
          `The sandbox refused to create a meeting (HTTP ${response.status}).`,
        );
      }
      body = await response.json();
    } catch {
      return fail('sandbox', 'The Zoom sandbox is not answering; restart Botdeck.');
    }
    const meeting = CreatedMeetingSchema.safeParse(body);
    if (!meeting.success) return fail('sandbox', 'The sandbox answered in an unexpected shape.');
    const { meetingNumber, passcode } = meeting.data;
    const query = passcode ? `?pwd=${encodeURIComponent(passcode)}` : '';
    return ok({ meetingNumber, passcode, joinUrl: `https://zoom.us/j/${meetingNumber}${query}` });
  };
}

/** Zoom mode has no sandbox to ask. */
export const noSandboxMeetings: CreateSandboxMeeting = async () =>
  fail('not_sandbox', 'Sandbox meetings exist only in sandbox mode.');
