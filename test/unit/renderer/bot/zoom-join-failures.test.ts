import { describe, expect, it } from 'vitest';
import {
  MeetingJoinError,
  type MeetingStatus,
} from '../../../../src/renderer/bot/meeting/meeting-client';
import { createZoomMeetingClient } from '../../../../src/renderer/bot/meeting/zoom-meeting-client';
import { describeJoinError, PAGE_FAILURE_WORDS } from '../../../../src/shared/zoom-errors';
import { createRecordingZoomMtg } from './recording-zoom-mtg';
import { setUp, ticket } from './zoom-client-harness';

/** What the SDK's error callback gets when no first answer could be used (code 1). */
const NO_USABLE_ANSWER = { errorCode: 1, errorMessage: 'Fail to join the meeting.' };

describe('the Zoom meeting client: join failures carry Zoom’s code', () => {
  it.each([3706, 3100, 3712, 3705, 3008, 4011, 3610, 3004])(
    'join error %i: reported as failed with that code and rejected with it',
    async (code) => {
      const { sdk, client, statuses, kinds } = setUp();
      sdk.joinAnswer = {
        error: { method: 'join', status: false, errorCode: code, errorMessage: 'sdk words' },
      };

      const joined = client.join(ticket);
      await expect(joined).rejects.toBeInstanceOf(MeetingJoinError);
      await expect(joined).rejects.toMatchObject({ code });
      expect(kinds()).toEqual(['connecting', 'failed']);
      expect(statuses[1]).toMatchObject({ status: 'failed', code, message: 'sdk words' });
      // Main words it from the code alone, e.g. 3706 as a wrong meeting number.
      expect(describeJoinError(code, 'sdk words')).not.toContain('sdk words');
    },
  );

  it('an init error fails with its code and never joins', async () => {
    const { sdk, client, kinds } = setUp();
    sdk.initAnswer = { error: { errorCode: 3635, errorMessage: 'wasm download failed' } };
    await expect(client.join(ticket)).rejects.toMatchObject({ code: 3635 });
    expect(kinds()).toEqual(['connecting', 'failed']);
    expect(sdk.methods()).not.toContain('join');
  });

  it('an SDK that cannot load fails without a code, in words that say so', async () => {
    const sdk = createRecordingZoomMtg();
    const statuses: MeetingStatus[] = [];
    const client = createZoomMeetingClient({
      loadSdk: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
      crossOriginIsolated: true,
      leaveUrl: '/bot/index.html#left',
      zoomDomain: 'zoom.us',
      pageOrigin: 'app://botdeck',
      firstAnswers: sdk.firstAnswers,
    });
    client.onStatus((status) => statuses.push(status));
    await expect(client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(statuses[1]?.message).toMatch(/could not load Zoom's Meeting SDK/);
  });
});

describe('code 1 says which of three things went wrong', () => {
  it('no answer from any Zoom server, and none to a probe either: could not reach Zoom', async () => {
    const { sdk, client, statuses, watch, probes } = setUp({
      heardFromZoom: false,
      zoomAnswersProbe: false,
    });
    sdk.joinAnswer = { error: NO_USABLE_ANSWER };
    sdk.answerJoin({ httpStatus: 0, accepted: null, errorCode: null });

    await expect(client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(statuses[1]).toEqual({
      status: 'failed',
      code: null,
      message: PAGE_FAILURE_WORDS.couldNotReachZoom,
    });
    expect(probes).toEqual(['https://zoom.us/api/v1/wc/info']);
    expect(watch.stopped).toBe(true);
  });

  it('Zoom answers a probe but the join got nothing: Zoom refused this page’s origin', async () => {
    const { sdk, client, statuses } = setUp({ heardFromZoom: false, zoomAnswersProbe: true });
    sdk.joinAnswer = { error: NO_USABLE_ANSWER };
    sdk.answerJoin({ httpStatus: 0, accepted: null, errorCode: null });

    await expect(client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(statuses[1]?.message).toBe(PAGE_FAILURE_WORDS.originRefused('app://botdeck'));
    expect(describeJoinError(null, statuses[1]?.message)).toContain(
      'Zoom refused this app’s origin (app://botdeck)',
    );
  });

  it('the probe goes to the meeting’s own Zoom cloud', async () => {
    const { sdk, client, probes } = setUp({ heardFromZoom: false, zoomDomain: 'zoomgov.com' });
    sdk.joinAnswer = { error: NO_USABLE_ANSWER };
    await expect(client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(probes).toEqual(['https://www.zoomgov.com/api/v1/wc/info']);
  });

  it('a 5xx first answer (the SDK’s JSONP retry is blocked) reads as Zoom’s servers failing', async () => {
    const { sdk, client, statuses, probes } = setUp({ heardFromZoom: true });
    sdk.joinAnswer = { error: NO_USABLE_ANSWER };
    sdk.answerJoin({ httpStatus: 503, accepted: null, errorCode: null });

    await expect(client.join(ticket)).rejects.toMatchObject({ code: null });
    expect(statuses[1]?.message).toBe(PAGE_FAILURE_WORDS.zoomServerError(503));
    expect(probes).toEqual([]);
  });

  it('code 1 after Zoom did answer stays code 1, with no probe', async () => {
    const { sdk, client, statuses, probes } = setUp({ heardFromZoom: true });
    sdk.joinAnswer = { error: NO_USABLE_ANSWER };
    await expect(client.join(ticket)).rejects.toMatchObject({ code: 1 });
    expect(statuses[1]).toMatchObject({ status: 'failed', code: 1 });
    expect(probes).toEqual([]);
  });
});
