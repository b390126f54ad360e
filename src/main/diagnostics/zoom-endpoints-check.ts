/**
 * Can this machine reach Zoom? One request per endpoint Botdeck depends on, with no credentials
 * and a short deadline: any HTTP answer (401 and 404 included) proves the network path, TLS and
 * DNS work. A DNS, TLS or connection failure comes back at once as "could not reach …" with the
 * reason, so a firewalled machine learns it in seconds rather than at a customer's meeting.
 */
import {
  describeError,
  passed,
  problem,
  type CheckOutcome,
  type CheckSpec,
} from './diagnostic-check';

export interface ZoomEndpoint {
  id: string;
  title: string;
  url: string;
  /** What Botdeck uses it for, as a sentence. */
  purpose: string;
  required: boolean;
}

/** What Botdeck reaches at Zoom (the join info POST is the Meeting SDK's first request). */
export const ZOOM_ENDPOINTS: readonly ZoomEndpoint[] = [
  {
    id: 'zoom-api',
    title: "Zoom's REST API",
    url: 'https://api.zoom.us/v2/',
    purpose: 'Botdeck mints ZAKs and reads user profiles there.',
    required: true,
  },
  {
    id: 'zoom-oauth',
    title: "Zoom's OAuth",
    url: 'https://zoom.us/oauth/token',
    purpose: 'Stored accounts get their access tokens there.',
    required: true,
  },
  {
    id: 'zoom-web-sdk',
    title: "The Meeting SDK's join service",
    url: 'https://zoom.us/api/v1/wc/info',
    purpose: 'Every bot asks it first when joining a meeting.',
    required: true,
  },
  {
    id: 'zoom-sdk-cdn',
    title: "Zoom's SDK download site",
    url: 'https://source.zoom.us/',
    purpose: 'Botdeck serves its own copy of the Meeting SDK, so it does not need this host.',
    required: false,
  },
];

export interface ZoomEndpointsOptions {
  fetch: typeof fetch;
  /**
   * Sends every probe to this base URL instead of Zoom's hosts, keeping each endpoint's path
   * (the host's --zoom-base-url: a sandbox standing in for Zoom).
   */
  baseUrl?: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/** The endpoints, moved onto `baseUrl` when one is given. */
export function zoomEndpoints(baseUrl?: string): ZoomEndpoint[] {
  if (baseUrl === undefined) return [...ZOOM_ENDPOINTS];
  const base = baseUrl.replace(/\/+$/, '');
  return ZOOM_ENDPOINTS.map((endpoint) => {
    const url = new URL(endpoint.url);
    return { ...endpoint, url: `${base}${url.pathname}` };
  });
}

export function zoomEndpointChecks(options: ZoomEndpointsOptions): CheckSpec[] {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return zoomEndpoints(options.baseUrl).map((endpoint) => ({
    id: endpoint.id,
    title: endpoint.title,
    required: endpoint.required,
    // The request has its own deadline; the runner's is a backstop a little later.
    timeoutMs: timeoutMs + 1_000,
    run: () => probe(endpoint, options.fetch, timeoutMs),
  }));
}

async function probe(
  endpoint: ZoomEndpoint,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<CheckOutcome> {
  const host = new URL(endpoint.url).host;
  try {
    const response = await fetchImpl(endpoint.url, {
      method: 'HEAD',
      redirect: 'manual',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
    void response.body?.cancel();
    return passed(`Reached ${endpoint.url} (HTTP ${response.status}). ${endpoint.purpose}`);
  } catch (error) {
    const fix = endpoint.required
      ? `Botdeck needs HTTPS to ${host}: check this machine's network, and ask whoever runs the ` +
        `firewall or proxy to allow ${host} (port 443).`
      : `Nothing to do for Botdeck; allow ${host} only if other Zoom web apps here need it.`;
    return problem(
      `Could not reach ${endpoint.url}: ${whyUnreachable(error, timeoutMs)}. ${endpoint.purpose}`,
      fix,
    );
  }
}

/** Node's fetch hides the reason in `cause.code`; these are the ones operators meet. */
function whyUnreachable(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return timeoutMs < 1_000
      ? `no answer within ${timeoutMs} ms`
      : `no answer within ${Math.round(timeoutMs / 1000)} seconds`;
  }
  const cause = error instanceof Error ? error.cause : undefined;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'its name does not resolve (DNS)';
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET') return 'the connection was reset';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'there is no route to it';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'the connection timed out';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return `its TLS certificate is not trusted (${code}; a proxy inspecting HTTPS?)`;
  }
  const causeText = cause instanceof Error ? cause.message : '';
  return code || causeText || describeError(error);
}
