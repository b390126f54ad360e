/**
 * `npm run -s sandbox -- --port N [--light-limit N]`: runs the sandbox alone, with the audit on,
 * for e2e tests and demos. Prints exactly one JSON line (where it listens and the demo account's
 * credentials) so a parent process can read it, then serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './sandbox-server';

function parseCount(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'light-limit': { type: 'string' },
    },
    strict: true,
  });
  const sandbox = await startSandbox({
    port: parseCount('port', values.port, 0, 65_535) ?? 0,
    lightLimitPerSecond: parseCount('light-limit', values['light-limit'], 1, 100_000),
    audit: true,
  });
  const { account } = sandbox;
  console.log(
    JSON.stringify({
      url: sandbox.url,
      accountId: account.accountId,
      clientId: account.clientId,
      clientSecret: account.clientSecret,
      sdkKey: account.sdkKey,
      sdkSecret: account.sdkSecret,
      userId: account.userId,
    }),
  );
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[sandbox] close failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[sandbox] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
