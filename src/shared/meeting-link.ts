/**
 * Turns what an operator pastes (a Zoom join link, a deep link or a meeting number) into the
 * meeting number and passcode a bot joins with (docs/zoom.md, "Join links"). Shared by the
 * dashboard (for instant feedback) and main (which decides). Hosts are checked by exact suffix on
 * the parsed URL, never by substring, so `zoom.us.evil.com` or `evil.com/?zoom.us` are refused.
 */

/**
 * Which Zoom cloud a meeting lives on. Zoom for Government meetings (`*.zoomgov.com`) must be
 * joined against ZoomGov's web domain, not zoom.us (docs/zoom.md, "Join links").
 */
export const ZOOM_WEB_DOMAINS = ['zoom.us', 'zoomgov.com'] as const;
export type ZoomWebDomain = (typeof ZOOM_WEB_DOMAINS)[number];

export type MeetingInputResult =
  | { ok: true; meetingNumber: string; passcode: string; zoomDomain: ZoomWebDomain }
  | { ok: false; message: string };

/** Zoom meeting numbers have 9–11 digits (10 for personal meeting ids). */
const MIN_DIGITS = 9;
const MAX_DIGITS = 11;

/** Registrable domains Zoom serves join links from; any subdomain of these is accepted. */
const ZOOM_DOMAINS = ZOOM_WEB_DOMAINS;
const WEB_PROTOCOLS = new Set(['https:', 'http:']);
const DEEP_LINK_PROTOCOLS = new Set(['zoommtg:', 'zoomus:']);

const MESSAGES = {
  empty: 'Enter a meeting link or number.',
  notZoom:
    'That is not a Zoom link. Paste the meeting’s join link (https://…zoom.us/j/…) or its meeting number.',
  startLink:
    'That is a start link (/s/…), which only the host can use. Bots need the meeting’s join link (/j/…) or its meeting number.',
  vanity:
    'Personal (vanity) links like /my/name carry no meeting number. Open the link in a browser and paste the meeting number or the /j/ link it leads to.',
  noNumber:
    'This Zoom link has no meeting number. Paste the join link (…/j/NUMBER) or the meeting number.',
} as const;

/**
 * Parses a join link or meeting number. A non-empty `passcode` argument wins over the `pwd`
 * found in a link (operators type it when the link lacks one or carries an outdated one).
 */
export function parseMeetingInput(input: string, passcode?: string): MeetingInputResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: MESSAGES.empty };
  const explicitPasscode = passcode?.trim() ?? '';

  if (/^[\d\s-]+$/.test(text)) {
    const number = checkNumber(text.replace(/[\s-]/g, ''));
    // A bare number says nothing about the cloud: zoom.us, where nearly every meeting is.
    return number.ok
      ? { ok: true, meetingNumber: number.value, passcode: explicitPasscode, zoomDomain: 'zoom.us' }
      : number;
  }

  const url = parseUrl(text);
  const zoomDomain = url ? zoomDomainOf(url) : null;
  if (!url || !zoomDomain) return { ok: false, message: MESSAGES.notZoom };
  const found = meetingFromUrl(url);
  if (!found.ok) return found;
  const number = checkNumber(found.value);
  if (!number.ok) return number;
  // Trimmed like a typed passcode: Zoom passcodes never hold whitespace.
  const linkPasscode = (url.searchParams.get('pwd') ?? '').trim();
  return {
    ok: true,
    meetingNumber: number.value,
    passcode: explicitPasscode !== '' ? explicitPasscode : linkPasscode,
    zoomDomain,
  };
}

type Step = { ok: true; value: string } | { ok: false; message: string };

function checkNumber(digits: string): Step {
  if (!/^\d+$/.test(digits)) {
    return { ok: false, message: 'Meeting numbers contain only digits.' };
  }
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
    return {
      ok: false,
      message: `Meeting numbers have ${MIN_DIGITS} to ${MAX_DIGITS} digits; this one has ${digits.length}.`,
    };
  }
  return { ok: true, value: digits };
}

/** Parses with an https scheme assumed when the operator pasted "us02web.zoom.us/j/…". */
function parseUrl(text: string): URL | null {
  const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(text);
  try {
    return new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return null;
  }
}

/** The Zoom cloud a link points at, or null when it is not a Zoom link at all. */
function zoomDomainOf(url: URL): ZoomWebDomain | null {
  if (!WEB_PROTOCOLS.has(url.protocol) && !DEEP_LINK_PROTOCOLS.has(url.protocol)) return null;
  // Credentials in a link are never Zoom's; they are a classic way to disguise the real host.
  if (url.username !== '' || url.password !== '') return null;
  return zoomDomainOfHost(url.hostname);
}

/**
 * The Zoom domain a hostname is, or is a subdomain of: an exact suffix match on the parsed
 * name, so `zoom.us.evil.com` and `evilzoom.us` are not Zoom's.
 */
function zoomDomainOfHost(hostname: string): ZoomWebDomain | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return ZOOM_DOMAINS.find((domain) => host === domain || host.endsWith(`.${domain}`)) ?? null;
}

/** Whether a URL's hostname is one of Zoom's domains or a subdomain of one. */
export function isZoomHostname(hostname: string): boolean {
  return zoomDomainOfHost(hostname) !== null;
}

function meetingFromUrl(url: URL): Step {
  if (DEEP_LINK_PROTOCOLS.has(url.protocol)) {
    const confno = url.searchParams.get('confno');
    return confno ? { ok: true, value: confno.replace(/[\s-]/g, '') } : noNumber();
  }
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.toLowerCase());
  const [first, second, third] = segments;
  switch (first) {
    case 'j': // join link
    case 'w': // webinar link (the registrant token `tk` is not needed to find the number)
      return second ? { ok: true, value: second } : noNumber();
    case 's':
      return { ok: false, message: MESSAGES.startLink };
    case 'my':
      return { ok: false, message: MESSAGES.vanity };
    case 'wc':
      // Web client links: /wc/join/ID, /wc/ID/join (and /wc/ID/start, a host start link).
      if (second === 'join') return third ? { ok: true, value: third } : noNumber();
      if (third === 'start') return { ok: false, message: MESSAGES.startLink };
      return second ? { ok: true, value: second } : noNumber();
    default:
      return noNumber();
  }
}

function noNumber(): Step {
  return { ok: false, message: MESSAGES.noNumber };
}

/**
 * What of a meeting input is worth keeping for later (a preset, a recent meeting): the link
 * without its query and fragment, which carry the passcode (`pwd`) and personal tokens (`tk`),
 * or the meeting number as typed. Botdeck reads nothing else from a link; the passcode is kept
 * apart (sealed). A deep link keeps only its meeting number. Input that is not a meeting is
 * returned trimmed, unchanged.
 */
export function meetingWithoutPasscode(input: string): string {
  const text = input.trim();
  if (/^[\d\s-]+$/.test(text)) return text;
  const url = parseUrl(text);
  if (!url || !zoomDomainOf(url)) return text;
  if (DEEP_LINK_PROTOCOLS.has(url.protocol)) {
    const confno = url.searchParams.get('confno') ?? '';
    return `${url.protocol}//${url.host}${url.pathname}?confno=${encodeURIComponent(confno)}`;
  }
  return `${url.origin}${url.pathname}`;
}
