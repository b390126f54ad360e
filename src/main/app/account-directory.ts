/**
 * Turns the configured accounts (secrets included, main only) into what the rest of Botdeck
 * uses: a Zoom client per account for the fleet, and a secret-free `AccountView` for the
 * dashboard, filled from the service user's Zoom profile. A profile that cannot be fetched
 * becomes an operator notice, never a crash: the operator still sees the account and why.
 */
import type { AccountView } from '../../shared/ipc-contract';
import type { FleetAccount } from '../fleet/join-preparer';
import type { Logger } from '../log/logger';
import { isZoomApiError } from '../zoom/zoom-api-error';
import { createZoomClient } from '../zoom/zoom-client';
import type { AccountConfig } from './create-botdeck';

export interface LoadedAccount {
  view: AccountView;
  fleet: FleetAccount;
}

export interface AccountDirectory {
  accounts: LoadedAccount[];
  /** Problems found while loading, in operator words. */
  notices: string[];
}

export interface LoadAccountsDeps {
  fetch: typeof fetch;
  now: () => number;
  logger: Logger;
}

export async function loadAccounts(
  configs: AccountConfig[],
  deps: LoadAccountsDeps,
): Promise<AccountDirectory> {
  const notices: string[] = [];
  const accounts = await Promise.all(
    configs.map(async (config): Promise<LoadedAccount> => {
      const zoom = createZoomClient({
        oauthBaseUrl: config.oauthBaseUrl,
        apiBaseUrl: config.apiBaseUrl,
        accountId: config.accountId,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        fetch: deps.fetch,
        now: deps.now,
      });
      const view: AccountView = {
        id: config.id,
        label: config.label,
        displayName: config.label,
        email: '',
        avatarUrl: null,
        isSandbox: config.isSandbox,
        hasSecrets: config.clientSecret !== '' && config.sdkSecret !== '',
      };
      try {
        const user = await zoom.getUser(config.userId);
        view.displayName = user.displayName;
        view.email = user.email;
        view.avatarUrl = user.picUrl;
      } catch (error) {
        const words = isZoomApiError(error)
          ? error.operatorMessage
          : 'Botdeck could not read the profile; see the log.';
        notices.push(`Could not load the Zoom profile of “${config.label}”: ${words}`);
        deps.logger.warn('Could not load an account profile', {
          accountId: config.id,
          ...(isZoomApiError(error) ? error.toLogFields() : { error }),
        });
      }
      return {
        view,
        fleet: {
          id: config.id,
          zoom,
          userId: config.userId,
          sdkKey: config.sdkKey,
          sdkSecret: config.sdkSecret,
          avatarUrl: view.avatarUrl,
        },
      };
    }),
  );
  return { accounts, notices };
}
