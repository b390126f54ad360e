import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAtomicJsonFile } from '../../../../src/main/settings/atomic-json-file';

const DocSchema = z.object({ n: z.number().int(), pad: z.string() });
type Doc = z.infer<typeof DocSchema>;

/** 2026-11-28T01:05:26.123Z, fixed so set-aside names are predictable. */
const NOW = Date.UTC(2026, 10, 28, 1, 5, 26, 123);
const STAMP = '2026-11-28T01-05-26-123Z';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'botdeck-atomic-'));
  path = join(dir, 'doc.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const docFile = () => createAtomicJsonFile({ path, schema: DocSchema, now: () => NOW });
/** Documents large enough that a non-atomic write would be seen half-done by a reader. */
const doc = (n: number): Doc => ({ n, pad: String(n).repeat(20_000) });

describe('atomic JSON file', () => {
  it('reads a file that does not exist yet as missing', async () => {
    expect(await docFile().read()).toEqual({ status: 'missing' });
  });

  it('writes, then reads back the same value', async () => {
    const file = docFile();
    await file.write(doc(1));
    expect(await file.read()).toEqual({ status: 'ok', value: doc(1) });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(doc(1));
  });

  it('ends with the last of many concurrent writes, complete, and leaves no temp files', async () => {
    const file = docFile();
    await Promise.all(Array.from({ length: 40 }, (_, i) => file.write(doc(i))));

    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(doc(39));
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('only ever shows a reader the old or the new complete content while writes run', async () => {
    const file = docFile();
    await file.write(doc(0));
    const seen = new Set<number>();
    let writing = true;
    const reader = (async () => {
      while (writing) {
        // Straight from disk, past the file's queue, as another process would read it.
        const parsed = DocSchema.parse(JSON.parse(await readFile(path, 'utf8')));
        expect(parsed).toEqual(doc(parsed.n));
        seen.add(parsed.n);
      }
    })();
    for (let i = 1; i <= 60; i += 1) await file.write(doc(i));
    writing = false;
    await reader;
    expect(seen.size).toBeGreaterThan(1);
  });

  it('refuses a value outside the schema and leaves the file as it was', async () => {
    const file = docFile();
    await file.write(doc(1));
    await expect(file.write({ n: 1.5, pad: '' })).rejects.toThrow();
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(doc(1));
  });

  it('writes only what the schema knows, dropping extra fields', async () => {
    const file = docFile();
    await file.write({ ...doc(2), extra: 'not in the schema' } as Doc);
    expect(await readFile(path, 'utf8')).not.toContain('not in the schema');
  });

  it('removes its temp file when the final rename fails', async () => {
    const blocked = join(dir, 'blocked.json');
    await mkdir(join(blocked, 'occupied'), { recursive: true });
    const file = createAtomicJsonFile({ path: blocked, schema: DocSchema });
    await expect(file.write(doc(1))).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['blocked.json']);
  });

  it('sets a corrupt file aside under a timestamped name and says so', async () => {
    await writeFile(path, '{"n": 1, "pad": "tor');
    const result = await docFile().read();

    expect(result).toEqual({
      status: 'set-aside',
      problem: 'unparseable',
      setAsidePath: join(dir, `doc.corrupt-${STAMP}.json`),
      message: `doc.json was unreadable (not valid JSON) and was set aside as doc.corrupt-${STAMP}.json`,
    });
    expect(await readFile(join(dir, `doc.corrupt-${STAMP}.json`), 'utf8')).toBe(
      '{"n": 1, "pad": "tor',
    );
    expect(await docFile().read()).toEqual({ status: 'missing' });
  });

  it('treats an empty (torn) file as unreadable, not as "no file"', async () => {
    await writeFile(path, '');
    const result = await docFile().read();
    expect(result).toMatchObject({ status: 'set-aside', problem: 'unparseable' });
    expect(result.status === 'set-aside' && result.message).toContain('(it is empty)');
  });

  it('sets aside a file of the wrong shape, naming the fields at fault', async () => {
    await writeFile(path, JSON.stringify({ n: 'seven', pad: 'x' }));
    const result = await docFile().read();
    expect(result).toMatchObject({ status: 'set-aside', problem: 'invalid' });
    expect(result.status === 'set-aside' && result.message).toMatch(
      /^doc\.json was not in the expected format \(n: .*expected number.*\) and was set aside as doc\.corrupt-/,
    );
  });

  it('gives each set-aside file its own name, even within the same millisecond', async () => {
    await writeFile(path, 'garbage one');
    await docFile().read();
    await writeFile(path, 'garbage two');
    await docFile().read();
    expect((await readdir(dir)).sort()).toEqual([
      `doc.corrupt-${STAMP}-2.json`,
      `doc.corrupt-${STAMP}.json`,
    ]);
  });

  it('accepts a byte-order mark from a text editor', async () => {
    await writeFile(path, `\uFEFF${JSON.stringify(doc(3))}`);
    expect(await docFile().read()).toEqual({ status: 'ok', value: doc(3) });
  });

  it('clears temp files a crash left behind, without touching other files', async () => {
    await writeFile(join(dir, '.doc.json.123-abcdef.tmp'), '{"n":');
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    await docFile().read();
    expect((await readdir(dir)).sort()).toEqual(['notes.txt']);
  });
});
