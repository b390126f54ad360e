import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/main/log/logger';
import { createHistoryLog } from '../../../../src/main/persistence/history-log';
import type { HistoryEntry } from '../../../../src/shared/ipc-contract';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'botdeck-history-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const join_ = (n: number): HistoryEntry => ({
  kind: 'join',
  at: n,
  botId: `bot-${n}`,
  name: `Bot ${n}`,
  meetingNumber: '81234567890',
  accountId: 'sandbox',
  rejoin: false,
});

describe('history log', () => {
  it('appends JSON lines and lists them newest first, in a 0600 file', async () => {
    const log = createHistoryLog({ dataDir: dir, logger: silentLogger });
    log.append([join_(1), join_(2)]);
    log.append([join_(3)]);

    expect((await log.list(10)).map((entry) => entry.at)).toEqual([3, 2, 1]);
    expect((await log.list(2)).map((entry) => entry.at)).toEqual([3, 2]);
    const lines = (await readFile(join(dir, 'history.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as HistoryEntry).at)).toEqual([1, 2, 3]);
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, 'history.jsonl'))).mode & 0o777).toBe(0o600);
    }
  });

  it('rotates by size, keeps three old files, and lists and exports across them', async () => {
    const log = createHistoryLog({ dataDir: dir, logger: silentLogger, maxBytes: 400 });
    // About 120 bytes a line: three lines a file, so 30 batches make 10 files' worth.
    for (let n = 1; n <= 30; n++) {
      log.append([join_(n)]);
      await log.flush();
    }

    expect((await readdir(dir)).sort()).toEqual([
      'history.1.jsonl',
      'history.2.jsonl',
      'history.3.jsonl',
      'history.jsonl',
    ]);
    for (const name of await readdir(dir)) {
      expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(400);
    }
    expect((await log.list(5)).map((entry) => entry.at)).toEqual([30, 29, 28, 27, 26]);
    // The newest entries, in order and without a gap; the oldest files were deleted.
    const all = (await log.all()).map((entry) => entry.at);
    const first = all[0] ?? 0;
    expect(first).toBeGreaterThan(1);
    expect(all).toEqual(Array.from({ length: 31 - first }, (_, i) => first + i));
  });

  it('skips a torn last line left by a crash and keeps appending after it', async () => {
    const log = createHistoryLog({ dataDir: dir, logger: silentLogger });
    log.append([join_(1)]);
    await log.flush();
    await appendFile(join(dir, 'history.jsonl'), '{"kind":"join","at":2,"bo');

    expect((await log.list(10)).map((entry) => entry.at)).toEqual([1]);
    log.append([join_(3)]);
    expect((await log.list(10)).map((entry) => entry.at)).toEqual([3, 1]);
  });

  it('writes only the fields the schema names', async () => {
    const log = createHistoryLog({ dataDir: dir, logger: silentLogger });
    const withZak: HistoryEntry & { zak: string } = { ...join_(1), zak: 'zak-canary' };
    log.append([withZak]);
    await log.flush();
    expect(await readFile(join(dir, 'history.jsonl'), 'utf8')).not.toContain('canary');
  });
});
