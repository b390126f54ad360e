import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { KEYCHAIN_AVAILABLE, fail, ok, type JoinTicket } from '../../../../src/shared/ipc-contract';
import {
  createIpcRouter,
  INTERNAL_ERROR_MESSAGE,
  type BotHandlers,
  type DashboardHandlers,
} from '../../../../src/main/ipc/ipc-router';
import type { Logger } from '../../../../src/main/log/logger';

const TICKET: JoinTicket = {
  sdk: 'sandbox',
  meetingNumber: '123456789',
  passcode: '',
  userName: 'Ada',
  signature: 's',
  zak: 'z',
  zoomDomain: 'zoom.us',
  sandboxUrl: null,
};

function setup(overrides: Partial<DashboardHandlers> = {}) {
  const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const calls: unknown[] = [];
  const dashboard: DashboardHandlers = {
    'app:snapshot': () =>
      ok({
        mode: 'sandbox',
        accounts: [],
        keychain: KEYCHAIN_AVAILABLE,
        bots: [],
        notices: [],
        stoppedByRestart: [],
        relaunchAfterRestart: false,
        notifications: { enabled: true, shownBy: null },
        canShowBotWindows: false,
      }),
    'bots:launch': (request) => {
      calls.push(request);
      return ok({ botIds: ['b1'] });
    },
    'bots:leave': (request) => {
      calls.push(request);
      return ok(null);
    },
    'bots:leave-all': () => ok({ count: 0 }),
    'bots:chat': (request) => {
      calls.push(request);
      return ok({ asked: request.botIds?.length ?? 1 });
    },
    'bots:rename': () => ok(null),
    'bots:relaunch-as': () => ok({ botId: 'b2' }),
    'settings:notifications': (request) => ok({ enabled: request.enabled, shownBy: null }),
    'bots:leave-many': (request) => ok({ count: request.botIds.length }),
    'bots:leave-meeting': () => ok({ count: 0 }),
    'bots:clear-finished': () => ok({ count: 0 }),
    'bots:peek': (request) =>
      ok({ botId: request.botId, image: 'data:image/jpeg;base64,', width: 1, height: 1, at: 0 }),
    'bots:show-window': () => ok(null),
    // The capacity guard's channels are tested through the real router (capacity-guard.test.ts).
    'bots:capacity': () => fail('not_used', 'Not used here.'),
    'app:load': () => fail('not_used', 'Not used here.'),
    'presets:list': () => ok({ presets: [], recentMeetings: [] }),
    'presets:save': () => ok({ presets: [], recentMeetings: [] }),
    'presets:delete': () => ok({ presets: [], recentMeetings: [] }),
    'accounts:save': () => ok({ mode: 'sandbox', accounts: [], keychain: KEYCHAIN_AVAILABLE }),
    'accounts:delete': () => ok({ mode: 'sandbox', accounts: [], keychain: KEYCHAIN_AVAILABLE }),
    'accounts:test': () =>
      ok({
        report: { ok: true, steps: [], profile: null },
        state: { mode: 'sandbox', accounts: [], keychain: KEYCHAIN_AVAILABLE },
      }),
    'bots:relaunch': () => ok({ botIds: [], stoppedByRestart: [] }),
    'bots:dismiss-stopped': () => ok({ stoppedByRestart: [] }),
    'history:list': () => ok({ entries: [] }),
    'history:export': () => ok({ jsonl: '', count: 0 }),
    'settings:relaunch-after-restart': (request) => ok({ relaunchAfterRestart: request.enabled }),
    'diagnostics:run': () => {
      calls.push('diagnostics:run');
      return ok({ at: 0, checks: [], log: { kind: 'stderr', description: 'stderr' } });
    },
    'diagnostics:open-log-folder': () => {
      calls.push('diagnostics:open-log-folder');
      return ok(null);
    },
    'sandbox:create-meeting': () =>
      ok({
        meetingNumber: '81234567890',
        passcode: 'abc',
        joinUrl: 'https://zoom.us/j/81234567890',
      }),
    ...overrides,
  };
  const bot: BotHandlers = {
    'bot:ready': (botId) => {
      calls.push({ ready: botId });
      return ok(TICKET);
    },
    'bot:status': (botId, report) => {
      calls.push({ botId, report });
      return ok(null);
    },
    'bot:command-result': (botId, report) => {
      calls.push({ botId, report });
      return ok(null);
    },
  };
  return { router: createIpcRouter({ dashboard, bot, logger }), calls, logger };
}

