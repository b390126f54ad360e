/**
 * Operator-readable words for the Meeting SDK's join error codes
 * (docs/zoom.md, "Join error codes"). Shared so the dashboard and main describe a failure the same
 * way; main stores the result in the bot's `failure.message`. Each sentence says what happened and,
 * where there is one, what to do.
 */

const SIGN_IN_REQUIRED =
  'Sign-in required: this meeting admits only authenticated users, and Zoom did not accept this bot as signed in. Check that the account can mint ZAKs and that the bot joined with one.';
const MEETING_NOT_FOUND =
  'Zoom says this meeting does not exist — check the meeting number (it may also have been deleted).';
const ZAK_REJECTED =
  'Zoom rejected the bot’s sign-in token (ZAK). It may have expired or been revoked (e.g. “Sign me out from all devices”); a fresh one is minted on the next launch.';
const TOO_MANY_JOINS =
  'Zoom is limiting joins right now (API limit or too many joins in a short time). Wait a minute, then launch fewer bots at once.';
const SIGNATURE_INVALID =
  'Zoom rejected the join signature: it is malformed or was signed with the wrong Meeting SDK secret. Check the account’s Meeting SDK key and secret.';
const SDK_KEY_INVALID =
  'Zoom rejected the Meeting SDK key (wrong, deleted or disabled app). Check the account’s Meeting SDK credentials in the Zoom App Marketplace.';
const CAPTCHA_DEMANDED =
  'Zoom asks this bot to solve a captcha, which bots cannot: Zoom suspects automated joins from this network. Wait a while and launch fewer bots at once.';
const OBF_OR_ZAK_PROBLEM =
  'Zoom did not accept the bot’s sign-in token for this meeting (missing, invalid, or for a different user). Check the account’s service user.';

/** Every join code Botdeck knows, with its operator words. */
export const JOIN_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  1: 'The meeting could not be joined (Zoom gave no specific reason). Try again; if it repeats, check the meeting in the Zoom client.',
  200: 'The meeting could not be joined (Zoom gave no specific reason). Try again; if it repeats, check the meeting in the Zoom client.',
  3000: 'This bot window is already in another meeting, so it cannot join a second one.',
  3001: MEETING_NOT_FOUND,
  3610: MEETING_NOT_FOUND,
  3004: 'The meeting passcode is wrong — enter the passcode or paste the full join link.',
  3008: 'The meeting has not started yet; it is waiting for the host.',
  3009: 'Removed from the meeting by the host; Botdeck will not rejoin.',
  3082: 'Zoom asks this bot to sign in: the meeting admits only signed-in users of certain accounts or domains, and this account’s service user is not one of them.',
  3099: 'This meeting requires registration, which bots cannot complete. Ask the host to turn registration off or use a registrant link.',
  3110: CAPTCHA_DEMANDED,
  3113: CAPTCHA_DEMANDED,
  3129: 'The webinar’s practice session has not started and admits only panelists; Zoom asks the bot to wait, which Botdeck does not do. Launch again when the webinar starts.',
  3135: 'Zoom asks this bot for a webinar registrant token, which bots are not given. Ask the host to turn registration off.',
  3100: SIGN_IN_REQUIRED,
  3051: SIGN_IN_REQUIRED,
  3052: SIGN_IN_REQUIRED,
  6024: SIGN_IN_REQUIRED,
  3265: ZAK_REJECTED,
  3623: ZAK_REJECTED,
  3633: TOO_MANY_JOINS,
  3634: TOO_MANY_JOINS,
  3635: 'The bot could not download the Meeting SDK’s media files (WebAssembly). Check the network, then launch again.',
  3704: SDK_KEY_INVALID,
  3705: 'The join signature has expired. Check that this computer’s clock is correct, then launch again.',
  3706: 'The signature was made for a different meeting number — check the meeting number.',
  3707: SIGNATURE_INVALID,
  3708: 'The join signature carries a role Zoom does not accept for joining (bots join with role 0).',
  3709: SIGNATURE_INVALID,
  3710: SDK_KEY_INVALID,
  3711: SIGNATURE_INVALID,
  3712: SIGNATURE_INVALID,
  3713: SIGNATURE_INVALID,
  4004: 'The meeting has ended.',
  4005: 'The meeting is full; no more participants can join.',
  4006: 'The host has locked the meeting; nobody new can join.',
  4007: 'An information barrier policy prevents this account from joining the meeting.',
  4008: 'Zoom says this participant is already in the meeting.',
  4011: 'The Meeting SDK app is not published, so it may only join meetings of its own account. Use a meeting from this account or get the app approved by Zoom.',
  4012: 'This meeting does not allow anonymous joins; the bot must join signed in (with a ZAK).',
  4013: OBF_OR_ZAK_PROBLEM,
  4014: OBF_OR_ZAK_PROBLEM,
  4015: OBF_OR_ZAK_PROBLEM,
  4016: OBF_OR_ZAK_PROBLEM,
  4017: OBF_OR_ZAK_PROBLEM,
  4018: 'The user who authorized this bot’s token is not in the meeting, so Zoom will not admit the bot.',
  4019: OBF_OR_ZAK_PROBLEM,
  10000: 'The Meeting SDK version is too old for Zoom; Botdeck needs an update.',
};

