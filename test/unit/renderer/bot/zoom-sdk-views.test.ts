import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  KNOWN_SDK_VIEWS,
  errorDialogCode,
  visibleSdkView,
  watchSdkViews,
  type KnownSdkView,
} from '../../../../src/renderer/bot/meeting/zoom-sdk-views';
import { DISCLAIMER_WORDS } from '../../../../src/shared/zoom-errors';

/** A page whose elements are the selectors the test says it shows. */
function fakePage() {
  const shown = new Map<string, string>();
  const root = {
    querySelector: (selector: string) =>
      shown.has(selector) ? { textContent: shown.get(selector) ?? '' } : null,
  } as unknown as ParentNode;
  return {
    root,
    show: (selector: string, text = '') => shown.set(selector, text),
    hide: (selector: string) => shown.delete(selector),
  };
}

const view = (name: string): KnownSdkView => {
  const found = KNOWN_SDK_VIEWS.find((known) => known.name === name);
  if (!found) throw new Error(`no view ${name}`);
  return found;
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the SDK views a join can stall in', () => {
  it('names the disclaimer in words that say Botdeck does not accept it', () => {
    const page = fakePage();
    page.show('.disclaimer_container');
    expect(visibleSdkView(page.root)).toMatchObject({
      name: 'waiting on a disclaimer',
      words: DISCLAIMER_WORDS,
    });
  });

  it('names the captcha, sign-in and passcode views by what they ask', () => {
    const page = fakePage();
    page.show('#zmmtg-root .recaptcha-password-input');
    expect(visibleSdkView(page.root)?.words).toBe(
      'The join stalled: Zoom is showing a captcha, which a bot cannot get past.',
    );
  });

  it('reads Zoom’s code from its join error dialog', () => {
    const page = fakePage();
    expect(errorDialogCode(page.root)).toBeNull();
    page.show('.dialog-reconnect-container__errorcode', ' 4011 ');
    expect(errorDialogCode(page.root)).toBe(4011);
  });

  it('reports a view only once it has stayed, and only once', () => {
    const page = fakePage();
    const stalled: string[] = [];
    const watch = watchSdkViews({
      root: page.root,
      stallMs: 3_000,
      everyMs: 500,
      onStalled: (v) => stalled.push(v.name),
    });
    page.show('#zmmtg-root #login');
    vi.advanceTimersByTime(2_500);
    expect(stalled).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(stalled).toEqual([view('showing its sign-in page').name]);
    vi.advanceTimersByTime(10_000);
    expect(stalled).toHaveLength(1);
    watch.stop();
  });

  it('a view that goes away resets the clock; a stopped watch reports nothing', () => {
    const page = fakePage();
    const stalled: string[] = [];
    const watch = watchSdkViews({
      root: page.root,
      stallMs: 3_000,
      everyMs: 500,
      onStalled: (v) => stalled.push(v.name),
    });
    page.show('.disclaimer_container');
    vi.advanceTimersByTime(2_000);
    page.hide('.disclaimer_container');
    vi.advanceTimersByTime(1_000);
    page.show('.disclaimer_container');
    vi.advanceTimersByTime(2_000);
    expect(stalled).toEqual([]);
    watch.stop();
    vi.advanceTimersByTime(10_000);
    expect(stalled).toEqual([]);
  });
});
