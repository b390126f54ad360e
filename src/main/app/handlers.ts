/**
 * What each IPC channel does, given parsed payloads. The router has already checked the sender
 * kind and the schema; these handlers only apply Botdeck's rules (meeting parsing, account
 * choice) and hand off to the fleet.
 */
import { fail, ok, type AppMode } from '../../shared/ipc-contract';
import { parseMeetingInput } from '../../shared/meeting-link';
import type { Fleet } from '../fleet/fleet';
import type { BotHandlers, DashboardHandlers } from '../ipc/ipc-router';
import type { CreateSandboxMeeting } from '../modes/sandbox-meetings';
import type { AccountDirectory } from './account-directory';

export interface HandlerDeps {
  mode: AppMode;
  directory: AccountDirectory;
  fleet: Fleet;
  createSandboxMeeting: CreateSandboxMeeting;
}

export function createHandlers({ mode, directory, fleet, createSandboxMeeting }: HandlerDeps): {
  dashboard: DashboardHandlers;
  bot: BotHandlers;
} {
  return {
    dashboard: {
      'app:snapshot': () =>
        ok({
          mode,
          accounts: directory.accounts.map((account) => ({ ...account.view })),
          bots: fleet.list(),
          notices: [...directory.notices],
        }),
      'bots:launch': (request) => {
        const meeting = parseMeetingInput(request.meeting, request.passcode);
        if (!meeting.ok) return fail('invalid_meeting', meeting.message);
        const account =
          request.accountId === undefined
            ? directory.accounts[0]
            : directory.accounts.find((candidate) => candidate.view.id === request.accountId);
        if (!account) return fail('unknown_account', 'That account is not set up in Botdeck.');
        return fleet.launch({
          meetingNumber: meeting.meetingNumber,
          passcode: meeting.passcode,
          names: request.names,
          account: account.fleet,
        });
      },
      'bots:leave': (request) => fleet.leave(request.botId),
      'bots:leave-all': () => ok({ count: fleet.leaveAll() }),
      'sandbox:create-meeting': () => createSandboxMeeting(),
    },
    bot: {
      'bot:ready': (botId) => fleet.botReady(botId),
      'bot:status': (botId, report) => fleet.botStatus(botId, report),
    },
  };
}
