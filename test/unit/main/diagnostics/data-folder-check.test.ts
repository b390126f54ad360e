import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataFolderCheck } from '../../../../src/main/diagnostics/data-folder-check';
import { runChecks } from '../../../../src/main/diagnostics/diagnostic-check';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'botdeck-data-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function run(dataDir: string | null) {
  const [check] = await runChecks([dataFolderCheck({ dataDir, platform: 'linux' })]);
  if (!check) throw new Error('no check');
  return check;
}

describe('the data folder check', () => {
  it('creates a missing folder privately and leaves no trace of its write test', async () => {
    const dataDir = join(root, 'Botdeck');
    const check = await run(dataDir);
    expect(check).toMatchObject({
      status: 'ok',
      message: `${dataDir} was created and is writable; only you can read it.`,
    });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('names the folder and the files other users can read, with the chmod that fixes them', async () => {
    const dataDir = join(root, 'Botdeck');
    await mkdir(join(dataDir, 'logs'), { recursive: true });
    await chmod(dataDir, 0o755);
    await writeFile(join(dataDir, 'settings.json'), '{}', { mode: 0o644 });
    await writeFile(join(dataDir, 'roster.json'), '{}', { mode: 0o600 });
    await writeFile(join(dataDir, 'logs', 'botdeck.log'), '', { mode: 0o640 });
    // Electron's own files are not Botdeck's to judge.
    await writeFile(join(dataDir, 'Preferences'), '{}', { mode: 0o644 });

    const check = await run(dataDir);
    expect(check.status).toBe('problem');
    expect(check.message).toBe(
      `${dataDir} exists and is writable, but other users can get at the folder, ` +
        `settings.json, ${join('logs', 'botdeck.log')}.`,
    );
    expect(check.fix).toBe(
      `Make it private again: \`chmod 700 ${dataDir} && chmod 600 ` +
        `${join(dataDir, 'settings.json')} ${join(dataDir, 'logs', 'botdeck.log')}\`.`,
    );
  });

  it('says when the folder cannot be created', async () => {
    const blocker = join(root, 'not-a-folder');
    await writeFile(blocker, '');
    const check = await run(join(blocker, 'Botdeck'));
    expect(check.status).toBe('problem');
    expect(check.message).toContain(
      `Botdeck cannot create its data folder ${join(blocker, 'Botdeck')}`,
    );
    expect(check.fix).toContain('--data-dir');
  });

  it('is skipped where Botdeck keeps no data folder', async () => {
    expect((await run(null)).status).toBe('skipped');
  });
});
