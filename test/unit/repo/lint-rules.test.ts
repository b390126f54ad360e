/**
 * `npm run lint` is the guard against two bug classes the compiler lets through: a promise
 * nobody awaits or catches, and an import cycle (type-only ones included). These tests run the
 * project's own ESLint and dependency-cruiser configurations on code that breaks each rule, so a
 * configuration change that silently turns a rule off fails here.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function cruise(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('node_modules/.bin/depcruise', [
      dir,
      '--config',
      '.dependency-cruiser.cjs',
    ]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe('npm run lint', () => {
  it('refuses a floating promise and a promise passed where a callback returns void', async () => {
    const eslint = new ESLint();
    // An existing file of the product, so the type-aware rules see it in its own project.
    const [result] = await eslint.lintText(
      [
        '/** Lint probe. */',
        'async function save(): Promise<void> {}',
        'save();',
        'export const later = (): void => [1].forEach(async () => save());',
        '',
      ].join('\n'),
      { filePath: 'src/main/log/redact-text.ts' },
    );
    const rules = result?.messages.map((message) => message.ruleId);
    expect(rules).toContain('@typescript-eslint/no-floating-promises');
    expect(rules).toContain('@typescript-eslint/no-misused-promises');
  }, 60_000);

  it('refuses an import cycle, a type-only one too', async () => {
    const values = await cruise('test/unit/repo/fixtures/import-cycle');
    expect(values.code).not.toBe(0);
    expect(values.output).toContain('no-circular');
    const types = await cruise('test/unit/repo/fixtures/type-cycle');
    expect(types.code).not.toBe(0);
    expect(types.output).toContain('no-circular');
  }, 60_000);

  it('finds no cycle in src', async () => {
    const src = await cruise('src');
    expect(src.output).toContain('no dependency violations');
    expect(src.code).toBe(0);
  }, 60_000);
});
