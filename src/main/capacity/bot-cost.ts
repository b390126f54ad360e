/**
 * What one bot costs the machine in memory, by the meeting client it runs: the one place the
 * capacity guard learns it from, so a new measurement changes one line here.
 *
 * Measured with `npm run bench` (`pssPerSandboxBotMB`, `pssPerZoomSdkBotMB`): the PSS of the web
 * host's whole process tree per bot, on a 2-core Debian machine with Debian's Chromium. A
 * sandbox bot in a meeting measured about 28 MB (24 MB at 100 bots, where the browser's fixed
 * cost is spread thinner); a bot running Zoom's Meeting SDK about 191 MB at its heaviest, while
 * it joins. Both are rounded up by a tenth or so for safety (another Chromium, a busier meeting,
 * the desktop app's windows), so the guard warns a little early rather than too late.
 */
import type { AccountView, MeetingSdkKind } from '../../shared/ipc-contract';

export const BOT_COST_MB: Readonly<Record<MeetingSdkKind, number>> = {
  sandbox: 32,
  zoom: 210,
};

/**
 * The meeting client an account's bots run: the sandbox's own for the built-in sandbox account,
 * Zoom's Meeting SDK for every other (as `forLaunch` decides). Undefined is the default account,
 * the first, as a launch without one gets; null when there is no such account.
 */
export function kindOfAccount(
  accounts: readonly Pick<AccountView, 'id' | 'isSandbox'>[],
  accountId: string | undefined,
): MeetingSdkKind | null {
  const account =
    accountId === undefined ? accounts[0] : accounts.find((entry) => entry.id === accountId);
  if (!account) return null;
  return account.isSandbox ? 'sandbox' : 'zoom';
}
