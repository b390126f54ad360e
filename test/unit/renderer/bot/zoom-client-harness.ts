/**
 * The real Zoom meeting client wired to the recording stand-in for `ZoomMtg`, with every
 * browser-facing part (Resource Timing, the origin probe, the SDK's views) replaced by a
 * stand-in the test drives, and short waits so tests settle quickly.
 */
import { expect } from 'vitest';
import type { MeetingStatus } from '../../../../src/renderer/bot/meeting/meeting-client';
import type { ZoomActionTimings } from '../../../../src/renderer/bot/meeting/zoom-meeting-actions';
import { createZoomMeetingClient } from '../../../../src/renderer/bot/meeting/zoom-meeting-client';
import type { ZoomWebDomain } from '../../../../src/shared/meeting-link';
import { createRecordingZoomMtg } from './recording-zoom-mtg';

export const ticket = {
  signature: 'header.payload.signature',
  meetingNumber: '85746065432',
  passcode: 'pw-123',
  userName: 'Support 1',
  zak: 'zak-secret-1',
};

export interface HarnessOptions {
  isolated?: boolean;
  /** Whether any request to a Zoom host got an HTTP answer (Resource Timing). */
  heardFromZoom?: boolean;
  /** What the origin probe finds: Zoom's host answered this page, CORS aside. */
  zoomAnswersProbe?: boolean;
  zoomDomain?: ZoomWebDomain;
  /** How long chat and rename calls wait on the SDK (short in tests). */
  actionTimings?: ZoomActionTimings;
}

export function setUp(options: HarnessOptions = {}) {
  const sdk = createRecordingZoomMtg();
  const watch = { heard: options.heardFromZoom ?? true, stopped: false };
  const probes: string[] = [];
  const client = createZoomMeetingClient({
    loadSdk: () => Promise.resolve(sdk),
    crossOriginIsolated: options.isolated ?? true,
    leaveUrl: '/bot/index.html#left',
    zoomDomain: options.zoomDomain ?? 'zoom.us',
    pageOrigin: 'app://botdeck',
    firstAnswers: sdk.firstAnswers,
    leaveTimeoutMs: 20,
    noCodeGraceMs: 20,
    watchZoomAnswers: () => ({
      heardFromZoom: () => watch.heard,
      stop: () => void (watch.stopped = true),
    }),
    probeZoomAnswers: (url) => {
      probes.push(url);
      return Promise.resolve(options.zoomAnswersProbe ?? false);
    },
    sdkViews: sdk.sdkViews,
    actionTimings: options.actionTimings ?? { answerMs: 200, confirmMs: 100, pollMs: 10 },
  });
  const statuses: MeetingStatus[] = [];
  client.onStatus((status) => statuses.push(status));
  const kinds = (): string[] => statuses.map((status) => status.status);
  return { sdk, client, statuses, kinds, watch, probes };
}

export type Harness = ReturnType<typeof setUp>;

/** Starts a join that stays pending, as while Zoom is still answering. */
export async function joinPending({ sdk, client }: Pick<Harness, 'sdk' | 'client'>) {
  sdk.joinAnswer = 'pending';
  const joined = client.join(ticket);
  // Keep an unsettled rejection from counting as unhandled while the test drives the SDK.
  joined.catch(() => undefined);
  await expect.poll(() => sdk.methods()).toContain('join');
  // Wrapped: an async function returning the promise itself would wait for it to settle.
  return { joined };
}

/** Joins and lets Zoom confirm it, as its success callback does. */
export async function joinConfirmed(harness: Pick<Harness, 'sdk' | 'client'>) {
  await harness.client.join(ticket);
}
