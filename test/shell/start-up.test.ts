/**
 * Shell logic under an Electron stand-in: start-up. The dashboard window loads while Botdeck's
 * services start (the keychain can be slow, or ask the operator first), not after them; what
 * the page asks while they start waits and is answered by them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

/** Holds the services back until the test lets them start. */
const services = vi.hoisted(() => {
  let start = (): void => undefined;
  const allowed = new Promise<void>((resolve) => {
    start = resolve;
  });
  return { start, allowed, built: false };
});

vi.mock('../../src/main/app/create-botdeck', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/app/create-botdeck')>();
  return {
    ...real,
    createBotdeck: async (...args: Parameters<typeof real.createBotdeck>) => {
      await services.allowed;
      const botdeck = await real.createBotdeck(...args);
      services.built = true;
      return botdeck;
    },
  };
});

import type { AppSnapshot, Result } from '../../src/shared/ipc-contract';
import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

describe('shell logic under a stand-in: start-up', () => {
  it('loads the dashboard while the services start, and answers its first call once they are up', async () => {
    const seen: { builtWhenLoading?: boolean; early?: Promise<Result<AppSnapshot>> } = {};
    kit = await startDesktop({
      pages: {
        // Before this change the dashboard loaded only after the services: this never ran.
        whileDashboardLoads: async (_window, api) => {
          seen.builtWhenLoading = services.built;
          seen.early = api.getSnapshot();
          services.start();
        },
      },
    });
    expect(seen.builtWhenLoading).toBe(false);
    const answer = await seen.early;
    expect(answer?.ok && answer.value.accounts.some((account) => account.isSandbox)).toBe(true);
    expect(kit.world.allWindowsMade[0]?.isVisible()).toBe(true);
  });
});
