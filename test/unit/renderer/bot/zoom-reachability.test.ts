import { describe, expect, it } from 'vitest';
import {
  isZoomHost,
  probeZoomAnswers,
  watchZoomAnswers,
  type ProbeApi,
  type ResourceTimingApi,
} from '../../../../src/renderer/bot/meeting/zoom-reachability';

interface Entry {
  name: string;
  responseStatus?: number;
}

/** A PerformanceObserver stand-in: the test queues entries or delivers them to the callback. */
function fakeTimingApi(options: { responseStatus?: boolean } = {}) {
  const state = {
    pending: [] as Entry[],
    deliver: (_entries: Entry[]): void => undefined,
    disconnected: false,
  };
  class FakeObserver {
    static supportedEntryTypes = ['mark', 'resource'];
    constructor(callback: (list: { getEntries(): Entry[] }) => void) {
      state.deliver = (entries) => callback({ getEntries: () => entries });
    }
    observe(): void {}
    takeRecords(): Entry[] {
      return state.pending.splice(0);
    }
    disconnect(): void {
      state.disconnected = true;
    }
  }
  // Only its prototype is read: does this browser's resource timing carry `responseStatus`?
  const FakeResourceTiming = { prototype: {} };
  if (options.responseStatus ?? true) {
    Object.defineProperty(FakeResourceTiming.prototype, 'responseStatus', { get: () => 0 });
  }
  const api = {
    Observer: FakeObserver,
    ResourceTiming: FakeResourceTiming,
  } as unknown as ResourceTimingApi;
  return { api, state };
}

describe('whether Zoom answered this bot', () => {
  it('has not heard from Zoom when its requests failed on the network (status 0)', () => {
    const { api, state } = fakeTimingApi();
    const watch = watchZoomAnswers(api);
    state.pending.push({ name: 'https://zoom.us/api/v1/wc/info', responseStatus: 0 });
    state.pending.push({
      name: 'http://127.0.0.1:5173/zoom-sdk/lib/av/tp.min.js',
      responseStatus: 200,
    });
    expect(watch.heardFromZoom()).toBe(false);
    watch.stop();
    expect(state.disconnected).toBe(true);
  });

  it('has heard from Zoom once any Zoom host answered with an HTTP status', () => {
    const { api, state } = fakeTimingApi();
    const watch = watchZoomAnswers(api);
    state.deliver([{ name: 'https://us02web.zoom.us/wc/ping', responseStatus: 403 }]);
    expect(watch.heardFromZoom()).toBe(true);
  });

  it('reads entries not yet delivered when asked', () => {
    const { api, state } = fakeTimingApi();
    const watch = watchZoomAnswers(api);
    state.pending.push({ name: 'https://zoom.us/api/v1/wc/info', responseStatus: 200 });
    expect(watch.heardFromZoom()).toBe(true);
  });

  it('claims nothing where the browser cannot tell', () => {
    expect(watchZoomAnswers(fakeTimingApi({ responseStatus: false }).api).heardFromZoom()).toBe(
      true,
    );
    expect(
      watchZoomAnswers({ Observer: undefined, ResourceTiming: undefined }).heardFromZoom(),
    ).toBe(true);
  });

  it.each([
    ['zoom.us', true],
    ['us02web.zoom.us', true],
    ['ZOOM.US', true],
    ['www.zoomgov.com', true],
    ['evilzoom.us', false],
    ['zoom.us.example.com', false],
    ['127.0.0.1', false],
  ])('%s is a Zoom host: %s', (host, expected) => {
    expect(isZoomHost(host)).toBe(expected);
  });
});

/** A ReportingObserver stand-in: the browser files COEP reports into it when the test says. */
function fakeProbeApi(outcome: 'opaque' | 'blocked-with-report' | 'no-answer') {
  const url = 'https://zoom.us/api/v1/wc/info';
  const queued: { body: { toJSON(): unknown } }[] = [];
  let disconnected = false;
  let waits = 0;
  class FakeReportingObserver {
    observe(): void {}
    takeRecords() {
      return queued.splice(0);
    }
    disconnect(): void {
      disconnected = true;
    }
  }
  const api: ProbeApi = {
    Observer: FakeReportingObserver as unknown as typeof ReportingObserver,
    fetch: (_url, init) => {
      expect(init).toMatchObject({ mode: 'no-cors', credentials: 'omit' });
      if (outcome === 'opaque') return Promise.resolve({ type: 'opaque' });
      return Promise.reject(new TypeError('Failed to fetch'));
    },
    // The probe's clock: no real time passes. Chromium files the report a moment after the
    // request fails, so it is there once the probe has waited once.
    wait: () => {
      waits++;
      if (outcome === 'blocked-with-report' && waits === 1) {
        queued.push({ body: { toJSON: () => ({ type: 'corp', blockedURL: url }) } });
      }
      return Promise.resolve();
    },
  };
  return { api, url, state: { disconnected: () => disconnected, waits: () => waits } };
}

describe('whether Zoom’s host answers this page at all, CORS aside', () => {
  it('an opaque answer is an answer', async () => {
    const { api, url, state } = fakeProbeApi('opaque');
    await expect(probeZoomAnswers(url, api)).resolves.toBe(true);
    expect(state.disconnected()).toBe(true);
  });

  it('an answer blocked for lacking CORP headers is an answer: the browser reports it', async () => {
    const { api, url } = fakeProbeApi('blocked-with-report');
    await expect(probeZoomAnswers(url, api)).resolves.toBe(true);
  });

  it('a request with no answer and no report is no answer, after a bounded wait', async () => {
    const { api, url, state } = fakeProbeApi('no-answer');
    await expect(probeZoomAnswers(url, api)).resolves.toBe(false);
    expect(state.waits()).toBe(30);
  });

  it('without ReportingObserver, only an opaque answer counts', async () => {
    const { api, url } = fakeProbeApi('blocked-with-report');
    await expect(probeZoomAnswers(url, { ...api, Observer: undefined })).resolves.toBe(false);
  });
});
