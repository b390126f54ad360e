/**
 * Are the Meeting SDK's files served so the SDK can run? Zoom's SDK needs SharedArrayBuffer,
 * which Chromium gives only to a cross-origin isolated page: the bot page must come with
 * COOP same-origin and COEP require-corp, and each SDK file (its media workers in particular)
 * with COEP and a Cross-Origin-Resource-Policy. The check asks a real server over HTTP for the
 * built bot page and a real SDK worker script and reads the headers that came back.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BOT_PAGE_URL_PATH } from '../pages/app-origin';
import { ZOOM_SDK_URL_PREFIX } from '../pages/page-policy';
import { passed, problem, type CheckOutcome, type CheckSpec } from './diagnostic-check';

/**
 * The built pages as this host serves them: the web host's HTTP server, one started for the
 * check, or the desktop app's own app:// handler. Each answers a path with the real response.
 */
export interface PageServer {
  get(path: string): Promise<Response>;
  close(): Promise<void>;
}

/** A page server reached over HTTP at `origin` (http://127.0.0.1:PORT). */
export function httpPageServer(
  origin: string,
  fetchImpl: typeof fetch,
  close: () => Promise<void> = async () => undefined,
): PageServer {
  return {
    get: (path) => fetchImpl(`${origin}${path}`, { signal: AbortSignal.timeout(4_000) }),
    close,
  };
}

export interface SdkAssetsCheckOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  servePages: () => Promise<PageServer>;
}

/** Where the build copies the SDK's audio/video workers (electron.vite.config.ts). */
const SDK_WORKER_DIR = 'zoom-sdk/lib/av';

const REBUILD =
  'Build the pages again (`npm run build`, which copies the SDK from @zoom/meetingsdk), or reinstall Botdeck.';

export function sdkAssetsCheck(options: SdkAssetsCheckOptions): CheckSpec {
  return {
    id: 'sdk-assets',
    title: 'Meeting SDK files and isolation headers',
    required: true,
    timeoutMs: 10_000,
    run: () => checkSdkAssets(options),
  };
}

async function checkSdkAssets(options: SdkAssetsCheckOptions): Promise<CheckOutcome> {
  const botPage = join(options.rendererDir, BOT_PAGE_URL_PATH);
  if (
    !(await stat(botPage).then(
      (info) => info.isFile(),
      () => false,
    ))
  ) {
    return problem(`The bot page is not built: ${botPage} does not exist.`, REBUILD);
  }
  const workers = await readdir(join(options.rendererDir, SDK_WORKER_DIR)).catch(() => []);
  const worker = workers.filter((name) => name.endsWith('.js')).sort()[0];
  if (worker === undefined) {
    return problem(
      `The Meeting SDK's files are missing: ${join(options.rendererDir, SDK_WORKER_DIR)} has no worker scripts.`,
      REBUILD,
    );
  }
  const assetPath = `${ZOOM_SDK_URL_PREFIX}lib/av/${worker}`;
  const server = await options.servePages();
  try {
    const [page, asset] = await Promise.all(
      [BOT_PAGE_URL_PATH, assetPath].map((path) => server.get(path)),
    );
    if (!page || !asset) throw new Error('no answer');
    const wrong = [
      ...headerProblems(BOT_PAGE_URL_PATH, page, {
        'cross-origin-opener-policy': ['same-origin'],
        'cross-origin-embedder-policy': ['require-corp'],
      }),
      ...headerProblems(assetPath, asset, {
        'cross-origin-embedder-policy': ['require-corp'],
        'cross-origin-resource-policy': ['same-origin', 'cross-origin'],
      }),
    ];
    if (wrong.length > 0) {
      return problem(
        `The Meeting SDK would not run in a bot window: ${wrong.join('; ')}.`,
        `${REBUILD} A proxy or server in front of Botdeck must pass these headers through unchanged.`,
      );
    }
    return passed(
      `The bot page and the SDK's files (e.g. ${assetPath}) are served with COOP same-origin, ` +
        'COEP require-corp and CORP, so bot windows can be cross-origin isolated.',
    );
  } finally {
    await server.close();
  }
}

/** What is wrong with one response: its status, or each header that is missing or different. */
function headerProblems(
  path: string,
  response: Response,
  expected: Record<string, readonly string[]>,
): string[] {
  void response.body?.cancel();
  if (response.status !== 200) return [`${path} answered HTTP ${response.status}`];
  const found: string[] = [];
  for (const [name, allowed] of Object.entries(expected)) {
    const value = response.headers.get(name);
    if (value === null || !allowed.includes(value.trim().toLowerCase())) {
      found.push(`${path} came with ${name}: ${value ?? '(none)'} (needs ${allowed.join(' or ')})`);
    }
  }
  return found;
}
