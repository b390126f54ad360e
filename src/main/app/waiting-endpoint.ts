/**
 * The IPC endpoint the desktop app registers before its services are up, so the dashboard
 * window can load while they start (the keychain, the data folder, stored accounts) instead of
 * after: a call made early waits for the services and is then answered by them; bot changes
 * flow from the moment they exist. If the services never start, every call says so in words.
 */
import { fail, type BotsChangedEvent, type Result } from '../../shared/ipc-contract';

export interface Endpoint {
  handleDashboard(channel: string, payload: unknown): Promise<Result<unknown>>;
  handleBot(botId: string, channel: string, payload: unknown): Promise<Result<unknown>>;
  onBotsChanged(listener: (event: BotsChangedEvent) => void): () => void;
}

const NOT_STARTED = fail('unavailable', 'Botdeck did not start; see its log for why.');

export function createWaitingEndpoint(services: Promise<Endpoint | null>): Endpoint {
  // A failed start is the caller's to report; here it only means there is nothing to answer.
  const ready = services.catch(() => null);
  return {
    async handleDashboard(channel, payload) {
      const endpoint = await ready;
      return endpoint ? endpoint.handleDashboard(channel, payload) : NOT_STARTED;
    },
    async handleBot(botId, channel, payload) {
      const endpoint = await ready;
      return endpoint ? endpoint.handleBot(botId, channel, payload) : NOT_STARTED;
    },
    onBotsChanged(listener) {
      let stop: (() => void) | null = null;
      let stopped = false;
      void ready.then((endpoint) => {
        if (endpoint && !stopped) stop = endpoint.onBotsChanged(listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
