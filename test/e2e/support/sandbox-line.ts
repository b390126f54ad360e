/**
 * The line `npm run sandbox` prints on start: where the sandbox answers and its demo account's
 * credentials. The e2e tests read the sandbox through the shared test client
 * (`test/support/sandbox-client.ts`), aimed at this line.
 */
import type { SandboxTarget } from '../../support/sandbox-client';

export interface SandboxLine {
  url: string;
  accountId: string;
  clientId: string;
  clientSecret: string;
  sdkKey: string;
  sdkSecret: string;
  userId: string;
}

/** The printed line as the client's target. */
export const sandboxOf = (line: SandboxLine): SandboxTarget => ({ url: line.url, account: line });
