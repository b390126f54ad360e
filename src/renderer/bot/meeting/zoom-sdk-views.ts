/**
 * The SDK's own views that wait for a person, recognised in the page, so a join stuck in one is
 * reported by name (and with Zoom's code when the view shows one) instead of running into the
 * fleet's join timeout.
 *
 * Client View draws these into the page (6.2.0, seen in Chromium against scripted answers, see
 * test/e2e/zoom-sdk-answers.spec.ts): the disclaimer of a meeting or account
 * (zoomus-websdk.umd.min.js, the disclaimer component `taskGetMeetingInfo` renders while
 * `meetingDisclaimerInfo.showDisclaimer` is set); the sign-in, passcode, captcha and registration
 * views of ui/zoomus-websdk-loginview.umd.min.js (`runLoginView`); and the dialogs of the main
 * client for a join the meeting server refused (`Xe`, WS_CONF_JOIN_RES): one that shows Zoom's
 * code in `.dialog-reconnect-container__errorcode`, and named ones ("Meeting is full",
 * "Meeting is locked", "Unable to join this meeting") that show only words. Selectors are the
 * SDK's own class names, ids and labels; a new SDK version must be checked against them
 * (docs/zoom.md, "Traced in the SDK bundle").
 */
import { DISCLAIMER_WORDS, PAGE_FAILURE_WORDS } from '../../../shared/zoom-errors';
import { readNumber } from './zoom-sdk-events';

/** What a view says about the join: where it stands, and Zoom's code or words for it. */
export interface SdkViewReading {
  /** In the words of "Zoom is …". */
  name: string;
  code: number | null;
  /** Operator words, when the code alone does not say it (null: main words the code). */
  words: string | null;
}

interface KnownSdkView {
  name: string;
  selector: string;
  read(element: Element, name: string): Omit<SdkViewReading, 'name'>;
}

const stalled = (_element: Element, name: string) => ({
  code: null,
  words: PAGE_FAILURE_WORDS.stalledIn(name),
});
const coded = (code: number) => () => ({ code, words: null });

/** In order: the first one the page shows is the one reported. */
const KNOWN_SDK_VIEWS: readonly KnownSdkView[] = [
  {
    name: 'waiting on a disclaimer',
    selector: '.disclaimer_container',
    read: () => ({ code: null, words: DISCLAIMER_WORDS }),
  },
  {
    name: 'showing its join error',
    selector: '.dialog-reconnect-container__errorcode',
    read: (element) => ({ code: readNumber(element.textContent?.trim()), words: null }),
  },
  {
    name: 'saying the meeting is full',
    selector: '[role="dialog"][aria-label="Meeting is full"]',
    read: coded(4005),
  },
  {
    name: 'saying the meeting is locked',
    selector: '[role="dialog"][aria-label="Meeting is locked"]',
    read: coded(4006),
  },
  {
    name: 'showing a captcha',
    selector: '#zmmtg-root .captcha-error-tip, #zmmtg-root .recaptcha-password-input',
    read: stalled,
  },
  {
    name: 'asking for the meeting passcode',
    selector: '#zmmtg-root #websdk-password',
    read: stalled,
  },
  { name: 'showing its sign-in page', selector: '#zmmtg-root #login', read: stalled },
  {
    name: 'asking for a webinar registrant token',
    selector: '#zmmtg-root .tk_input',
    read: stalled,
  },
  {
    name: 'showing a dialog',
    selector: '.ReactModal__Content[role="dialog"]',
    read: (element) => ({
      code: null,
      words: PAGE_FAILURE_WORDS.zoomSays(element.textContent ?? ''),
    }),
  },
];

/** The first known view the page shows, read; null when it shows none. */
export function readSdkView(root: ParentNode): SdkViewReading | null {
  for (const view of KNOWN_SDK_VIEWS) {
    const element = root.querySelector(view.selector);
    if (element) return { name: view.name, ...view.read(element, view.name) };
  }
  return null;
}

export interface SdkViewWatch {
  stop(): void;
}

export interface SdkViewWatchOptions {
  root: ParentNode;
  /** How long a known view must stay before the join counts as stalled in it. */
  stallMs: number;
  /** How often the page is looked at. */
  everyMs: number;
  onStalled(view: SdkViewReading): void;
}

/**
 * Looks at the page every `everyMs` while a join runs; reports the view once it has been showing
 * for `stallMs` without the join moving on. A view that goes away resets the clock.
 */
export function watchSdkViews(options: SdkViewWatchOptions): SdkViewWatch {
  let seen: { name: string; since: number } | null = null;
  let elapsed = 0;
  const timer = setInterval(() => {
    elapsed += options.everyMs;
    const view = readSdkView(options.root);
    if (view === null || view.name !== seen?.name) {
      seen = view && { name: view.name, since: elapsed };
      return;
    }
    if (elapsed - seen.since >= options.stallMs) {
      clearInterval(timer);
      options.onStalled(view);
    }
  }, options.everyMs);
  return { stop: () => clearInterval(timer) };
}
