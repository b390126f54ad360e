import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

describe('sandbox CLI', () => {
  it('prints exactly one JSON line, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(
      'node_modules/.bin/tsx',
      ['src/main/sandbox/cli.ts', '--port', '0', '--light-limit', '7'],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const lines: string[] = [];
      const reader = createInterface({ input: child.stdout });
      reader.on('line', (line) => lines.push(line));
      const [first] = (await once(reader, 'line')) as [string];
      const line = JSON.parse(first) as Record<string, string>;
      expect(Object.keys(line).sort()).toEqual(
        ['accountId', 'clientId', 'clientSecret', 'sdkKey', 'sdkSecret', 'url', 'userId'].sort(),
      );
      expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const basic = Buffer.from(`${line.clientId}:${line.clientSecret}`).toString('base64');
      const token = await fetch(
        `${line.url}/oauth/token?grant_type=account_credentials&account_id=${line.accountId}`,
        { method: 'POST', headers: { Authorization: `Basic ${basic}` } },
      );
      expect(token.status).toBe(200);
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      const me = await fetch(`${line.url}/v2/users/me`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      expect(me.headers.get('x-ratelimit-limit')).toBe('7');
      expect((await fetch(`${line.url}/sandbox/audit`)).status).toBe(200);

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      expect(lines).toEqual([first]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
