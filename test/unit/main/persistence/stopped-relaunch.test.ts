import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/main/log/logger';
import {
  createPasscodeSeal,
  type PasscodeSeal,
} from '../../../../src/main/persistence/passcode-seal';
import { createRosterStore, type RosterStore } from '../../../../src/main/persistence/roster-store';
import type { RosterBot } from '../../../../src/main/persistence/roster-schema';
import {
  listNames,
  relaunchStopped,
  type ParsedLaunchRequest,
} from '../../../../src/main/persistence/stopped-relaunch';
import { fail, ok } from '../../../../src/shared/ipc-contract';

let dir: string;
let roster: RosterStore;

const bot = (id: string, launchId: string, overrides: Partial<RosterBot> = {}): RosterBot => ({
  id,
  name: `Bot ${id}`,
  meetingNumber: '81234567890',
  passcode: 'Pq7x2z',
  accountId: 'sandbox',
  state: 'in_meeting',
  createdAt: id.charCodeAt(0),
  launchId,
  ...overrides,
});

/**
 * A roster whose last run had these bots live: after load they are stopped. With `seal` null
 * (no keychain) their passcodes did not outlive the run.
 */
async function stoppedRoster(
  bots: RosterBot[],
  seal: PasscodeSeal | null = createPasscodeSeal(randomBytes(32)),
): Promise<RosterStore> {
  await createRosterStore({ dataDir: dir, now: () => 1, logger: silentLogger, seal }).addLaunched(
    bots,
  );
  const next = createRosterStore({ dataDir: dir, now: () => 2, logger: silentLogger, seal });
  await next.load();
  return next;
}

/** Relaunch dependencies on `roster` where every account exists and launches are recorded. */
function recordingLaunches(store: RosterStore) {
  const launches: ParsedLaunchRequest[] = [];
  const deps = {
    roster: store,
    hasAccount: () => true,
    launch: async (request: ParsedLaunchRequest) => {
      launches.push(request);
      return ok({ botIds: request.names.map((name) => `new ${name}`) });
    },
  };
  return { deps, launches };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'botdeck-relaunch-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('relaunching bots stopped by a restart', () => {
  it('relaunches each launch as one launch with its names, meeting, passcode, account, limits and chat', async () => {
    const launch = { timeouts: { maxDurationMs: 60_000 }, chatOnJoin: 'Hi, I am {name}.' };
    roster = await stoppedRoster([
      bot('a', 'L1', launch),
      bot('b', 'L1', launch),
      bot('c', 'L2', { meetingNumber: '987654321', passcode: '', accountId: 'zoom-1' }),
    ]);
    const { deps, launches } = recordingLaunches(roster);
    const result = await relaunchStopped(deps, ['a', 'b', 'c']);

    expect(result).toEqual(ok({ botIds: ['new Bot a', 'new Bot b', 'new Bot c'] }));
    expect(launches).toEqual([
      {
        meeting: '81234567890',
        passcode: 'Pq7x2z',
        names: ['Bot a', 'Bot b'],
        accountId: 'sandbox',
        timeouts: { maxDurationMs: 60_000 },
        chatOnJoin: 'Hi, I am {name}.',
      },
      { meeting: '987654321', passcode: '', names: ['Bot c'], accountId: 'zoom-1' },
    ]);
    expect(roster.stopped()).toEqual([]);
  });

  it('relaunches a ZoomGov meeting’s bots into ZoomGov, through its link', async () => {
    roster = await stoppedRoster([bot('g', 'L1', { zoomDomain: 'zoomgov.com', passcode: '' })]);
    const { deps, launches } = recordingLaunches(roster);
    await relaunchStopped(deps, ['g']);
    expect(launches.map((request) => request.meeting)).toEqual([
      'https://zoomgov.com/j/81234567890',
    ]);
  });

  it('refuses, launching none, when a bot’s account is no longer set up', async () => {
    roster = await stoppedRoster([bot('a', 'L1'), bot('b', 'L2', { accountId: 'gone' })]);
    let launched = 0;
    const result = await relaunchStopped(
      {
        roster,
        hasAccount: (id) => id === 'sandbox',
        launch: async () => {
          launched++;
          return ok({ botIds: [] });
        },
      },
      ['a', 'b'],
    );

    expect(result).toEqual(
      fail(
        'unknown_account',
        'Bot b cannot be relaunched: the account they were launched with is no longer set up in ' +
          'Botdeck. Add the account again, or dismiss them.',
      ),
    );
    expect(launched).toBe(0);
    expect(roster.stopped().map((b) => b.id)).toEqual(['a', 'b']);
  });

  it('keeps the bots of a refused launch listed and says how many went', async () => {
    roster = await stoppedRoster([bot('a', 'L1'), bot('b', 'L2')]);
    const result = await relaunchStopped(
      {
        roster,
        hasAccount: () => true,
        launch: async (request) =>
          request.names[0] === 'Bot b'
            ? fail('shutting_down', 'Botdeck is shutting down.')
            : ok({ botIds: ['new a'] }),
      },
      ['a', 'b'],
    );

    expect(result).toEqual(
      fail(
        'relaunch_failed',
        '1 of 2 bots were relaunched; the others could not be: Botdeck is shutting down. ' +
          'They are still listed.',
      ),
    );
    expect(roster.stopped().map((b) => b.id)).toEqual(['b']);
  });

  it('without a keychain, asks for the passcodes it could not keep and relaunches with the ones given', async () => {
    roster = await stoppedRoster(
      [bot('a', 'L1'), bot('b', 'L1'), bot('c', 'L2', { passcode: '' })],
      null,
    );
    const { deps, launches } = recordingLaunches(roster);

    const refused = await relaunchStopped(deps, ['a', 'b', 'c'], { a: 'Pq7x2z' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'passcode_needed' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^Bot b cannot be relaunched without/);
    expect(launches).toEqual([]);
    expect(roster.stopped().map((b) => b.id)).toEqual(['a', 'b', 'c']);

    // A meeting without a passcode ('') needs none; the others take what the operator typed.
    const result = await relaunchStopped(deps, ['a', 'b', 'c'], { a: 'Pq7x2z', b: 'Pq7x2z' });
    expect(result).toEqual(ok({ botIds: ['new Bot a', 'new Bot b', 'new Bot c'] }));
    expect(launches.map((l) => [l.names, l.passcode])).toEqual([
      [['Bot a', 'Bot b'], 'Pq7x2z'],
      [['Bot c'], ''],
    ]);
  });

  it('uses the passcode it kept over one sent along with the relaunch', async () => {
    roster = await stoppedRoster([bot('a', 'L1')]);
    const { deps, launches } = recordingLaunches(roster);
    await relaunchStopped(deps, ['a'], { a: 'typed-by-someone' });
    expect(launches.map((l) => l.passcode)).toEqual(['Pq7x2z']);
  });

  it('names a few bots in full and counts the rest', () => {
    expect(listNames([{ name: 'Ada' }])).toBe('Ada');
    expect(listNames([{ name: 'Ada' }, { name: 'Grace' }, { name: 'Linus' }])).toBe(
      'Ada, Grace and Linus',
    );
    expect(listNames(['A', 'B', 'C', 'D', 'E'].map((name) => ({ name })))).toBe('A, B and 3 more');
  });
});
