import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileLogger, type FileLogger } from '../../../../src/main/log/file-logger';
import type { Logger } from '../../../../src/main/log/logger';

let dataDir: string;
let logger: FileLogger | null = null;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'botdeck-log-'));
});

afterEach(async () => {
  await logger?.close();
  logger = null;
  await rm(dataDir, { recursive: true, force: true });
});

/** Every log line on disk, from the current file and the rotated ones. */
async function linesOnDisk(folder: string): Promise<{ files: string[]; text: string }> {
  const files = (await readdir(folder)).sort();
  const texts = await Promise.all(files.map((name) => readFile(join(folder, name), 'utf8')));
  return { files, text: texts.join('') };
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (message: string) => void lines.push(message);
  return { lines, info: record, warn: record, error: record };
}

describe('the log file', () => {
  it('never holds a canary secret, at any depth, while keeping every entry', async () => {
    const canary = `canary-${randomBytes(12).toString('hex')}`;
    logger = await openFileLogger({ dataDir, fallback: recordingLogger() });

    logger.info('Minted a ZAK', { botId: 'b1', zak: canary, accessToken: canary });
    logger.warn('Account test failed', {
      accountId: 'acc-1',
      request: { headers: { Authorization: `Bearer ${canary}` }, clientSecret: canary },
      tickets: [{ signature: canary, meetingNumber: '81234567890' }],
      cookie: canary,
      sdkSecret: canary,
      password: canary,
    });
    logger.error('Launch failed', { error: new Error('Zoom said no'), nested: { pwd: canary } });
    await logger.flush();

    const { files, text } = await linesOnDisk(logger.folder);
    expect(files).toEqual(['botdeck.log']);
    expect(text).not.toContain(canary);
    const entries = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((entry) => [entry.level, entry.message])).toEqual([
      ['info', 'Minted a ZAK'],
      ['warn', 'Account test failed'],
      ['error', 'Launch failed'],
    ]);
    expect(entries[0]).toMatchObject({ botId: 'b1', zak: '[redacted]' });
    expect(entries[1]).toMatchObject({
      accountId: 'acc-1',
      tickets: [{ signature: '[redacted]', meetingNumber: '81234567890' }],
    });
    expect(entries[2]).toMatchObject({ error: { name: 'Error', message: 'Zoom said no' } });
  });

  it('rotates by size and keeps only the newest files', async () => {
    logger = await openFileLogger({
      dataDir,
      maxBytes: 400,
      keep: 2,
      fallback: recordingLogger(),
    });
    for (let index = 0; index < 40; index += 1) {
      logger.info('A line long enough to fill the small file quickly', { index });
    }
    await logger.flush();

    const { files, text } = await linesOnDisk(logger.folder);
    expect(files).toEqual(['botdeck.log', 'botdeck.log.1', 'botdeck.log.2']);
    // The newest entries are kept; the oldest went with the files not kept.
    expect(text).toContain('"index":39,');
    expect(text).not.toContain('"index":0,');
    for (const name of files) {
      // A file is rotated right after the line that takes it past the limit.
      expect((await stat(join(logger.folder, name))).size).toBeLessThan(400 + 200);
    }
  });

  it('keeps its files private to the user: a 0700 folder of 0600 files', async () => {
    logger = await openFileLogger({ dataDir, maxBytes: 200, fallback: recordingLogger() });
    for (let index = 0; index < 10; index += 1) logger.info('Private line', { index });
    await logger.flush();

    expect((await stat(logger.folder)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(logger.folder)) {
      expect((await stat(join(logger.folder, name))).mode & 0o777).toBe(0o600);
    }
  });

  it('appends to the file an earlier run left', async () => {
    logger = await openFileLogger({ dataDir, fallback: recordingLogger() });
    logger.info('First run');
    await logger.close();
    logger = await openFileLogger({ dataDir, fallback: recordingLogger() });
    logger.info('Second run');
    await logger.flush();

    const lines = (await readFile(logger.file, 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual([
      'First run',
      'Second run',
    ]);
  });

  it('says once when the file cannot be written, and never throws at the caller', async () => {
    // A folder where the log file should be: the stream cannot open it.
    const fallback = recordingLogger();
    await mkdir(join(dataDir, 'logs', 'botdeck.log'), { recursive: true });
    logger = await openFileLogger({ dataDir, fallback });

    expect(() => logger?.info('Into the void')).not.toThrow();
    await expect
      .poll(() => fallback.lines)
      .toEqual(['The log file cannot be written; logging to the console only']);
    logger.info('Still no throw');
    await logger.flush();
    expect(fallback.lines).toHaveLength(1);
  });

  it('tightens a log file an older run left readable by others', async () => {
    await mkdir(join(dataDir, 'logs'), { recursive: true, mode: 0o755 });
    await writeFile(join(dataDir, 'logs', 'botdeck.log'), '', { mode: 0o644 });
    logger = await openFileLogger({ dataDir, fallback: recordingLogger() });

    expect((await stat(logger.folder)).mode & 0o777).toBe(0o700);
    expect((await stat(logger.file)).mode & 0o777).toBe(0o600);
  });
});
