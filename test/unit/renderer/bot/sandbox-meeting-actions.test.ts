/// <reference types="node" />
/**
 * Chat and renaming in the bot page's sandbox meeting client, against the real embedded
 * sandbox: what the meeting's chat log and participant list show afterwards, and how the
 * sandbox's refusals (chat turned off, renaming not allowed, not joined yet) are sorted.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../../../../src/main/sandbox/sandbox-server';
import type { MeetingStatus } from '../../../../src/renderer/bot/meeting/meeting-client';
import { createSandboxMeetingClient } from '../../../../src/renderer/bot/meeting/sandbox-meeting-client';
import {
  accessToken,
  chatLog,
  createMeeting,
  mintZak,
  participants,
  sign,
} from '../../../support/sandbox-client';
import { NodeEventSource } from '../helpers/node-event-source';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  NodeEventSource.instances.length = 0;
});

/** A client in a fresh meeting made with `options`, joined (unless `join` is false). */
async function inMeeting(
  options: { chatDisabled?: boolean; allowRename?: boolean } = {},
  join = true,
) {
  const sandbox = await startSandbox({ port: 0 });
  cleanups.push(() => sandbox.close());
  const meeting = await createMeeting(sandbox, options);
  const client = createSandboxMeetingClient({
    sandboxUrl: sandbox.url,
    EventSource: NodeEventSource,
  });
  cleanups.push(() => NodeEventSource.instances.forEach((source) => source.close()));
  const statuses: MeetingStatus[] = [];
  client.onStatus((status) => statuses.push(status));
  if (join) {
    await client.join({
      signature: await sign(sandbox, meeting.meetingNumber),
      meetingNumber: meeting.meetingNumber,
      passcode: meeting.passcode,
      userName: 'Botdeck 1',
      zak: await mintZak(sandbox, await accessToken(sandbox)),
    });
    await vi.waitFor(() => expect(statuses.map((s) => s.status)).toContain('in_meeting'));
  }
  return { sandbox, meeting, client };
}

describe('the sandbox meeting client: chat and names', () => {
  it('says it in the meeting’s chat and renames itself, as its own participant', async () => {
    const { sandbox, meeting, client } = await inMeeting();
    expect(await client.sendChat('Hello')).toEqual({ ok: true });
    expect(await client.rename('Support Desk')).toEqual({ ok: true });
    expect(await client.sendChat('Still me')).toEqual({ ok: true });
    const said = await chatLog(sandbox, meeting.meetingNumber);
    expect(said.map((line) => `${line.displayName}: ${line.text}`)).toEqual([
      'Botdeck 1: Hello',
      'Support Desk: Still me',
    ]);
    expect((await participants(sandbox, meeting.meetingNumber))[0]?.displayName).toBe(
      'Support Desk',
    );
  });

  it('sorts the refusals: chat turned off, renaming not allowed, not joined yet', async () => {
    const { client } = await inMeeting({ chatDisabled: true, allowRename: false });
    expect(await client.sendChat('Anyone?')).toEqual({
      ok: false,
      refusal: 'chat_disabled',
      code: 1,
      message: "Can't send chat because Restrict chat",
    });
    expect(await client.rename('Other')).toMatchObject({
      ok: false,
      refusal: 'rename_not_allowed',
    });
    const early = await inMeeting({}, false);
    expect(await early.client.sendChat('Too early')).toMatchObject({
      ok: false,
      refusal: 'not_in_meeting',
    });
  });
});
