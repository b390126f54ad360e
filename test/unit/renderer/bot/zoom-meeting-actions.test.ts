/**
 * Chat and renaming in the Zoom meeting client, against the recording stand-in for the Meeting
 * SDK's Client View: what reaches `ZoomMtg.sendChat`, `getCurrentUser` and `rename` (in the
 * shapes the SDK's own typings declare), and how the SDK's answers and refusals come back.
 */
import { describe, expect, it } from 'vitest';
import { joinConfirmed, setUp } from './zoom-client-harness';

async function joined() {
  const harness = setUp();
  await joinConfirmed(harness);
  return harness;
}

describe('the Zoom meeting client: chat', () => {
  it('sends to everyone through ZoomMtg.sendChat (no userId) and reports it sent', async () => {
    const { sdk, client } = await joined();
    expect(await client.sendChat('Hello, everyone')).toEqual({ ok: true });
    expect(sdk.calls.filter((call) => call.method === 'sendChat')).toEqual([
      { method: 'sendChat', args: { message: 'Hello, everyone' } },
    ]);
    expect(sdk.chat).toEqual(['Hello, everyone']);
  });

  it('sorts the SDK’s refusals: chat turned off, not in the meeting, too fast', async () => {
    const { sdk, client } = await joined();
    const cases = [
      [{ errorCode: 1, errorMessage: "Can't send chat because Restrict chat" }, 'chat_disabled'],
      [{ errorCode: 1, errorMessage: 'SEND_CHAT_WARNING.NO_PRIVILEGE' }, 'chat_disabled'],
      [{ errorCode: 3008, errorMessage: 'Please join meeting first!' }, 'not_in_meeting'],
      [{ errorCode: 3633, errorMessage: '' }, 'rate_limited'],
      [{ errorCode: 1, errorMessage: 'Message cant be empty' }, 'other'],
    ] as const;
    for (const [error, refusal] of cases) {
      sdk.chatAnswer = { error: { method: 'sendChat', status: false, result: null, ...error } };
      expect(await client.sendChat('Hi'), error.errorMessage).toMatchObject({ ok: false, refusal });
    }
    expect(sdk.chat).toEqual([]);
  });

  it('says so when the SDK never calls back, and before the SDK is there at all', async () => {
    const { sdk, client } = await joined();
    sdk.chatAnswer = 'pending';
    expect(await client.sendChat('Hi')).toMatchObject({
      ok: false,
      refusal: 'other',
      message: 'The Meeting SDK did not answer.',
    });
    // Before any join the SDK is not even loaded.
    const fresh = setUp().client;
    expect(await fresh.sendChat('Hi')).toMatchObject({ ok: false, refusal: 'not_in_meeting' });
  });
});

describe('the Zoom meeting client: renaming itself', () => {
  it('renames with its own user id and name, and counts it once Zoom shows the new name', async () => {
    const { sdk, client } = await joined();
    expect(await client.rename('Support Desk')).toEqual({ ok: true });
    expect(sdk.calls.find((call) => call.method === 'rename')?.args).toEqual({
      userId: 16778240,
      oldName: 'Botdeck 1',
      newName: 'Support Desk',
    });
    expect(sdk.currentUser?.userName).toBe('Support Desk');
  });

  it('reads a rename Zoom never applies as one the meeting does not allow', async () => {
    const { sdk, client } = await joined();
    sdk.renameAllowed = false;
    expect(await client.rename('Support Desk')).toMatchObject({
      ok: false,
      refusal: 'rename_not_allowed',
    });
    expect(sdk.currentUser?.userName).toBe('Botdeck 1');
  });

  it('is not in the meeting when the SDK knows no current user; passes on the SDK’s error', async () => {
    const { sdk, client } = await joined();
    sdk.renameAnswer = { error: { errorCode: 3633, errorMessage: 'Frequent call' } };
    expect(await client.rename('Again')).toMatchObject({ ok: false, refusal: 'rate_limited' });
    sdk.currentUser = null;
    expect(await client.rename('Again')).toMatchObject({ ok: false, refusal: 'not_in_meeting' });
  });
});
