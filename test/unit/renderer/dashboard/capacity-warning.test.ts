/**
 * The launch form when main refuses bots that would not fit in free memory: the warning says so
 * in words, and its buttons do what they say, with the form keeping its values throughout.
 * Main here is the in-memory fake, scripted as the real guard answers (100 MB free, 32 MB a bot).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LaunchForm } from '../../../../src/renderer/dashboard/components/launch-form';
import type { AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { StoreProvider } from '../../../../src/renderer/dashboard/store/store-context';
import {
  describeCapacity,
  fail,
  ok,
  type CapacityEstimate,
} from '../../../../src/shared/ipc-contract';
import { createFakeDashboard, type FakeDashboard } from '../helpers/fake-dashboard-api';
import { sandboxAccount, storeWithAccounts } from './account-fixtures';

const FREE_MB = 100;
const PER_BOT_MB = 32;

/** What the real guard answers for `count` sandbox bots with 100 MB free. */
function estimateFor(count: number): CapacityEstimate {
  const needMB = count * PER_BOT_MB;
  return {
    count,
    kind: 'sandbox',
    perBotMB: PER_BOT_MB,
    needMB,
    freeMB: FREE_MB,
    startingBots: 0,
    fits: needMB <= FREE_MB,
    maxThatFit: Math.min(count, Math.floor(FREE_MB / PER_BOT_MB)),
    freeAssumed: false,
  };
}

/** A fake main that refuses unconfirmed launches past 100 MB, as the guard does. */
function guardedMain(): FakeDashboard {
  const fake = createFakeDashboard();
  fake.answers.checkCapacity = (request) => Promise.resolve(ok(estimateFor(request.count)));
  fake.answers.launchBots = (request) => {
    const estimate = estimateFor(request.names.length);
    return Promise.resolve(
      estimate.fits || request.confirmOverCapacity === true
        ? ok({ botIds: request.names.map((_, index) => `bot-${index}`) })
        : fail('over_capacity', describeCapacity(estimate)),
    );
  };
  return fake;
}

async function formWithFiveBots(fake = guardedMain()) {
  const { store } = await storeWithAccounts([sandboxAccount()], 'sandbox', fake);
  store.getState().setMeeting('https://zoom.us/j/123456789?pwd=abc');
  store.getState().setCountText('5');
  return { store, fake };
}

function render(store: AppStore): string {
  const current: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    createElement(StoreProvider, { store: current, children: createElement(LaunchForm) }),
  );
}

const warningButtons = (html: string): string[] => {
  const warning = /data-testid="capacity-warning".*?<\/div><\/div>/s.exec(html)?.[0] ?? '';
  return [...warning.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1] ?? '');
};

describe('launching more bots than fit in free memory', () => {
  it('shows the warning in words with Launch anyway, Launch 3 and Cancel, and starts nothing', async () => {
    const { store, fake } = await formWithFiveBots();
    expect(await store.getState().submitLaunch()).toBe(false);

    expect(fake.requests.checkCapacity).toEqual([{ count: 5, accountId: 'sandbox' }]);
    expect(store.getState().capacityWarning).toEqual(estimateFor(5));
    expect(store.getState().launch.launchError).toBeNull();
    const html = render(store);
    expect(html).toContain('5 sandbox bots need about 160 MB; this machine has 100 MB free.');
    expect(warningButtons(html)).toEqual(['Launch anyway', 'Launch 3', 'Cancel']);
    expect(html).not.toContain('data-testid="launch-alert"');
  });

  it('“Launch anyway” launches all five, confirmed, and the form keeps its values', async () => {
    const { store, fake } = await formWithFiveBots();
    await store.getState().submitLaunch();
    expect(await store.getState().launchAnyway()).toBe(true);

    const [refused, confirmed] = fake.requests.launchBots;
    expect(refused?.confirmOverCapacity).toBeUndefined();
    expect(confirmed).toMatchObject({ names: refused?.names, confirmOverCapacity: true });
    expect(confirmed?.names).toHaveLength(5);
    expect(store.getState().capacityWarning).toBeNull();
    expect(store.getState().launch).toMatchObject({
      countText: '5',
      meeting: 'https://zoom.us/j/123456789?pwd=abc',
    });
  });

  it('“Launch 3” launches the first three bots only, unconfirmed, and keeps the form', async () => {
    const { store, fake } = await formWithFiveBots();
    store.getState().setBotName(0, 'Ada');
    await store.getState().submitLaunch();
    expect(await store.getState().launchThatFit()).toBe(true);

    expect(fake.requests.launchBots[1]).toEqual({
      meeting: 'https://zoom.us/j/123456789?pwd=abc',
      passcode: '',
      accountId: 'sandbox',
      names: ['Ada', 'Botdeck 2', 'Botdeck 3'],
    });
    expect(store.getState().capacityWarning).toBeNull();
    expect(store.getState().launch.names).toHaveLength(5);
  });

  it('offers no “Launch N” when not one bot fits', async () => {
    const fake = guardedMain();
    fake.answers.checkCapacity = (request) =>
      Promise.resolve(ok({ ...estimateFor(request.count), freeMB: 20, maxThatFit: 0 }));
    const { store } = await formWithFiveBots(fake);
    await store.getState().submitLaunch();
    expect(warningButtons(render(store))).toEqual(['Launch anyway', 'Cancel']);
    expect(await store.getState().launchThatFit()).toBe(false);
    expect(fake.requests.launchBots).toHaveLength(1);
  });

  it('“Cancel”, or another count, takes the warning away and keeps everything typed', async () => {
    const { store, fake } = await formWithFiveBots();
    await store.getState().submitLaunch();
    store.getState().dismissCapacityWarning();
    expect(store.getState().capacityWarning).toBeNull();
    expect(render(store)).not.toContain('capacity-warning');
    expect(store.getState().launch.countText).toBe('5');

    await store.getState().submitLaunch();
    expect(store.getState().capacityWarning).not.toBeNull();
    store.getState().setCountText('3');
    expect(store.getState().capacityWarning).toBeNull();
    expect(await store.getState().submitLaunch()).toBe(true);
    expect(fake.requests.launchBots.at(-1)?.names).toHaveLength(3);
  });

  it('shows main’s own words when the figures cannot be had', async () => {
    const fake = guardedMain();
    fake.answers.checkCapacity = () => Promise.resolve(fail('disconnected', 'Lost the link.'));
    const { store } = await formWithFiveBots(fake);
    await store.getState().submitLaunch();
    expect(store.getState().capacityWarning).toBeNull();
    expect(store.getState().launch.launchError).toBe(
      '5 sandbox bots need about 160 MB; this machine has 100 MB free.',
    );
  });
});
