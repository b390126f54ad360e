// When `npm run web` rebuilds: only when something the build reads changed, or the build's
// outputs are gone. A throwaway project folder stands for the checkout.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILD_OUTPUTS,
  STAMP_INPUTS,
  buildState,
  writeStamp,
} from '../../../scripts/build-stamp.mjs';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function put(root: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

/** A checkout whose last build is current. */
async function builtCheckout(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'botdeck-stamp-'));
  folders.push(root);
  await put(root, 'package.json', '{"name":"botdeck"}');
  await put(root, 'package-lock.json', '{}');
  await put(root, 'src/main/web/cli.ts', 'export {};');
  await put(root, 'src/renderer/bot/bot.css', 'html {}');
  await put(root, 'README.md', '# Botdeck');
  for (const output of BUILD_OUTPUTS) await put(root, output, 'built');
  const { hash } = await buildState(root);
  await writeStamp(root, hash);
  return root;
}

describe('the build stamp', () => {
  it('says a fresh checkout needs a build, and a stamped one does not', async () => {
    const root = await builtCheckout();
    expect((await buildState(root)).current).toBe(true);
    await rm(join(root, 'out', 'build-stamp.json'));
    expect((await buildState(root)).current).toBe(false);
  });

  it.each([
    ['a source file', 'src/main/web/cli.ts', 'export const changed = 1;'],
    ['a new source file', 'src/shared/new-file.ts', 'export {};'],
    ['a page stylesheet', 'src/renderer/bot/bot.css', 'html { color: red }'],
    ['the lock file', 'package-lock.json', '{"lockfileVersion":3}'],
    ['the Vite config', 'electron.vite.config.ts', 'export default {};'],
  ])('asks for a build when %s changed', async (_what, path, text) => {
    const root = await builtCheckout();
    await put(root, path, text);
    expect((await buildState(root)).current).toBe(false);
  });

  it('needs no build for files the build never reads, or a rewrite with the same content', async () => {
    const root = await builtCheckout();
    await put(root, 'README.md', '# Botdeck, reworded');
    await put(root, 'test/unit/some.test.ts', 'export {};');
    await put(root, 'src/main/web/cli.ts', 'export {};');
    expect((await buildState(root)).current).toBe(true);
  });

  it('asks for a build when an output the web host needs is gone', async () => {
    const root = await builtCheckout();
    await rm(join(root, 'out', 'web-host'), { recursive: true });
    expect((await buildState(root)).current).toBe(false);
  });

  it('covers everything under src/ and every build config', () => {
    expect(STAMP_INPUTS).toEqual(
      expect.arrayContaining(['src', 'electron.vite.config.ts', 'vite.web-host.config.ts']),
    );
    expect(STAMP_INPUTS).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']));
  });
});
