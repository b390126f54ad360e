/**
 * The desktop app's early IPC endpoint: calls made while the services start wait for them and
 * get their answers; bot changes flow once they exist; a start that failed answers in words.
 */
import { describe, expect, it } from 'vitest';
import { createWaitingEndpoint, type Endpoint } from '../../../../src/main/app/waiting-endpoint';
import { ok, type BotsChangedEvent } from '../../../../src/shared/ipc-contract';

function servicesLater() {
  let resolve: (endpoint: Endpoint | null) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<Endpoint | null>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const listeners = new Set<(event: BotsChangedEvent) => void>();
  const endpoint: Endpoint = {
    handleDashboard: async (channel, payload) => ok({ channel, payload }),
    handleBot: async (botId, channel) => ok({ botId, channel }),
    onBotsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { promise, endpoint, listeners, up: () => resolve(endpoint), fail: reject };
}

/** Lets every callback queued on settled promises run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('waiting endpoint', () => {
  it('answers a call made before the services are up with their answer', async () => {
    const services = servicesLater();
    const waiting = createWaitingEndpoint(services.promise);
    let answered = false;
    const early = waiting.handleDashboard('app:snapshot', { a: 1 }).then((result) => {
      answered = true;
      return result;
    });
    await settle();
    expect(answered).toBe(false);
    services.up();
    expect(await early).toEqual(ok({ channel: 'app:snapshot', payload: { a: 1 } }));
    expect(await waiting.handleBot('b1', 'bot:status', {})).toEqual(
      ok({ botId: 'b1', channel: 'bot:status' }),
    );
  });

  it('passes bot changes on once the services exist, and stops when told', async () => {
    const services = servicesLater();
    const waiting = createWaitingEndpoint(services.promise);
    const heard: BotsChangedEvent[] = [];
    const stop = waiting.onBotsChanged((event) => heard.push(event));
    services.up();
    await settle();
    const event: BotsChangedEvent = { bots: [] };
    for (const listener of services.listeners) listener(event);
    expect(heard).toEqual([event]);
    stop();
    expect(services.listeners.size).toBe(0);
  });

  it('a listener stopped before the services are up never subscribes', async () => {
    const services = servicesLater();
    const stop = createWaitingEndpoint(services.promise).onBotsChanged(() => undefined);
    stop();
    services.up();
    await settle();
    expect(services.listeners.size).toBe(0);
  });

  it('says in words that Botdeck did not start when the services failed', async () => {
    const services = servicesLater();
    const waiting = createWaitingEndpoint(services.promise);
    services.fail(new Error('keychain locked'));
    const answer = await waiting.handleDashboard('app:snapshot', {});
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/did not start/);
  });
});
