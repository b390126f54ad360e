/**
 * Tells "Zoom could not be reached" and "Zoom refused this page's origin" apart from Zoom's own
 * generic refusal.
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
 *
 * Status 0 has a second cause: Zoom answered, but its CORS headers refused the page's origin
 * (`app://botdeck`, say). To the SDK, and to Resource Timing, that looks exactly like no network.
 * `probeZoomAnswers` tells them apart with a request CORS does not judge (see there).
 */
import { isZoomHostname } from '../../../shared/meeting-link';

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

/** Zoom's hosts are those of its join links (src/shared/meeting-link.ts). */
export const isZoomHost = isZoomHostname;

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

/** The browser's pieces the probe needs; tests pass stand-ins. */
export interface ProbeApi {
  fetch(url: string, init: RequestInit): Promise<unknown>;
  Observer: typeof ReportingObserver | undefined;
  /** Resolves after `ms`, so the probe can wait for a report without spinning. */
  wait(ms: number): Promise<void>;
}

const browserProbeApi = (): ProbeApi => ({
  fetch: (url, init) => globalThis.fetch(url, init),
  Observer: globalThis.ReportingObserver,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

/** How long the probe waits for the browser's report of a blocked answer, and how often it looks. */
const REPORT_WAIT_MS = 1_500;
const REPORT_POLL_MS = 50;

/** The body of a COEP report, as Chromium files one ("corp": a response without CORP headers). */
interface CoepReportBody {
  type?: string;
  blockedURL?: string;
}

/**
 * Whether `url`'s host answers this page at all, whatever its CORS headers say: a `no-cors`
 * request, which CORS does not judge. It resolves (opaque) when an answer came and the page may
 * embed it; in a cross-origin isolated page (COEP `require-corp`) an answer without a
 * `Cross-Origin-Resource-Policy` header is blocked instead, and Chromium files a "coep" report
 * for it, which it files only for an answer that arrived. A request that never got an answer
 * rejects with no report. Checked in Chromium against a local TLS server standing in for Zoom:
 * a refused origin gives the report, a closed port gives none.
 */
export async function probeZoomAnswers(
  url: string,
  api: ProbeApi = browserProbeApi(),
): Promise<boolean> {
  const reports: CoepReportBody[] = [];
  const observer = api.Observer
    ? new api.Observer((found) => reports.push(...found.map(bodyOf)), {
        types: ['coep'],
        buffered: false,
      })
    : null;
  observer?.observe();
  try {
    await api.fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    const blocked = (): boolean => reports.some((report) => report.blockedURL === url);
    for (
      let waited = 0;
      !blocked() && observer && waited < REPORT_WAIT_MS;
      waited += REPORT_POLL_MS
    ) {
      await api.wait(REPORT_POLL_MS);
      reports.push(...observer.takeRecords().map(bodyOf));
    }
    return blocked();
  } finally {
    observer?.disconnect();
  }
}

function bodyOf(report: Report): CoepReportBody {
  // ReportBody is abstract in lib.dom; Chromium's report bodies serialise through toJSON.
  const body: unknown = (report.body as { toJSON?: () => unknown } | null)?.toJSON?.();
  return typeof body === 'object' && body !== null ? (body as CoepReportBody) : {};
}
