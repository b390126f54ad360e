/**
 * The processes every e2e fixture runs: the sandbox alone (`npm run sandbox`'s entry) and the
 * web host (`npm run web`'s entry) pointed at it, with a fresh settings folder so a test never
 * reads the developer's own accounts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJsonLineProcess, type Started } from './processes';
import type { SandboxLine } from './sandbox-line';

export interface BotdeckProcesses {
  sandbox: Started<SandboxLine>;
  host: Started<{ url: string; sandboxUrl: string }>;
  dataDir: string;
  stop(): Promise<void>;
}

/** `hostArgs` gives extra web host flags (e.g. `--meeting-sdk zoom`), knowing the sandbox. */
export async function startBotdeckProcesses(
  tag: string,
  hostArgs: (sandbox: SandboxLine) => string[],
  /** settings.json for the web host's data folder, written before it starts; none by default. */
  settings: object | null = null,
): Promise<BotdeckProcesses> {
  const sandbox = await startJsonLineProcess<SandboxLine>(`sandbox-${tag}`, [
    'src/main/sandbox/cli.ts',
    '--port',
    '0',
  ]);
  const dataDir = await mkdtemp(join(tmpdir(), `botdeck-e2e-${tag.slice(0, 20)}-`));
  if (settings !== null) {
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify(settings), { mode: 0o600 });
  }
  const host = await startJsonLineProcess<{ url: string; sandboxUrl: string }>(
    `web-host-${tag}`,
    [
      'src/main/web/cli.ts',
      '--sandbox-url',
      sandbox.line.url,
      '--data-dir',
      dataDir,
      ...hostArgs(sandbox.line),
    ],
    { BOTDECK_SANDBOX_ACCOUNT: JSON.stringify(sandbox.line) },
  );
  return {
    sandbox,
    host,
    dataDir,
    async stop() {
      await host.stop();
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
