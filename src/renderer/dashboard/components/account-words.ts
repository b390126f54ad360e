/**
 * How the dashboard words accounts. Records keyed by the contract's unions make a new plan or
 * test step a compile error here until it is worded.
 */
import type { AccountView, ConnectionTestStep, ZoomPlan } from '../../../shared/ipc-contract';

/** The plan select's options: the plan sets how many ZAKs per second Zoom allows. */
export const PLAN_OPTION_LABELS: Record<ZoomPlan, string> = {
  free: 'Free — 4 ZAKs/s',
  pro: 'Pro — 30/s',
  business: 'Business or higher — 80/s',
};

/** The plan on an account card, where the rate needs its unit. */
export const PLAN_SUMMARIES: Record<ZoomPlan, string> = {
  free: 'Free (up to 4 ZAKs/s)',
  pro: 'Pro (up to 30 ZAKs/s)',
  business: 'Business or higher (up to 80 ZAKs/s)',
};

export const STEP_LABELS: Record<ConnectionTestStep, string> = {
  token: 'Access token',
  profile: 'Service user profile',
  zak: 'ZAK minting',
};

export const secretsWords = (account: AccountView): string => {
  // The sandbox's demo credentials are made up at start and live only in memory.
  if (account.isSandbox) return 'Built-in demo credentials (nothing stored)';
  return account.hasSecrets ? 'Secrets stored in the system keychain' : 'No secrets stored';
};

/** An account in the launch form's list: its label, marked when it is the sandbox's. */
export const launchAccountLabel = (account: AccountView): string =>
  account.isSandbox ? `${account.label} (sandbox)` : account.label;

/** When a test ran, in the operator's locale and time zone. */
export function formatTestTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const checkMark = (ok: boolean): string => (ok ? '✓' : '✗');
