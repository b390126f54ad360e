/**
 * Does each stored Zoom account work? Runs the account's own "Test connection" (token, service
 * user, one ZAK, through the account service), so Diagnostics and the account card can never
 * disagree. Only the test's operator words are reported: the token and the ZAK it minted stay
 * inside the account service, as they do for the button.
 */
import type { AccountView, ConnectionTestReport, Result } from '../../shared/ipc-contract';
import { summarizeConnectionTest } from '../accounts/connection-test';
import { passed, problem, skipped, type CheckOutcome, type CheckSpec } from './diagnostic-check';

/** The part of the account service these checks use. */
export interface AccountTests {
  list(): AccountView[];
  test(accountId: string): Promise<Result<{ report: ConnectionTestReport }>>;
}

const FIXES: Record<ConnectionTestReport['steps'][number]['step'], string> = {
  token:
    'Edit the account in the dashboard and enter its Server-to-Server OAuth credentials again; ' +
    'if they are right, see the Zoom reachability checks.',
  profile:
    'Edit the account and check its service user, and the scopes the words above name, then ' +
    'test it again.',
  zak: 'Add the scope the words above name to the Server-to-Server OAuth app, then test again.',
};

export function accountChecks(accounts: AccountTests | null, loadError?: string): CheckSpec[] {
  if (loadError !== undefined) {
    return [
      {
        id: 'accounts',
        title: 'Zoom accounts',
        required: true,
        run: () =>
          Promise.resolve(
            problem(
              `Botdeck could not read its stored accounts: ${loadError}`,
              'See the data folder check; fix what it says, then run the checks again.',
            ),
          ),
      },
    ];
  }
  const stored = accounts?.list().filter((account) => !account.isSandbox) ?? [];
  if (accounts === null || stored.length === 0) {
    return [
      {
        id: 'accounts',
        title: 'Zoom accounts',
        required: false,
        run: () =>
          Promise.resolve(
            skipped(
              'No Zoom account is stored yet, so Botdeck runs in sandbox mode. Add one in the ' +
                'dashboard, then run the checks again to test it.',
            ),
          ),
      },
    ];
  }
  return stored.map((account) => ({
    id: `account:${account.id}`,
    title: `Zoom account “${account.label}”`,
    required: true,
    // Three Zoom calls in a row, each with its own retries.
    timeoutMs: 15_000,
    run: () => testAccount(accounts, account),
  }));
}

async function testAccount(accounts: AccountTests, account: AccountView): Promise<CheckOutcome> {
  const result = await accounts.test(account.id);
  if (!result.ok) {
    return problem(
      `Test connection could not run: ${result.error.message}`,
      'Edit the account in the dashboard and enter its secrets again; if saving fails, see the ' +
        'OS keychain check.',
    );
  }
  const { report } = result.value;
  if (report.ok) return passed(`Test connection passed: ${summarizeConnectionTest(report)}`);
  const failed = report.steps.find((step) => !step.ok);
  return problem(
    `Test connection failed: ${summarizeConnectionTest(report)}`,
    failed ? FIXES[failed.step] : 'Press Test connection on the account for details.',
  );
}
