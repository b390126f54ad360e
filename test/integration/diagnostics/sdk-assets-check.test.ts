import { createServer, type Server } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/main/diagnostics/diagnostic-check';
import {
  httpPageServer,
  sdkAssetsCheck,
  type PageServer,
} from '../../../src/main/diagnostics/sdk-assets-check';
import { silentLogger } from '../../../src/main/log/logger';
import { startWebServer } from '../../../src/main/web/web-server';
import { rendererFixture } from './renderer-fixture';

let rendererDir: string;

beforeEach(async () => {
  rendererDir = await rendererFixture();
});
afterEach(() => rm(rendererDir, { recursive: true, force: true }));

/** The web host's real page server over `dir`. */
const realServer = (dir: string) => async (): Promise<PageServer> => {
  const server = await startWebServer({ rendererDir: dir, logger: silentLogger });
  return httpPageServer(server.origin, fetch, () => server.close());
};

/** A server in front of Botdeck that serves the files but drops every isolation header. */
const strippingServer = (dir: string) => async (): Promise<PageServer> => {
  const server: Server = createServer((request, response) => {
    void readFile(join(dir, request.url ?? '/')).then(
      (body) => response.writeHead(200).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return httpPageServer(
    `http://127.0.0.1:${port}`,
    fetch,
    () => new Promise((resolve) => server.close(() => resolve())),
  );
};

async function run(dir: string, servePages: () => Promise<PageServer>) {
  const [check] = await runChecks([sdkAssetsCheck({ rendererDir: dir, servePages })]);
  if (!check) throw new Error('no check');
  return check;
}

describe('the Meeting SDK files check', () => {
  it('passes when the real page server sends the bot page and an SDK worker with COOP, COEP and CORP', async () => {
    const check = await run(rendererDir, realServer(rendererDir));
    expect(check.status).toBe('ok');
    expect(check.message).toMatch(
      /^The bot page and the SDK's files \(e\.g\. \/zoom-sdk\/lib\/av\/.+\.js\)/,
    );
  });

  it('names each header missing when something in between drops them', async () => {
    const check = await run(rendererDir, strippingServer(rendererDir));
    expect(check.status).toBe('problem');
    expect(check.message).toContain('/bot/index.html came with cross-origin-opener-policy: (none)');
    expect(check.message).toContain('cross-origin-embedder-policy: (none) (needs require-corp)');
    expect(check.message).toContain('cross-origin-resource-policy: (none)');
  });

  it('says to build when the pages or the SDK files are missing', async () => {
    await rm(join(rendererDir, 'zoom-sdk'), { recursive: true });
    const noSdk = await run(rendererDir, realServer(rendererDir));
    expect(noSdk).toMatchObject({
      status: 'problem',
      fix: expect.stringContaining('npm run build'),
    });
    expect(noSdk.message).toContain("The Meeting SDK's files are missing");

    const noBuild = await run(join(rendererDir, 'nothing'), realServer(rendererDir));
    expect(noBuild.message).toContain('The bot page is not built');
  });
});
