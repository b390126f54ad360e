/**
 * The header's live load: bots by state from the store, and the memory main measures, polled
 * every few seconds while the header is on screen and no longer once it is gone.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectFleetSummary } from '../../../../src/renderer/dashboard/components/bot-states';
import { LoadSummary } from '../../../../src/renderer/dashboard/components/load-summary';
import { createAppStore, type AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { LOAD_POLL_MS } from '../../../../src/renderer/dashboard/store/capacity-slice';
import { StoreProvider } from '../../../../src/renderer/dashboard/store/store-context';
import { BOT_STATES, ok, type MachineLoad } from '../../../../src/shared/ipc-contract';
import { makeBot } from '../../../support/bot-view';
import { createFakeDashboard } from '../helpers/fake-dashboard-api';

afterEach(() => {
  vi.useRealTimers();
});

function render(store: AppStore): string {
  const current: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    createElement(StoreProvider, { store: current, children: createElement(LoadSummary) }),
  );
}

const text = (html: string, testId: string): string =>
  new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? '';

const load = (patch: Partial<MachineLoad>): MachineLoad => ({
  botMB: 340,
  botMeasure: 'pss',
  freeMB: 5_300,
  freeAssumed: false,
  at: 0,
  ...patch,
});

describe('the header’s live load', () => {
  it('counts a thousand bots by state and says memory is being measured until main answers', () => {
    const fake = createFakeDashboard();
    const store = createAppStore({ api: fake.api });
    // 1,000 bots cycling through the nine states: 112 queued, 111 of each other.
    store.getState().applyBotsChanged({
      bots: Array.from({ length: 1_000 }, (_, index) =>
        makeBot({ id: `b${index}`, state: BOT_STATES[index % BOT_STATES.length] }),
      ),
    });
    const html = render(store);
    // joining = queued + minting + joining + waiting room + reconnecting.
    expect(text(html, 'load-bots')).toBe('111 in meeting · 556 joining · 111 failed');
    expect(text(html, 'load-memory')).toBe('Measuring memory…');
    expect(selectFleetSummary(store.getState())).toBe(text(html, 'load-bots'));
  });

  it('shows the bots’ memory and what is free, and asks again every few seconds until stopped', async () => {
    vi.useFakeTimers();
    const fake = createFakeDashboard();
    let botMB = 340;
    fake.answers.getLoad = () => Promise.resolve(ok(load({ botMB: botMB++ })));
    const store = createAppStore({ api: fake.api });

    const stop = store.getState().watchLoad();
    await vi.waitFor(() => expect(store.getState().machineLoad?.botMB).toBe(340));
    expect(text(render(store), 'load-memory')).toBe('Bots use 340 MB · 5.2 GB free');

    await vi.advanceTimersByTimeAsync(LOAD_POLL_MS);
    expect(store.getState().machineLoad?.botMB).toBe(341);
    stop();
    await vi.advanceTimersByTimeAsync(LOAD_POLL_MS * 3);
    expect(fake.requests.getLoad).toHaveLength(2);
    expect(store.getState().machineLoad?.botMB).toBe(341);
  });

  it('says so where the bots’ memory is unknown, and when free memory is assumed', async () => {
    const fake = createFakeDashboard();
    fake.answers.getLoad = () =>
      Promise.resolve(ok(load({ botMB: null, botMeasure: null, freeMB: 100, freeAssumed: true })));
    const store = createAppStore({ api: fake.api });
    const stop = store.getState().watchLoad();
    await vi.waitFor(() => expect(store.getState().machineLoad).not.toBeNull());
    stop();
    expect(text(render(store), 'load-memory')).toBe(
      'Bots’ memory not measured here · 100 MB free (assumed)',
    );
  });
});
