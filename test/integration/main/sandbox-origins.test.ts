/**
 * A web host pointed at a sandbox someone else started lets its own bot pages in over HTTP;
 * when that sandbox will not, the log says the host's bots cannot join.
 */
import { describe, expect, it } from 'vitest';
import { allowPagesOnSandbox } from '../../../src/main/modes/sandbox-origins';
import { startSandbox } from '../../../src/main/sandbox/sandbox-server';
import { recordingLogger } from './recording-logger';

const preflight = (sandboxUrl: string, origin: string) =>
  fetch(`${sandboxUrl}/sandbox/meetings/1/join`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
  });

describe('allowPagesOnSandbox', () => {
  it('registers the host’s origin, after which its pages get CORS', async () => {
    const sandbox = await startSandbox({ port: 0, allowedOrigins: [] });
    try {
      const origin = 'http://127.0.0.1:5173';
      expect((await preflight(sandbox.url, origin)).status).toBe(403);
      const { logger, warnings } = recordingLogger();
      expect(await allowPagesOnSandbox(sandbox.url, origin, fetch, logger)).toBe(true);
      expect(warnings).toEqual([]);
      const allowed = await preflight(sandbox.url, origin);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    } finally {
      await sandbox.close();
    }
  });

  it('says so in the log when the sandbox refuses or cannot be reached', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const { url } = sandbox;
    try {
      const { logger, warnings } = recordingLogger();
      expect(await allowPagesOnSandbox(url, 'not an origin', fetch, logger)).toBe(false);
      await sandbox.close();
      expect(await allowPagesOnSandbox(url, 'http://127.0.0.1:5173', fetch, logger)).toBe(false);
      expect(warnings).toEqual([
        'The sandbox would not let this host’s bot pages in; its bots cannot join',
        'Could not reach the sandbox to let this host’s bot pages in',
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
