import type { BotView } from '../../src/shared/ipc-contract';

/** A bot view with sensible defaults; tests override what they are about. */
export function makeBot(overrides: Partial<BotView> & { id: string }): BotView {
  return {
    name: `Bot ${overrides.id}`,
    state: 'queued',
    meetingNumber: '123456789',
    accountId: 'sandbox',
    launchId: 'launch-1',
    avatarUrl: null,
    createdAt: 1_000,
    joinedAt: null,
    endedAt: null,
    failure: null,
    note: null,
    reconnect: null,
    participantCount: null,
    activity: null,
    ...overrides,
  };
}
