/**
 * The line `npm run sandbox` prints on start: where the sandbox answers and its demo account's
 * credentials. The e2e tests read the sandbox through the shared test client
 * (`test/support/sandbox-client.ts`), aimed at this line.
 */
import type { SandboxTarget } from '../../support/sandbox-client';

/** `{url, accountId, clientId, clientSecret, sdkKey, sdkSecret, userId}`. */
export type SandboxLine = { url: string } & SandboxTarget['account'];

/** The printed line as the client's target. */
export const sandboxOf = (line: SandboxLine): SandboxTarget => ({ url: line.url, account: line });
