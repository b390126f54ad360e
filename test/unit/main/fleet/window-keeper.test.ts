import { describe, expect, it, vi } from 'vitest';
import { createWindowKeeper } from '../../../../src/main/fleet/window-keeper';
import { fakeWindowHost, silentLogger } from './fleet-harness';

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
    const keeper = createWindowKeeper(windows.host, silentLogger());
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
    const keeper = createWindowKeeper(windows.host, silentLogger());
    await keeper.open('a', SANDBOX_PAGE, () => true);
    await expect(keeper.open('a', SANDBOX_PAGE, () => true)).rejects.toThrow(
      /already has a window/,
    );
    expect(windows.opened).toEqual(['a']);
  });

  it('does not open for a bot that stopped wanting it while the old window closed', async () => {
    const windows = fakeWindowHost();
    const keeper = createWindowKeeper(windows.host, silentLogger());
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
    const keeper = createWindowKeeper(windows.host, silentLogger());
    await expect(keeper.open('a', SANDBOX_PAGE, () => true)).rejects.toThrow('navigation failed');
    expect(windows.open.has('a')).toBe(false);
    expect(keeper.openIds()).toEqual([]);
  });

  it('a window the host reports gone needs no closing', async () => {
    const windows = fakeWindowHost();
    const keeper = createWindowKeeper(windows.host, silentLogger());
    await keeper.open('a', SANDBOX_PAGE, () => true);
    keeper.markGone('a');
    expect(keeper.isOpen('a')).toBe(false);
    await keeper.close('a');
    expect(windows.closed).toEqual([]);
  });
});
