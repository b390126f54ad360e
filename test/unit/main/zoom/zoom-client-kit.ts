/**
 * A Zoom client against a scripted server, as the Zoom client's unit tests build it: sleeps
 * are recorded, never really waited; the caller closes the server.
 */
import type { Logger } from '../../../../src/main/log/logger';
import { createZoomClient } from '../../../../src/main/zoom/zoom-client';
import { startScriptedServer, tokenReply, type Script } from './scripted-zoom-server';

const SECRET = 'client-secret-do-not-leak';

export interface ZoomClientKitOptions {
  oauth?: Script;
  now?: number;
  fetch?: typeof fetch;
  logger?: Logger;
}

export async function startZoomClient(rest: Script, options: ZoomClientKitOptions = {}) {
  let issued = 0;
  const server = await startScriptedServer((request) =>
    request.path === '/oauth/token'
      ? (options.oauth?.(request) ?? tokenReply(`access-${++issued}`))
      : rest(request),
  );
  const sleeps: number[] = [];
  const client = createZoomClient({
    oauthBaseUrl: server.url,
    apiBaseUrl: `${server.url}/v2`,
    accountId: 'acc-1',
    clientId: 'client-id',
    clientSecret: SECRET,
    fetch: options.fetch ?? fetch,
    now: () => options.now ?? Date.now(),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    mintRatePerSecond: 10_000,
    logger: options.logger,
  });
  return { client, sleeps, server };
}
