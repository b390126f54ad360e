/**
 * Problems with the link to main: a dropped web-host connection (nothing updates after that,
 * so the operator must know) and a snapshot that could not be loaded.
 */
import { useAppStore } from '../store/store-context';

export function ConnectionBanner() {
  const connection = useAppStore((state) => state.connection);
  const loadError = useAppStore((state) => state.loadError);
  if (connection === 'closed') {
    return (
      <div className="banner banner-error" role="alert" data-testid="connection-banner">
        Lost the connection to Botdeck. Reload to reconnect.
      </div>
    );
  }
  if (loadError !== null) {
    return (
      <div className="banner banner-error" role="alert" data-testid="load-error">
        {loadError}
      </div>
    );
  }
  return null;
}
