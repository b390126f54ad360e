/**
 * The ZAK engine's figures, against the embedded sandbox on loopback: how many OAuth requests
 * 1,000 concurrent mints cause, the sustained mint rate under Zoom Pro's limit, and what the
 * client adds to a raw fetch of the same endpoint.
 */
import { performance } from 'node:perf_hooks';
import { startSandbox, type RunningSandbox } from '../src/main/sandbox/sandbox-server';
import { createZoomClient, type ZoomClient } from '../src/main/zoom/zoom-client';

const UNLIMITED = 1_000_000;

function clientFor(
  sandbox: RunningSandbox,
  fetchImpl: typeof fetch,
  perSecond: number,
): ZoomClient {
  return createZoomClient({
    oauthBaseUrl: sandbox.url,
    apiBaseUrl: sandbox.url,
    accountId: sandbox.account.accountId,
    clientId: sandbox.account.clientId,
    clientSecret: sandbox.account.clientSecret,
    fetch: fetchImpl,
    now: Date.now,
    mintRatePerSecond: perSecond,
  });
}

async function oauthRequests(sandbox: RunningSandbox): Promise<number> {
  const audit = (await (await fetch(`${sandbox.url}/sandbox/audit`)).json()) as {
    oauthRequests: number;
  };
  return audit.oauthRequests;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

export async function concurrentMints(): Promise<{ oauthRequests: number; mints: number }> {
  const sandbox = await startSandbox({ port: 0, audit: true, lightLimitPerSecond: UNLIMITED });
  try {
    const client = clientFor(sandbox, fetch, UNLIMITED);
    const zaks = await Promise.all(
      Array.from({ length: 1_000 }, () => client.mintZak(sandbox.account.userId)),
    );
    return { oauthRequests: await oauthRequests(sandbox), mints: new Set(zaks).size };
  } finally {
    await sandbox.close();
  }
}

export async function sustainedMints(): Promise<{
  mintsPerSecond: number;
  rateLimited429: number;
  seconds: number;
}> {
  const sandbox = await startSandbox({ port: 0, audit: false, lightLimitPerSecond: 30 });
  let rateLimited429 = 0;
  const counting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 429) rateLimited429 += 1;
    return response;
  };
  try {
    const client = clientFor(sandbox, counting, 30);
    await client.mintZak(sandbox.account.userId); // token fetched outside the timed part
    const started = performance.now();
    await Promise.all(Array.from({ length: 600 }, () => client.mintZak(sandbox.account.userId)));
    const seconds = (performance.now() - started) / 1000;
    return { mintsPerSecond: 600 / seconds, rateLimited429, seconds };
  } finally {
    await sandbox.close();
  }
}

export async function latency(
  samples = 300,
): Promise<{ clientMedianMs: number; rawMedianMs: number; overheadRatio: number }> {
  const sandbox = await startSandbox({ port: 0, lightLimitPerSecond: UNLIMITED });
  try {
    const client = clientFor(sandbox, fetch, UNLIMITED);
    const basic = Buffer.from(
      `${sandbox.account.clientId}:${sandbox.account.clientSecret}`,
    ).toString('base64');
    const tokenResponse = await fetch(
      `${sandbox.url}/oauth/token?grant_type=account_credentials&account_id=${sandbox.account.accountId}`,
      { method: 'POST', headers: { Authorization: `Basic ${basic}` } },
    );
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const url = `${sandbox.url}/v2/users/${sandbox.account.userId}/token?type=zak&ttl=7200`;
    const raw = async (): Promise<void> => {
      await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
    };
    const viaClient = async (): Promise<void> => {
      await client.mintZak(sandbox.account.userId, 7200);
    };
    await viaClient(); // warm the token cache and both connections
    await raw();
    const clientTimes: number[] = [];
    const rawTimes: number[] = [];
    // Interleaved so both see the same machine load.
    for (let i = 0; i < samples; i += 1) {
      for (const [run, times] of [
        [viaClient, clientTimes],
        [raw, rawTimes],
      ] as const) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
    }
    const clientMedianMs = median(clientTimes);
    const rawMedianMs = median(rawTimes);
    return { clientMedianMs, rawMedianMs, overheadRatio: clientMedianMs / rawMedianMs };
  } finally {
    await sandbox.close();
  }
}

