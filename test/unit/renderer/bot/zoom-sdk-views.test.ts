import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  readSdkView,
  watchSdkViews,
  type SdkViewReading,
} from '../../../../src/renderer/bot/meeting/zoom-sdk-views';
import { DISCLAIMER_WORDS } from '../../../../src/shared/zoom-errors';

/** A page whose elements are the selectors the test says it shows (any part of a selector list). */
function fakePage() {
  const shown = new Map<string, string>();
  const root = {
    querySelector: (selectors: string) => {
      const found = selectors
        .split(',')
        .map((one) => one.trim())
        .find((one) => shown.has(one));
      return found === undefined ? null : { textContent: shown.get(found) ?? '' };
    },
  } as unknown as ParentNode;
  return {
    root,
    show: (selector: string, text = '') => shown.set(selector, text),
    hide: (selector: string) => shown.delete(selector),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('reading the SDK views a join can stall in', () => {
  it('names the disclaimer in words that say Botdeck does not accept it', () => {
    const page = fakePage();
    page.show('.disclaimer_container');
    expect(readSdkView(page.root)).toEqual({
      name: 'waiting on a disclaimer',
      code: null,
      words: DISCLAIMER_WORDS,
    });
  });

  it('names the captcha view by what it asks', () => {
    const page = fakePage();
    page.show('#zmmtg-root .captcha-error-tip');
    expect(readSdkView(page.root)?.words).toBe(
      'The join stalled: Zoom is showing a captcha, which a bot cannot get past.',
    );
  });

  it('reads Zoom’s code from its join error dialog', () => {
    const page = fakePage();
    expect(readSdkView(page.root)).toBeNull();
    page.show('.dialog-reconnect-container__errorcode', ' 4011 ');
    expect(readSdkView(page.root)).toMatchObject({ code: 4011, words: null });
  });

  it('knows the full and locked dialogs by their labels', () => {
    const page = fakePage();
    page.show('[role="dialog"][aria-label="Meeting is full"]');
    expect(readSdkView(page.root)).toMatchObject({ code: 4005 });
    page.hide('[role="dialog"][aria-label="Meeting is full"]');
    page.show('[role="dialog"][aria-label="Meeting is locked"]');
    expect(readSdkView(page.root)).toMatchObject({ code: 4006 });
  });

  it('quotes any other dialog, briefly', () => {
    const page = fakePage();
    page.show(
      '.ReactModal__Content[role="dialog"]',
      `Unable to join this meeting ${'x'.repeat(400)}`,
    );
    const words = readSdkView(page.root)?.words ?? '';
    expect(words).toMatch(
      /^Zoom would not let the bot in and says: “Unable to join this meeting x+…”$/,
    );
    expect(words.length).toBeLessThan(200);
  });
});

describe('watching for a stall', () => {
  const watch = (page: ReturnType<typeof fakePage>, stalled: SdkViewReading[]) =>
    watchSdkViews({
      root: page.root,
      stallMs: 3_000,
      everyMs: 500,
      onStalled: (v) => stalled.push(v),
    });

  it('reports a view only once it has stayed, and only once', () => {
    const page = fakePage();
    const stalled: SdkViewReading[] = [];
    const running = watch(page, stalled);
    page.show('#zmmtg-root #login');
    vi.advanceTimersByTime(2_500);
    expect(stalled).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(stalled.map((view) => view.name)).toEqual(['showing its sign-in page']);
    vi.advanceTimersByTime(10_000);
    expect(stalled).toHaveLength(1);
    running.stop();
  });

  it('a view that goes away resets the clock; a stopped watch reports nothing', () => {
    const page = fakePage();
    const stalled: SdkViewReading[] = [];
    const running = watch(page, stalled);
    page.show('.disclaimer_container');
    vi.advanceTimersByTime(2_000);
    page.hide('.disclaimer_container');
    vi.advanceTimersByTime(1_000);
    page.show('.disclaimer_container');
    vi.advanceTimersByTime(2_000);
    expect(stalled).toEqual([]);
    running.stop();
    vi.advanceTimersByTime(10_000);
    expect(stalled).toEqual([]);
  });
});
