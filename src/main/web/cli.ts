/**
 * `npm run web`: starts the web host and prints one JSON line `{"url","sandboxUrl"}` once it
 * is ready, then serves until killed. Logs go to stderr so stdout stays machine-readable.
 *
 *   --port N              web host port (default: any free port)
 *   --chromium PATH       Chromium for bot pages (default /usr/bin/chromium, or $BOTDECK_CHROMIUM)
 *   --sandbox-url URL     use a running sandbox; its demo credentials come from
 *                         $BOTDECK_SANDBOX_ACCOUNT (the JSON line `npm run sandbox` prints)
 *   --data-dir DIR        data folder: settings, roster, history (default: the desktop app's,
 *                         e.g. ~/.config/Botdeck)
 *   --zoom-base-url URL   send stored Zoom accounts' API calls here instead of zoom.us
 *                         (point it at a sandbox to rehearse the real-account flow); https,
 *                         or http only to 127.0.0.1 / localhost / [::1]
 *   --meeting-sdk zoom    the sandbox account's bots run Zoom's real Meeting SDK (default sandbox)
 *   --block-host PATTERN  bot pages may not reach this host (`*.zoom.us`: it and subdomains);
 *                         repeatable; blocked requests are logged
 *   --assume-free-memory-mb N
 *                         for tests and benchmarks: the capacity guard takes the machine's free
 *                         memory to be N MB instead of measuring it (the dashboard says so)
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { MeetingSdkKind } from '../../shared/ipc-contract';
import { createConsoleLogger } from '../log/logger';
import type { SandboxEndpoint } from '../modes/sandbox-account';
import { startWebHost } from './start-web-host';

const SandboxLineSchema = z.object({
  url: z.string().url().optional(),
  accountId: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  sdkKey: z.string(),
  sdkSecret: z.string(),
  userId: z.string(),
});

function externalSandbox(url: string | undefined): SandboxEndpoint | undefined {
  if (url === undefined) return undefined;
  const raw = process.env.BOTDECK_SANDBOX_ACCOUNT;
  if (!raw)
    throw new Error('--sandbox-url needs $BOTDECK_SANDBOX_ACCOUNT (the sandbox JSON line).');
  const line = SandboxLineSchema.parse(JSON.parse(raw));
  return {
    url: url.replace(/\/$/, ''),
    account: { ...line, email: '', displayName: '' },
  };
}

function meetingSdkKind(value: string | undefined): MeetingSdkKind | undefined {
  if (value === undefined || value === 'sandbox' || value === 'zoom') return value;
  throw new Error(`--meeting-sdk takes "sandbox" or "zoom", not "${value}".`);
}

function megabytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d{1,9}$/.test(value)) return Number(value);
  throw new Error(`--assume-free-memory-mb takes a whole number of megabytes, not "${value}".`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      chromium: { type: 'string' },
      'sandbox-url': { type: 'string' },
      'data-dir': { type: 'string' },
      'zoom-base-url': { type: 'string' },
      'meeting-sdk': { type: 'string' },
      'block-host': { type: 'string', multiple: true },
      'assume-free-memory-mb': { type: 'string' },
    },
  });
  const logger = createConsoleLogger();
  const host = await startWebHost({
    port: values.port === undefined ? undefined : Number(values.port),
    chromiumPath: values.chromium ?? process.env.BOTDECK_CHROMIUM,
    sandbox: externalSandbox(values['sandbox-url']),
    dataDir: values['data-dir'],
    zoomBaseUrl: values['zoom-base-url'],
    meetingSdk: meetingSdkKind(values['meeting-sdk']),
    blockHosts: values['block-host'],
    assumeFreeMemoryMB: megabytes(values['assume-free-memory-mb']),
    logger,
  });
  process.stdout.write(`${JSON.stringify({ url: host.url, sandboxUrl: host.sandboxUrl })}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `Botdeck web host could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
