/**
 * Relaunching bots an app restart stopped: each group of bots launched together goes back
 * through the normal launch path as one launch, with the same names, meeting, passcode,
 * account and limits. Bots are taken off the stopped list before launching (so a snapshot
 * taken meanwhile does not offer them twice) and put back if their launch is refused.
 */
import {
  LaunchRequestSchema,
  fail,
  ok,
  type Result,
  type StoppedBot,
} from '../../shared/ipc-contract';
import { joinNames } from '../../shared/name-list';
import { describeIssue } from '../ipc/describe-issue';
import type { RosterStore } from './roster-store';
import type { StoppedRosterBot } from './roster-schema';

export type ParsedLaunchRequest = ReturnType<typeof LaunchRequestSchema.parse>;

export interface RelaunchDeps {
  roster: RosterStore;
  /** The normal launch path, recording the new bots as a relaunch. */
  launch(request: ParsedLaunchRequest): Promise<Result<{ botIds: string[] }>>;
  hasAccount(accountId: string): boolean;
}

/** What the dashboard may see of a stopped bot: no passcode, only whether one is missing. */
export function toStoppedBot(bot: StoppedRosterBot): StoppedBot {
  return {
    id: bot.id,
    name: bot.name,
    meetingNumber: bot.meetingNumber,
    accountId: bot.accountId,
    stoppedAt: bot.stoppedAt,
    needsPasscode: bot.passcode === null,
  };
}

/**
 * Relaunches the stopped bots with these ids. Refuses (launching none) when any of them was
 * launched under an account that is no longer set up, or has no passcode Botdeck kept and none
 * in `passcodes` (the operator's, by stopped bot id), naming them.
 */
export async function relaunchStopped(
  deps: RelaunchDeps,
  ids: readonly string[],
  passcodes: Readonly<Record<string, string>> = {},
): Promise<Result<{ botIds: string[] }>> {
  const wanted = new Set(ids);
  const bots = deps.roster.stopped().filter((bot) => wanted.has(bot.id));
  if (bots.length === 0) {
    return fail('not_found', 'Those bots are no longer waiting to be relaunched.');
  }
  const orphans = bots.filter((bot) => !deps.hasAccount(bot.accountId));
  if (orphans.length > 0) {
    return fail(
      'unknown_account',
      `${listNames(orphans)} cannot be relaunched: the account they were launched with is no ` +
        'longer set up in Botdeck. Add the account again, or dismiss them.',
    );
  }

  const given = (bot: StoppedRosterBot): string | undefined =>
    Object.hasOwn(passcodes, bot.id) ? passcodes[bot.id] : undefined;
  const unknown = bots.filter((bot) => bot.passcode === null && given(bot) === undefined);
  if (unknown.length > 0) {
    return fail(
      'passcode_needed',
      `${listNames(unknown)} cannot be relaunched without the meeting passcode: Botdeck kept it ` +
        'only in memory (no system keychain). Enter it (empty if the meeting has none).',
    );
  }

  const taken = deps.roster.takeStopped(bots.map((bot) => bot.id));
  const botIds: string[] = [];
  let problem: string | null = null;
  for (const group of groupByLaunch(taken, given)) {
    const first = group[0] as StoppedRosterBot;
    const request = LaunchRequestSchema.safeParse({
      // The number alone means zoom.us; a ZoomGov meeting goes back through its link's domain.
      meeting:
        first.zoomDomain === 'zoomgov.com'
          ? `https://zoomgov.com/j/${first.meetingNumber}`
          : first.meetingNumber,
      passcode: first.passcode ?? given(first),
      names: group.map((bot) => bot.name),
      accountId: first.accountId,
      timeouts: first.timeouts,
      chatOnJoin: first.chatOnJoin,
    });
    const result = request.success
      ? await deps.launch(request.data)
      : fail('invalid_request', describeIssue(request.error.issues[0]));
    if (result.ok) {
      botIds.push(...result.value.botIds);
    } else {
      deps.roster.restoreStopped(group);
      problem ??= result.error.message;
    }
  }
  await deps.roster.save();
  if (problem === null) return ok({ botIds });
  const outcome =
    botIds.length === 0
      ? `No bot was relaunched: ${problem} They are still listed.`
      : `${botIds.length} of ${taken.length} bots were relaunched; the others could not be: ` +
        `${problem} They are still listed.`;
  return fail('relaunch_failed', outcome);
}

/** Bots launched together, in their launch order; launches in the order they came. */
function groupByLaunch(
  bots: readonly StoppedRosterBot[],
  given: (bot: StoppedRosterBot) => string | undefined,
): StoppedRosterBot[][] {
  const groups = new Map<string, StoppedRosterBot[]>();
  const ordered = [...bots].sort((a, b) => a.createdAt - b.createdAt);
  for (const bot of ordered) {
    // Same launch means same meeting, passcode, account and limits; the key says so anyway.
    const passcode = bot.passcode ?? given(bot);
    const key = `${bot.launchId}\u0000${bot.meetingNumber}\u0000${passcode}\u0000${bot.accountId}`;
    const group = groups.get(key);
    if (group) group.push(bot);
    else groups.set(key, [bot]);
  }
  return [...groups.values()];
}

/** "Ada, Grace and 3 more". */
export const listNames = (bots: readonly { name: string }[]): string =>
  joinNames(bots.map((bot) => bot.name));
