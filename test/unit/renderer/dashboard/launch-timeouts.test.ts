import { describe, expect, it } from 'vitest';
import {
  EMPTY_TIMEOUTS,
  parseTimeouts,
} from '../../../../src/renderer/dashboard/store/launch-timeouts';
import { createAppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { LaunchTimeoutsSchema } from '../../../../src/shared/ipc-contract';
import { createFakeDashboard } from '../helpers/fake-dashboard-api';

describe('launch timeouts', () => {
  it('sends nothing when every field is empty, so main’s defaults apply', () => {
    expect(parseTimeouts(EMPTY_TIMEOUTS)).toEqual({ ok: true, timeouts: undefined });
  });

  it('turns seconds and minutes into milliseconds, and 0 into “off”', () => {
    const parsed = parseTimeouts({
      joinTimeoutSeconds: '90',
      waitingRoomMinutes: '0',
      aloneMinutes: '2.5',
      maxDurationMinutes: '120',
      reconnectAttempts: '3',
    });
    expect(parsed).toEqual({
      ok: true,
      timeouts: {
        joinTimeoutMs: 90_000,
        waitingRoomTimeoutMs: null,
        aloneTimeoutMs: 150_000,
        maxDurationMs: 7_200_000,
        reconnectAttempts: 3,
      },
    });
    // What the form sends is what main accepts.
    if (parsed.ok) expect(LaunchTimeoutsSchema.safeParse(parsed.timeouts).success).toBe(true);
  });

  it('explains each value it cannot use', () => {
    expect(
      parseTimeouts({
        joinTimeoutSeconds: '0',
        waitingRoomMinutes: 'soon',
        aloneMinutes: '',
        maxDurationMinutes: '99999',
        reconnectAttempts: '2.5',
      }),
    ).toEqual({
      ok: false,
      errors: [
        'The join timeout is 1 to 600 seconds.',
        'Leaving the waiting room is 0 (off) to 1440 minutes.',
        'The longest stay is 0 (off) to 1440 minutes.',
        'Rejoin attempts are a whole number from 0 to 20.',
      ],
    });
  });
});

describe('launching with auto-leave rules', () => {
  it('sends the rules the operator set along with the launch, and refuses ones it cannot use', async () => {
    const fake = createFakeDashboard();
    const store = createAppStore({ api: fake.api });
    store.getState().start();
    store.getState().setMeeting('123 456 789');
    store.getState().setTimeoutText('aloneMinutes', '0');
    store.getState().setTimeoutText('reconnectAttempts', 'many');
    expect(await store.getState().submitLaunch()).toBe(false);
    expect(store.getState().launch.errors).toEqual([
      'Rejoin attempts are a whole number from 0 to 20.',
    ]);
    expect(fake.requests.launchBots).toEqual([]);

    store.getState().setTimeoutText('reconnectAttempts', '2');
    expect(await store.getState().submitLaunch()).toBe(true);
    expect(fake.requests.launchBots[0]?.timeouts).toEqual({
      aloneTimeoutMs: null,
      reconnectAttempts: 2,
    });
  });
});