/** Zoom's "sign-in required" join codes: the meeting did not accept the bot as signed in. */
export const SIGN_IN_REQUIRED_CODES: ReadonlySet<number> = new Set([3100, 3051, 3052, 6024]);

/**
 * A bot always joins with a ZAK minted moments before, so "sign-in required" for one of its joins
 * means Zoom no longer honours that ZAK: the user was signed out of all devices (which revokes
 * every ZAK minted before it; docs/zoom.md, "Observed ZAK semantics") or the ZAK was revoked
 * otherwise.
 */
export const ZAK_REFUSED_MESSAGE =
  'Zoom refused this account’s ZAK: someone signed the user out of all devices or the ZAK was revoked. Botdeck mints a new one at each join; if it keeps failing, check the user in Zoom.';

/**
 * The login and captcha answers: Zoom's first answer to a join sends the SDK to its own sign-in,
 * captcha, registration or waiting view, which a bot cannot get past, and the SDK then calls no
 * callback and emits no event (docs/zoom.md, "Traced in the SDK bundle"). The bot page
 * reads these codes from that answer and fails at once with the words above.
 */
export const LOGIN_VIEW_CODES: ReadonlySet<number> = new Set([
  3051, 3052, 3082, 3099, 3110, 3113, 3129, 3135, 6024,
]);

/**
 * What a bot page reports, in these words and with no code, when the SDK's own code would be
 * misleading: Zoom out of reach, the page's origin refused, Zoom's servers failing, or the join
 * stuck in one of the SDK's views. Kept here so the page and the tests share one wording.
 */
export const PAGE_FAILURE_WORDS = {
  couldNotReachZoom:
    'Could not reach Zoom — no Zoom server answered this bot. Check the network, firewall or proxy.',
  originRefused: (origin: string): string =>
    `Zoom refused this app’s origin (${origin}): its servers answered, but not to pages from here.` +
    // The desktop app can serve its bot pages from a loopback origin instead (see the README).
    (origin.startsWith('app:')
      ? ' Set "botPageOrigin": "loopback" in settings.json and restart Botdeck.'
      : ' This host already serves bot pages from a loopback origin.'),
  zoomServerError: (httpStatus: number): string =>
    `Zoom’s servers failed to answer the join (HTTP ${httpStatus}). Zoom may be having trouble; try again in a few minutes.`,
  closedWithoutReason:
    'Zoom ended the join without giving a reason (no code, no message). Try again; if it repeats, join the meeting from a browser to see why.',
  stalledIn: (view: string): string =>
    `The join stalled: Zoom is ${view}, which a bot cannot get past.`,
  /** A dialog of the SDK's with no code: its own words, shortened (they come from the page). */
  zoomSays: (text: string): string => {
    const said = text.replace(/\s+/g, ' ').trim();
    return `Zoom would not let the bot in and says: “${said.length > 140 ? `${said.slice(0, 140)}…` : said}”`;
  },
} as const;

/**
 * A meeting or account disclaimer waits for the participant to accept it. Accepting is the
 * operator's consent to give, about a meeting's terms (recording, monitoring), so Botdeck never
 * clicks it on anyone's behalf: the bot stops and says so.
 */
export const DISCLAIMER_WORDS =
  'The join stalled: Zoom is waiting on a disclaimer that each participant must accept. Botdeck does not accept terms on your behalf; join once yourself to read them.';

const SDK_MESSAGE_LIMIT = 200;

/**
 * Operator words for a join error. Unknown codes (or none) fall back to a sentence that carries
 * the code and the SDK's own message, so nothing the SDK said is lost.
 */
export function describeJoinError(code: number | null, sdkMessage?: string | null): string {
  const known = code === null ? undefined : JOIN_ERROR_MESSAGES[code];
  if (known !== undefined) return known;
  const said = cleanSdkMessage(sdkMessage);
  const codePart = code === null ? '' : ` (Zoom code ${code})`;
  return said
    ? `The meeting could not be joined${codePart}: ${said}`
    : `The meeting could not be joined${codePart}.`;
}

/** SDK messages are page-supplied: keep them to one short line. */
function cleanSdkMessage(message: string | null | undefined): string {
  if (!message) return '';
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > SDK_MESSAGE_LIMIT ? `${oneLine.slice(0, SDK_MESSAGE_LIMIT)}…` : oneLine;
}
