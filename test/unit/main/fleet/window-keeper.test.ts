import { describe, expect, it, vi } from 'vitest';
import { createWindowKeeper } from '../../../../src/main/fleet/window-keeper';
import { realTimers } from '../../../../src/main/fleet/fleet-timers';
import { fakeWindowHost, manualClock, settle, silentLogger } from './fleet-harness';

const SANDBOX_PAGE = { sdk: 'sandbox' } as const;

describe('window keeper: a bot never holds two windows', () => {
  it('a new window waits until the old one has finished closing', async () => {
    const windows = fakeWindowHost();
    let finishClose: () => void = () => undefined;
    windows.host.close = vi.fn(
      (botId: string) =>
        new Promise<void>((resolve) => {
          finishClose = () => {
            windows.open.delete(botId);
            resolve();
          };
        }),
    );
    const keeper = createWindowKeeper(windows.host, silentLogger(), {
      timers: realTimers,
      leaveTimeoutMs: 1_000,
    });
    await keeper.open('a', SANDBOX_PAGE, () => true);
    void keeper.close('a');
    const reopened = keeper.open('a', SANDBOX_PAGE, () => true);
    await Promise.resolve();
    expect(windows.opened).toEqual(['a']);
    finishClose();
    await expect(reopened).resolves.toBe(true);
    expect(windows.opened).toEqual(['a', 'a']);
    expect(windows.violations).toEqual([]);
  });

  it('refuses to open a second window while one is open', async () => {
    const windows = fakeWindowHost();
    const keeper = createWindowKeeper(windows.host, silentLogger(), {
      timers: realTimers,
      leaveTimeoutMs: 1_000,
    });
    await keeper.open('a', SANDBOX_PAGE, () => true);
    await expect(keeper.open('a', SANDBOX_PAGE, () => true)).rejects.toThrow(
      /already has a window/,
    );
    expect(windows.opened).toEqual(['a']);
  });

  it('does not open for a bot that stopped wanting it while the old window closed', async () => {
    const windows = fakeWindowHost();
    const keeper = createWindowKeeper(windows.host, silentLogger(), {
      timers: realTimers,
      leaveTimeoutMs: 1_000,
    });
    await keeper.open('a', SANDBOX_PAGE, () => true);
    void keeper.close('a');
    await expect(keeper.open('a', SANDBOX_PAGE, () => false)).resolves.toBe(false);
    expect(keeper.isOpen('a')).toBe(false);
  });

  it('a window the host could not open is closed again, so the next open is clean', async () => {
    const windows = fakeWindowHost();
    const open = windows.host.open.bind(windows.host);
    windows.host.open = vi.fn(async (botId: string) => {
      await open(botId, SANDBOX_PAGE);
      throw new Error('navigation failed');
    });
    const keeper = createWindowKeeper(windows.host, silentLogger(), {
      timers: realTimers,
      leaveTimeoutMs: 1_000,
    });
    await expect(keeper.open('a', SANDBOX_PAGE, () => true)).rejects.toThrow('navigation failed');
    expect(windows.open.has('a')).toBe(false);
    expect(keeper.openIds()).toEqual([]);
  });

  it('a window the host reports gone needs no closing', async () => {
    const windows = fakeWindowHost();
    const keeper = createWindowKeeper(windows.host, silentLogger(), {
      timers: realTimers,
      leaveTimeoutMs: 1_000,
    });
    await keeper.open('a', SANDBOX_PAGE, () => true);
    keeper.markGone('a');
    expect(keeper.isOpen('a')).toBe(false);
    await keeper.close('a');
    expect(windows.closed).toEqual([]);
  });
});

describe('window keeper: a page leaves its meeting before its window closes', () => {
  /** A keeper on a manual clock, whose host logs the order of what happens to the page. */
  function setUp() {
    const clock = manualClock();
    const windows = fakeWindowHost();
    const events: string[] = [];
    const { send, close } = windows.host;
    windows.host.send = (botId, command) => {
      events.push(`asked ${botId} to ${command.type}`);
      send(botId, command);
    };
    windows.host.close = (botId) => {
      events.push(`closed ${botId}`);
      return close(botId);
    };
    const keeper = createWindowKeeper(windows.host, silentLogger(), {
      timers: clock.timers,
      leaveTimeoutMs: 6_000,
    });
    return { clock, windows, events, keeper };
  }

  it('asks a page in a meeting to leave, and closes it once the page says it is out', async () => {
    const { windows, events, keeper } = setUp();
    await keeper.open('a', SANDBOX_PAGE, () => true);
    keeper.markJoining('a');
    const closed = keeper.close('a');
    await settle();
    expect(events).toEqual(['asked a to leave']);
    expect(windows.open.has('a')).toBe(true);
    events.push('a reported left');
    keeper.markOut('a');
    await closed;
    expect(events).toEqual(['asked a to leave', 'a reported left', 'closed a']);
  });

  it('closes a page that never answers once the bound has passed, and not before', async () => {
    const { clock, windows, events, keeper } = setUp();
    await keeper.open('a', SANDBOX_PAGE, () => true);
    keeper.markJoining('a');
    const closed = keeper.close('a');
    await clock.advance(5_999);
    expect(windows.open.has('a')).toBe(true);
    await clock.advance(1);
    await closed;
    expect(events).toEqual(['asked a to leave', 'closed a']);
  });

  it('a rejoin’s new page waits for the old one to leave and close', async () => {
    const { windows, events, keeper } = setUp();
    await keeper.open('a', SANDBOX_PAGE, () => true);
    keeper.markJoining('a');
    void keeper.close('a');
    const reopened = keeper.open('a', SANDBOX_PAGE, () => true);
    await settle();
    expect(windows.opened).toEqual(['a']);
    keeper.markOut('a');
    await expect(reopened).resolves.toBe(true);
    expect(events).toEqual(['asked a to leave', 'closed a']);
    expect(windows.opened).toEqual(['a', 'a']);
    expect(windows.violations).toEqual([]);
  });

  it('closes at once a page that never took its ticket, or is out of its meeting already', async () => {
    const { events, keeper } = setUp();
    await keeper.open('fresh', SANDBOX_PAGE, () => true);
    await keeper.open('out', SANDBOX_PAGE, () => true);
    keeper.markJoining('out');
    keeper.markOut('out');
    await keeper.close('fresh');
    await keeper.close('out');
    expect(events).toEqual(['closed fresh', 'closed out']);
  });

  it('a page that crashes while asked to leave needs no more waiting', async () => {
    const { events, keeper } = setUp();
    await keeper.open('a', SANDBOX_PAGE, () => true);
    keeper.markJoining('a');
    const closed = keeper.close('a');
    keeper.markGone('a');
    await closed;
    expect(events).toEqual(['asked a to leave', 'closed a']);
  });
});
