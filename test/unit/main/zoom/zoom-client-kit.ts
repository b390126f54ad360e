/**
 * A Zoom client against a scripted server, as the Zoom client's unit tests build it: sleeps
 * are recorded, never really waited.
 */
import { afterEach } from 'vitest';
import type { Logger } from '../../../../src/main/log/logger';
import { createZoomClient } from '../../../../src/main/zoom/zoom-client';
import {
  startScriptedServer,
  tokenReply,
  type Script,
  type ScriptedServer,
} from './scripted-zoom-server';

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

/** A `setup` for a test file: every server it starts is closed after the test that started it. */
export function zoomClientSetup() {
  const servers: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (rest: Script, options: ZoomClientKitOptions = {}) => {
    const made = await startZoomClient(rest, options);
    servers.push(made.server);
    return made;
  };
}
