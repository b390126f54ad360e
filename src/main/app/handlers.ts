/**
 * What each IPC channel does, given parsed payloads. The router has already checked the sender
 * kind and the schema; these handlers only apply Botdeck's rules (meeting parsing, account
 * choice) and hand off to the fleet and the accounts.
 */
import {
  LaunchRequestSchema,
  fail,
  ok,
  type RequestOf,
  type Result,
} from '../../shared/ipc-contract';
import { parseMeetingInput } from '../../shared/meeting-link';
import type { AccountService } from '../accounts/account-service';
import type { CapacityService } from '../capacity/capacity-service';
import type { DiagnosticsService } from '../diagnostics/diagnostics-service';
import { NO_BOT } from '../fleet/bot-store';
import { NO_WINDOW } from '../fleet/bot-window-host';
import type { Fleet } from '../fleet/fleet-api';
import { describeIssue } from '../ipc/describe-issue';
import type { PeekCamera } from '../fleet/peek-camera';
import type { BotHandlers } from '../ipc/ipc-router';
import type { BotNotifier } from '../notifications/bot-notifier';
import type { CreateSandboxMeeting } from '../modes/sandbox-meetings';
import type { CoreDashboardHandlers } from '../persistence/persistence-handlers';

export interface HandlerDeps {
  accounts: AccountService;
  fleet: Fleet;
  createSandboxMeeting: CreateSandboxMeeting;
  /** Null when the host passed nothing for Diagnostics; its channels then say so. */
  diagnostics: DiagnosticsService | null;
  notifier: BotNotifier;
  capacity: CapacityService;
  /**
   * The app's whole launch path (persistence's, which records the roster and the history), for
   * relaunching one bot; persistence is built over these handlers, so it is looked up late.
   */
  launch(request: RequestOf<'bots:launch'>): Promise<Result<{ botIds: string[] }>>;
  peek: PeekCamera;
  /** Shows a bot's own window (the desktop app); null where bot pages cannot be shown. */
  showBotWindow: ((botId: string) => boolean) | null;
}

const NO_DIAGNOSTICS = fail('not_available', 'This Botdeck was started without diagnostics.');

/** Persistence's channels (restarts, history) are laid over these by `startPersistence`. */
export function createHandlers({
  accounts,
  fleet,
  createSandboxMeeting,
  diagnostics,
  notifier,
  capacity,
  launch,
  peek,
  showBotWindow,
}: HandlerDeps): {
  dashboard: CoreDashboardHandlers;
  bot: BotHandlers;
} {
  return {
    dashboard: {
      'app:snapshot': () =>
        ok({
          ...accounts.state(),
          bots: fleet.list(),
          notices: accounts.notices(),
          notifications: notifier.settings(),
          canShowBotWindows: showBotWindow !== null,
        }),
      'bots:launch': async (request) => {
        const meeting = parseMeetingInput(request.meeting, request.passcode);
        if (!meeting.ok) return fail('invalid_meeting', meeting.message);
        const account = await accounts.forLaunch(request.accountId);
        if (!account.ok) return account;
        return fleet.launch({
          meetingNumber: meeting.meetingNumber,
          passcode: meeting.passcode,
          zoomDomain: meeting.zoomDomain,
          names: request.names,
          account: account.value,
          timeouts: request.timeouts,
          chatOnJoin: request.chatOnJoin ?? null,
        });
      },
      'bots:capacity': (request) => capacity.estimate(request.count, request.accountId),
      'app:load': () => capacity.load(),
      'bots:leave': (request) => fleet.leave(request.botId),
      'bots:leave-all': () => ok({ count: fleet.leaveAll() }),
      'bots:chat': (request) =>
        fleet.sendChat(
          request.botIds
            ? { botIds: request.botIds }
            : { meetingNumber: request.meetingNumber ?? '' },
          request.text,
        ),
      'bots:rename': (request) => fleet.rename(request.botId, request.name),
      'bots:relaunch-as': (request) => relaunchAs(fleet, launch, request),
      'settings:notifications': (request) => notifier.setEnabled(request.enabled),
      'bots:leave-many': (request) => ok({ count: fleet.leaveMany(request.botIds) }),
      'bots:leave-meeting': (request) => ok({ count: fleet.leaveMeeting(request.meetingNumber) }),
      'bots:clear-finished': () => ok({ count: fleet.clearEnded() }),
      'bots:peek': (request) => peek.peek(request.botId, request.size),
      'bots:show-window': (request) => {
        if (!showBotWindow) {
          return fail(
            'not_available',
            'Bot windows can be shown only in the desktop app; use Peek to see a bot here.',
          );
        }
        if (!fleet.has(request.botId)) return NO_BOT;
        return showBotWindow(request.botId) ? ok(null) : NO_WINDOW;
      },
      'sandbox:create-meeting': () => createSandboxMeeting(),
      'accounts:save': (request) => accounts.save(request),
      'accounts:delete': (request) => accounts.remove(request.accountId),
      'accounts:test': (request) => accounts.test(request.accountId),
      'diagnostics:run': async () => (diagnostics ? ok(await diagnostics.run()) : NO_DIAGNOSTICS),
      'diagnostics:open-log-folder': () =>
        diagnostics ? diagnostics.openLogFolder() : NO_DIAGNOSTICS,
    },
    bot: {
      'bot:ready': (botId) => fleet.botReady(botId),
      'bot:status': (botId, report) => fleet.botStatus(botId, report),
      'bot:command-result': (botId, report) => fleet.botCommandResult(botId, report),
    },
  };
}

/** A left or failed bot launched again the normal way: its meeting, account and limits, a new name. */
async function relaunchAs(
  fleet: Fleet,
  launch: HandlerDeps['launch'],
  request: RequestOf<'bots:relaunch-as'>,
): Promise<Result<{ botId: string }>> {
  const plan = fleet.relaunchPlan(request.botId);
  if (!plan.ok) return plan;
  const { meetingNumber, passcode, accountId, timeouts, chatOnJoin } = plan.value;
  const parsed = LaunchRequestSchema.safeParse({
    meeting: meetingNumber,
    passcode,
    names: [request.name],
    accountId,
    timeouts,
    ...(chatOnJoin === null ? {} : { chatOnJoin }),
  });
  if (!parsed.success) return fail('invalid_request', describeIssue(parsed.error.issues[0]));
  const launched = await launch(parsed.data);
  if (!launched.ok) return launched;
  const [botId] = launched.value.botIds;
  return botId === undefined ? fail('internal', 'Botdeck launched no bot.') : ok({ botId });
}
