/**
 * Fills each account's card from its service user's Zoom profile (name, email, the avatar every
 * bot inherits). Start-up waits a few seconds at most: a Zoom that is slow or unreachable must
 * not keep the dashboard from opening, so late profiles land in the background.
 */
import type { AccountConfig } from './account-config';
import type { Logger } from '../log/logger';
import type { ZoomClient } from '../zoom/zoom-client';
import { isZoomApiError } from '../zoom/zoom-api-error';
import { describeAccountError } from './account-errors';
import type { AccountEntry } from './account-entries';

export interface ProfileDeps {
  config(entry: AccountEntry): Promise<AccountConfig>;
  clientFor(config: AccountConfig, entry: AccountEntry): ZoomClient;
  /** Where problems are reported, in operator words. */
  notices: string[];
  logger: Logger;
  deadlineMs: number;
}

export async function loadProfiles(entries: AccountEntry[], deps: ProfileDeps): Promise<void> {
  const loads = entries
    .filter((entry) => entry.view.hasSecrets)
    .map((entry) => loadProfile(entry, deps));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deps.deadlineMs);
    timer.unref();
  });
  await Promise.race([Promise.all(loads), deadline]);
  clearTimeout(timer);
}

async function loadProfile(entry: AccountEntry, deps: ProfileDeps): Promise<void> {
  try {
    const config = await deps.config(entry);
    const user = await deps.clientFor(config, entry).getUser(config.userId);
    entry.view.displayName = user.displayName;
    entry.view.email = user.email;
    entry.view.avatarUrl = user.picUrl;
  } catch (error) {
    deps.notices.push(
      `Could not load the Zoom profile of “${entry.view.label}”: ${describeAccountError(error)}`,
    );
    deps.logger.warn('Could not load an account profile', {
      accountId: entry.view.id,
      ...(isZoomApiError(error) ? error.toLogFields() : { error: String(error) }),
    });
  }
}
