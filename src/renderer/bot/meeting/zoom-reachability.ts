/**
 * Tells "Zoom could not be reached" apart from Zoom's own generic refusal.
 *
 * When the join request cannot reach Zoom at all (no network, a firewall, a proxy, or Zoom's
 * hosts blocked), Client View 6.2.0 still fails the join with `errorCode: 1` ("Fail to join the
 * meeting.") and logs a misleading hint about a captcha. Code 1 is also what Zoom itself
 * answers for unspecific refusals, so the code alone cannot say which happened.
 *
 * The page's Resource Timing entries can: the SDK talks to Zoom with CORS requests, and every
 * CORS request that got an HTTP answer carries its `responseStatus`; one that failed on the
 * network has status 0. If no request to a Zoom host got any answer since the join started,
 * the operator's problem is reaching Zoom, not the meeting.
 */

/** What the bot reports then (code null, so main shows these words instead of code 1's). */
export const COULD_NOT_REACH_ZOOM =
  'Could not reach Zoom — no Zoom server answered this bot. Check the network, firewall or proxy.';

/** The join error code the SDK reports for any failure it has no specific code for. */
export const GENERIC_JOIN_ERROR_CODE = 1;

export interface ZoomAnswerWatch {
  /** True when at least one request to a Zoom host got an HTTP answer since the watch began. */
  heardFromZoom(): boolean;
  stop(): void;
}

/** The part of a PerformanceResourceTiming entry that is read here. */
interface ResourceEntry {
  name: string;
  responseStatus?: number;
}

export function isZoomHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return ['zoom.us', 'zoomgov.com'].some((zone) => host === zone || host.endsWith(`.${zone}`));
}

function answeredByZoom(entry: ResourceEntry): boolean {
  let host: string;
  try {
    host = new URL(entry.name).hostname;
  } catch {
    return false;
  }
  return isZoomHost(host) && (entry.responseStatus ?? 0) > 0;
}

/** The browser's pieces the watch needs; tests pass stand-ins. */
export interface ResourceTimingApi {
  Observer: typeof PerformanceObserver | undefined;
  ResourceTiming: typeof PerformanceResourceTiming | undefined;
}

const browserApi = (): ResourceTimingApi => ({
  Observer: globalThis.PerformanceObserver,
  ResourceTiming: globalThis.PerformanceResourceTiming,
});

/**
 * Starts watching this page's requests. Where the browser offers no way to tell (no resource
 * entries or no `responseStatus`), it answers "heard" so nothing false is claimed.
 */
export function watchZoomAnswers(api: ResourceTimingApi = browserApi()): ZoomAnswerWatch {
  const { Observer, ResourceTiming } = api;
  if (
    !Observer?.supportedEntryTypes.includes('resource') ||
    !ResourceTiming ||
    !('responseStatus' in ResourceTiming.prototype)
  ) {
    return { heardFromZoom: () => true, stop: () => undefined };
  }
  let heard = false;
  const read = (entries: readonly ResourceEntry[]): void => {
    if (!heard) heard = entries.some(answeredByZoom);
  };
  const observer = new Observer((list) => read(list.getEntries() as ResourceEntry[]));
  observer.observe({ type: 'resource' });
  return {
    heardFromZoom() {
      // The entry of the request that just failed may not have been delivered yet.
      read(observer.takeRecords() as ResourceEntry[]);
      return heard;
    },
    stop: () => observer.disconnect(),
  };
}
