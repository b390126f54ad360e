/**
 * The sandbox meeting's chat and self-rename, over HTTP as a bot page and a test use them: what
 * was said is listed oldest first under the speaker's name at the time, a meeting whose host
 * turned chat off refuses it in the Web SDK's words, and renaming follows the meeting's option.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import {
  advanceClock,
  call,
  createMeeting,
  joinAsDemo,
  participants,
  sandboxNow,
  start,
} from '../../support/sandbox-client';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

const chat = (meetingNumber: string, participantId: string, body: unknown) =>
  call(sandbox, 'POST', `/sandbox/meetings/${meetingNumber}/participants/${participantId}/chat`, {
    body,
  });
const rename = (meetingNumber: string, participantId: string, displayName: unknown) =>
  call(sandbox, 'POST', `/sandbox/meetings/${meetingNumber}/participants/${participantId}/rename`, {
    body: { displayName },
  });
const chatLog = (meetingNumber: string) =>
  call(sandbox, 'GET', `/sandbox/meetings/${meetingNumber}/chat`);

describe('meeting chat', () => {
  it('lists every message oldest first with who said it and when', async () => {
    const meeting = await createMeeting(sandbox);
    const ada = await joinAsDemo(sandbox, meeting, 'Ada');
    const grace = await joinAsDemo(sandbox, meeting, 'Grace');
    const first = await chat(meeting.meetingNumber, ada.participantId, { text: ' Hello, all ' });
    expect(first.status).toBe(201);
    await advanceClock(sandbox, 5);
    await chat(meeting.meetingNumber, grace.participantId, { text: 'Hi Ada 👋' });

    const log = await chatLog(meeting.meetingNumber);
    expect(log.status).toBe(200);
    expect(log.body).toEqual([
      {
        participantId: ada.participantId,
        displayName: 'Ada',
        text: 'Hello, all',
        at: expect.any(String),
      },
      {
        participantId: grace.participantId,
        displayName: 'Grace',
        text: 'Hi Ada 👋',
        at: expect.any(String),
      },
    ]);
    const [a, b] = log.body as { at: string }[];
    expect(Date.parse(b?.at ?? '') - Date.parse(a?.at ?? '')).toBeGreaterThanOrEqual(5_000);
    expect(Math.abs(Date.parse(b?.at ?? '') - (await sandboxNow(sandbox)))).toBeLessThan(60_000);
  });

  it('refuses empty, over-long and multi-line messages, naming the rule', async () => {
    const meeting = await createMeeting(sandbox);
    const bot = await joinAsDemo(sandbox, meeting, 'Bot');
    const longest = '😀'.repeat(1024);
    expect((await chat(meeting.meetingNumber, bot.participantId, { text: longest })).status).toBe(
      201,
    );
    for (const [text, rule] of [
      ['   ', /needs some text/],
      ['x'.repeat(1025), /at most 1,024 characters/],
      ['two\nlines', /line breaks, tabs or other control characters/],
      ['nul\u0000', /control characters/],
      [42, /text/],
    ] as const) {
      const refused = await chat(meeting.meetingNumber, bot.participantId, { text });
      expect(refused.status, String(text)).toBe(400);
      expect(JSON.stringify(refused.body)).toMatch(rule);
    }
    expect(((await chatLog(meeting.meetingNumber)).body as unknown[]).length).toBe(1);
  });

  it('is refused as Zoom refuses it when the host turned chat off', async () => {
    const meeting = await createMeeting(sandbox, { chatDisabled: true });
    const bot = await joinAsDemo(sandbox, meeting, 'Bot');
    const refused = await chat(meeting.meetingNumber, bot.participantId, { text: 'Anyone?' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      errorCode: 1,
      message: "Can't send chat because Restrict chat",
    });
    expect((await chatLog(meeting.meetingNumber)).body).toEqual([]);
    const described = await call(sandbox, 'GET', `/sandbox/meetings/${meeting.meetingNumber}`);
    expect(described.body).toMatchObject({ chatDisabled: true, allowRename: true });
  });

  it('is not for strangers, the waiting room or meetings that ended', async () => {
    const meeting = await createMeeting(sandbox, { waitingRoom: true });
    const waiting = await joinAsDemo(sandbox, meeting, 'Waiting');
    const held = await chat(meeting.meetingNumber, waiting.participantId, { text: 'Let me in' });
    expect(held).toMatchObject({ status: 403, body: { errorCode: 3008 } });
    const stranger = await chat(meeting.meetingNumber, 'nobody', { text: 'Hi' });
    expect(stranger).toMatchObject({ status: 404, body: { errorCode: 200 } });
    await call(sandbox, 'DELETE', `/sandbox/meetings/${meeting.meetingNumber}`);
    expect((await chatLog(meeting.meetingNumber)).status).toBe(404);
    const late = await chat(meeting.meetingNumber, waiting.participantId, { text: 'Hi' });
    expect(late).toMatchObject({ status: 404, body: { errorCode: 3001 } });
  });
});

describe('renaming oneself', () => {
  it('changes the name everyone sees, and later chat lines carry it', async () => {
    const meeting = await createMeeting(sandbox);
    const bot = await joinAsDemo(sandbox, meeting, 'Before');
    await chat(meeting.meetingNumber, bot.participantId, { text: 'one' });
    const renamed = await rename(meeting.meetingNumber, bot.participantId, '  After  ');
    expect(renamed).toMatchObject({
      status: 200,
      body: { participantId: bot.participantId, displayName: 'After' },
    });
    await chat(meeting.meetingNumber, bot.participantId, { text: 'two' });
    expect((await participants(sandbox, meeting.meetingNumber)).map((p) => p.displayName)).toEqual([
      'After',
    ]);
    const log = (await chatLog(meeting.meetingNumber)).body as { displayName: string }[];
    expect(log.map((line) => line.displayName)).toEqual(['Before', 'After']);
  });

  it('is refused where the host does not allow it, and keeps the name', async () => {
    const meeting = await createMeeting(sandbox, { allowRename: false });
    const bot = await joinAsDemo(sandbox, meeting, 'Fixed');
    const refused = await rename(meeting.meetingNumber, bot.participantId, 'Other');
    expect(refused).toMatchObject({
      status: 403,
      body: {
        errorCode: 1,
        message: expect.stringMatching(/does not allow participants to rename/),
      },
    });
    expect((await participants(sandbox, meeting.meetingNumber))[0]?.displayName).toBe('Fixed');
  });

  it('takes the join’s name rules', async () => {
    const meeting = await createMeeting(sandbox);
    const bot = await joinAsDemo(sandbox, meeting, 'Bot');
    for (const name of ['', '   ', 'x'.repeat(65), null]) {
      expect((await rename(meeting.meetingNumber, bot.participantId, name)).status).toBe(400);
    }
    expect((await rename(meeting.meetingNumber, 'nobody', 'Name')).status).toBe(404);
  });
});
