/**
 * A built renderer as small as the diagnostics checks need: the bot page and one real worker
 * script of the Meeting SDK, laid out as `npm run build` lays them out (out/renderer).
 */
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SDK_WORKERS = 'node_modules/@zoom/meetingsdk/dist/lib/av';

export async function rendererFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'botdeck-renderer-'));
  await mkdir(join(dir, 'bot'));
  await writeFile(join(dir, 'bot', 'index.html'), '<!doctype html><title>Bot</title>');
  const worker = (await readdir(SDK_WORKERS)).filter((name) => name.endsWith('.js')).sort()[0];
  if (worker === undefined) throw new Error(`No Meeting SDK worker script in ${SDK_WORKERS}`);
  await mkdir(join(dir, 'zoom-sdk', 'lib', 'av'), { recursive: true });
  await copyFile(join(SDK_WORKERS, worker), join(dir, 'zoom-sdk', 'lib', 'av', worker));
  return dir;
}
