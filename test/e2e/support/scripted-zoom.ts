/**
 * Zoom's side of a join, scripted at the network layer of one page, so the real Meeting SDK
 * (6.2.0) produces its own callbacks, events and views. What each answer holds follows what the
 * SDK's code reads (zoomus-websdk.umd.min.js; docs/zoom.md, "Scripted answers in the e2e"):
 *
 * 1. `POST https://zoom.us/api/v1/wc/info`, the first answer (`fetchWebSDKMeetingInfo`, `MT`):
 *    `{status, errorCode, errorMessage, result}`. A refusal is `status: false` with Zoom's code;
 *    an acceptance carries the meeting's `result`, of which the SDK parses a few fields without
 *    a guard (`toll_numbers_json`, `call_out_country_json`, `meetingOptions`, `encryptedRWC`),
 *    decodes `sign` as a JWT (Zoom echoes the signature), and uses `ts`, `auth` and the
 *    `encryptedRWC` hosts for the next step.
 * 2. `GET https://<rwc>/wc/ping/<meeting>`: the meeting's server is named by `rwg` (`OL`, `TL`).
 * 3. `wss://<rwg>/wc/api/<meeting>`: Zoom speaks first, WS_CONF_JOIN_RES (`evt` 4098) with `res`,
 *    0 for admitted, or a refusal that the SDK's handler `Xe` turns into its events and dialogs.
 *
 * Anything else sent to a Zoom host is answered 404, so it got an answer, as from Zoom.
 */
import type { Page, Request } from '@playwright/test';
import { isZoomUrl } from './zoom-bot-page';

export interface ZoomScript {
  /** HTTP status of the first answer; 200 unless given. */
  status?: number;
  /** Body of the first answer; an acceptance (`acceptedFirstAnswer`) unless given. */
  body?: unknown;
  /**
   * The origin the first answer allows by CORS. Playwright's fulfil allows the page's own unless
   * the answer names one, so a refusal of the page's origin is an answer that allows another.
   */
  allowOrigin?: string;
  /** The meeting server's answer to the join (WS_CONF_JOIN_RES `res`): 0 admits the bot. */
  joinRes?: number;
}

export const RWC_HOST = 'rwcsj1.cloud.zoom.us';
export const RWG_HOST = 'rwgsj1.cloud.zoom.us';

/** Zoom accepting the join request for the meeting; `sign` is the caller's signature. */
export function acceptedFirstAnswer(sign: string, extra: Record<string, unknown> = {}): unknown {
  return {
    status: true,
    errorCode: 0,
    errorMessage: null,
    result: {
      mid: 'e2eMeetingUuid==',
      ts: 1_700_000_000_000,
      auth: 'e2e-auth',
      sign,
      toll_numbers_json: '[]',
      call_out_country_json: '[]',
      meetingOptions: '{}',
      encryptedRWC: JSON.stringify({ [RWC_HOST]: 'e2e-rwc-token' }),
      meetingTopic: 'Scripted meeting',
      isWebinar: 0,
      ...extra,
    },
  };
}

/** Zoom refusing the join request with `errorCode`. */
export const refusedFirstAnswer = (errorCode: number, errorMessage: string): unknown => ({
  status: false,
  errorCode,
  errorMessage,
});

export interface ZoomTraffic {
  /** Every request the page sent to a Zoom host. */
  requests: Request[];
  /** Meeting-server sockets the page opened. */
  sockets: string[];
}

export async function scriptZoom(page: Page, script: ZoomScript): Promise<ZoomTraffic> {
  const traffic: ZoomTraffic = { requests: [], sockets: [] };
  await page.route(isZoomUrl, async (route) => {
    const request = route.request();
    traffic.requests.push(request);
    const url = new URL(request.url());
    if (url.pathname === '/api/v1/wc/info' && request.method() === 'POST') {
      const signature = new URLSearchParams(request.postData() ?? '').get('signature') ?? '';
      return route.fulfill({
        status: script.status ?? 200,
        contentType: 'application/json',
        headers: script.allowOrigin ? { 'access-control-allow-origin': script.allowOrigin } : {},
        body: JSON.stringify(script.body ?? acceptedFirstAnswer(signature)),
      });
    }
    if (url.hostname === RWC_HOST && url.pathname.startsWith('/wc/ping/')) {
      return route.fulfill({ json: { rwg: RWG_HOST, rwcAuth: 'e2e-rwc-auth' } });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.routeWebSocket(isZoomUrl, (socket) => {
    traffic.sockets.push(socket.url());
    if (script.joinRes === undefined || new URL(socket.url()).hostname !== RWG_HOST) {
      return socket.close({ code: 1008, reason: 'Not scripted' });
    }
    const body =
      script.joinRes === 0
        ? { res: 0, userID: 16778240, participantID: 1, zoomID: 'e2e', role: 0, svcUrl: RWG_HOST }
        : { res: script.joinRes };
    socket.send(JSON.stringify({ evt: 4098, body, seq: 1 }));
  });
  return traffic;
}