describe('IPC router: channels and senders', () => {
  it('routes a dashboard call with its parsed payload (defaults applied, names trimmed)', async () => {
    const { router, calls } = setup();
    const result = await router.handleDashboard('bots:launch', {
      meeting: ' 123456789 ',
      names: [' Ada '],
    });
    expect(result).toEqual({ ok: true, value: { botIds: ['b1'] } });
    expect(calls).toEqual([{ meeting: '123456789', passcode: '', names: ['Ada'] }]);
  });

  it('refuses unknown channels', async () => {
    const { router } = setup();
    expect(await router.handleDashboard('bots:explode', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await router.handleBot('b1', 'bot:explode', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('refuses bot channels on the dashboard path and dashboard channels on the bot path', async () => {
    const { router, calls } = setup();
    expect(await router.handleDashboard('bot:ready', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await router.handleBot('b1', 'bots:leave-all', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await router.handleBot('b1', 'app:snapshot', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(calls).toEqual([]);
  });

  it('does not take inherited object keys for channels', async () => {
    const { router } = setup();
    for (const channel of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await router.handleDashboard(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
      expect(await router.handleBot('b1', channel, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
  });

  it('passes the transport’s bot id, not one from the payload', async () => {
    const { router, calls } = setup();
    const result = await router.handleBot('real-bot', 'bot:status', {
      status: 'in_meeting',
      botId: 'other-bot',
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(calls).toEqual([
      {
        botId: 'real-bot',
        report: { status: 'in_meeting', code: null, message: null, participantId: null },
      },
    ]);
  });

  it('accepts a missing payload for calls without arguments', async () => {
    const { router } = setup();
    expect(await router.handleDashboard('app:snapshot', undefined)).toMatchObject({ ok: true });
    expect(await router.handleBot('b1', 'bot:ready', undefined)).toEqual({
      ok: true,
      value: TICKET,
    });
  });
});

describe('IPC router: invalid payloads get operator-readable messages', () => {
  it.each([
    ['bots:launch', { meeting: '', names: ['Ada'] }, 'Enter a meeting link or number.'],
    ['bots:launch', { meeting: '123456789', names: [] }, 'Launch at least one bot.'],
    ['bots:launch', { meeting: '123456789', names: ['   '] }, 'Every bot needs a name.'],
    [
      'bots:launch',
      { meeting: '123456789', names: ['x'.repeat(65)] },
      'Bot names can be at most 64 characters.',
    ],
    ['bots:launch', { meeting: 123, names: ['Ada'] }, '“meeting” is missing or is not text.'],
    ['bots:launch', { names: ['Ada'] }, '“meeting” is missing or is not text.'],
    ['bots:launch', { meeting: '123456789', names: 'Ada' }, '“names” is missing or is not a list.'],
    [
      'bots:launch',
      { meeting: '123456789', names: ['Ada', 7] },
      '“names[1]” is missing or is not text.',
    ],
    [
      'bots:launch',
      { meeting: 'x'.repeat(3000), names: ['Ada'] },
      '“meeting” is too long (at most 2048).',
    ],
    ['bots:launch', 'launch please', 'The request must be an object.'],
    ['bots:launch', null, 'The request must be an object.'],
    ['bots:leave', {}, '“botId” is missing or is not text.'],
    ['bots:leave', { botId: '' }, '“botId” is too short (at least 1).'],
    ['app:snapshot', { extra: true }, 'The request has fields Botdeck does not know: extra.'],
  ])('%s %j → %s', async (channel, payload, message) => {
    const { router, calls } = setup();
    expect(await router.handleDashboard(channel, payload)).toEqual(
      fail('invalid_request', message),
    );
    expect(calls).toEqual([]);
  });

  it('a bad bot report is refused readably', async () => {
    const { router } = setup();
    expect(await router.handleBot('b1', 'bot:status', { status: 'dancing' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/^“status” must be one of: connecting, waiting_room/),
      },
    });
  });
});

describe('IPC router: unexpected errors', () => {
  it('logs a thrown error and answers with the generic message only', async () => {
    const { router, logger } = setup({
      'bots:leave-all': () => {
        throw new Error('database exploded with secret details');
      },
    });
    const result = await router.handleDashboard('bots:leave-all', {});
    expect(result).toEqual(fail('internal', INTERNAL_ERROR_MESSAGE));
    expect(INTERNAL_ERROR_MESSAGE).toBe('Something went wrong in Botdeck; see the log.');
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('also catches rejected promises', async () => {
    const { router } = setup({ 'app:snapshot': () => Promise.reject(new Error('nope')) });
    expect(await router.handleDashboard('app:snapshot', {})).toEqual(
      fail('internal', INTERNAL_ERROR_MESSAGE),
    );
  });

  it('returns expected failures from handlers as they are', async () => {
    const { router } = setup({
      'bots:leave': () => fail('not_found', 'There is no bot with that id.'),
    });
    expect(await router.handleDashboard('bots:leave', { botId: 'x' })).toEqual(
      fail('not_found', 'There is no bot with that id.'),
    );
  });
});

describe('IPC router: the diagnostics channels', () => {
  const keyless = (value: unknown): boolean =>
    typeof value === 'object' && value !== null && Object.keys(value).length === 0;

  it('run for an empty request (or none)', async () => {
    const { router, calls } = setup();
    expect(await router.handleDashboard('diagnostics:run', undefined)).toMatchObject({ ok: true });
    expect(await router.handleDashboard('diagnostics:open-log-folder', {})).toEqual(ok(null));
    expect(calls).toEqual(['diagnostics:run', 'diagnostics:open-log-folder']);
  });

  it('refuse any other payload before a single check runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((value) => value !== undefined && !keyless(value)),
        fc.constantFrom('diagnostics:run', 'diagnostics:open-log-folder'),
        async (payload, channel) => {
          const { router, calls } = setup();
          const result = await router.handleDashboard(channel, payload);
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
          expect(calls).toEqual([]);
        },
      ),
    );
  });
});

describe('IPC router: the contract’s types', () => {
  it('answers each channel with the type its declaration names', async () => {
    const { router } = setup();
    const result = await router.handleDashboard('bots:leave-all', {});
    // No cast: `count` is known to be a number because the declaration says so.
    expect(result.ok && result.value.count + 1).toBe(1);
  });

  it('refuses to compile a handler that answers the wrong type or a table missing a channel', () => {
    const wrongAnswer: Pick<DashboardHandlers, 'bots:leave-all'> = {
      // @ts-expect-error bots:leave-all answers { count }, not a list of ids
      'bots:leave-all': () => ok({ botIds: [] }),
    };
    // @ts-expect-error every bot channel needs its handler; bot:status is missing
    const missing: BotHandlers = { 'bot:ready': () => ok(TICKET) };
    expect([wrongAnswer, missing]).toHaveLength(2);
  });
});
