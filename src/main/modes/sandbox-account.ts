/**
 * Sandbox mode's one account: the embedded sandbox's demo credentials, shaped like a real
 * Zoom account so every later layer runs the same code in both modes.
 */
import type { AccountConfig } from '../accounts/account-config';
import type { SandboxAccount } from '../sandbox/sandbox-server';

export const SANDBOX_ACCOUNT_ID = 'sandbox';

export interface SandboxEndpoint {
  url: string;
  account: SandboxAccount;
}

export function sandboxAccountConfig(sandbox: SandboxEndpoint): AccountConfig {
  return {
    id: SANDBOX_ACCOUNT_ID,
    label: 'Sandbox demo account',
    isSandbox: true,
    oauthBaseUrl: sandbox.url,
    apiBaseUrl: `${sandbox.url}/v2`,
    accountId: sandbox.account.accountId,
    clientId: sandbox.account.clientId,
    clientSecret: sandbox.account.clientSecret,
    sdkKey: sandbox.account.sdkKey,
    sdkSecret: sandbox.account.sdkSecret,
    userId: sandbox.account.userId,
  };
}
