/**
 * The SDK's own views that wait for a person, recognised in the page, so a join stuck in one is
 * reported by name instead of running into the fleet's join timeout.
 *
 * Client View draws these into `#zmmtg-root` (6.2.0): the disclaimer of a meeting or account
 * (zoomus-websdk.umd.min.js, the disclaimer component rendered by `taskGetMeetingInfo` while
 * `meetingDisclaimerInfo.showDisclaimer` is set), the sign-in, passcode, captcha, registration and
 * "waiting" views of ui/zoomus-websdk-loginview.umd.min.js (`runLoginView`), and the error
 * dialog of the main client for a refused join, which shows Zoom's code in
 * `.dialog-reconnect-container__errorcode`. Selectors are the SDK's own class names and ids;
 * a new SDK version must be checked against them (docs/zoom.md, "Traced in the SDK bundle").
 */
import { DISCLAIMER_WORDS, PAGE_FAILURE_WORDS } from '../../../shared/zoom-errors';
import { readNumber } from './zoom-sdk-events';

export interface KnownSdkView {
  /** Where the join stands, in the words of "Zoom is …". */
  name: string;
  selector: string;
  /** What the bot reports when its join stalls here. */
  words: string;
}

export const KNOWN_SDK_VIEWS: readonly KnownSdkView[] = [
  { name: 'waiting on a disclaimer', selector: '.disclaimer_container', words: DISCLAIMER_WORDS },
  ...[
    ['showing a captcha', '#zmmtg-root .recaptcha-password-input'],
    ['asking for the meeting passcode', '#zmmtg-root #websdk-password'],
    ['showing its sign-in page', '#zmmtg-root #login'],
    ['asking for a webinar registrant token', '#zmmtg-root .tk_input'],
    ['showing its "waiting for the meeting to start" page', '#zmmtg-root .waiting-pannel'],
  ].map(([name, selector]) => ({
    name: name as string,
    selector: selector as string,
    words: PAGE_FAILURE_WORDS.stalledIn(name as string),
  })),
];

/** The SDK's error dialog for a refused join shows Zoom's code here. */
const ERROR_DIALOG_CODE = '.dialog-reconnect-container__errorcode';

/** The first known view the page shows, if any. */
export function visibleSdkView(root: ParentNode): KnownSdkView | null {
  return KNOWN_SDK_VIEWS.find((view) => root.querySelector(view.selector) !== null) ?? null;
}

/** The code in the SDK's join error dialog, if it shows one. */
export function errorDialogCode(root: ParentNode): number | null {
  const text = root.querySelector(ERROR_DIALOG_CODE)?.textContent ?? '';
  return readNumber(text.trim());
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
  onStalled(view: KnownSdkView): void;
}

/**
 * Looks at the page every `everyMs` while a join runs; reports the view once it has been showing
 * for `stallMs` without the join moving on. A view that goes away resets the clock.
 */
export function watchSdkViews(options: SdkViewWatchOptions): SdkViewWatch {
  let seen: { view: KnownSdkView; since: number } | null = null;
  let elapsed = 0;
  const timer = setInterval(() => {
    elapsed += options.everyMs;
    const view = visibleSdkView(options.root);
    if (view === null || view !== seen?.view) {
      seen = view && { view, since: elapsed };
      return;
    }
    if (elapsed - seen.since >= options.stallMs) {
      clearInterval(timer);
      options.onStalled(view);
    }
  }, options.everyMs);
  return { stop: () => clearInterval(timer) };
}
