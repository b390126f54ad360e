/**
 * The README's "The sandbox alone" section, run as written: its start command and every curl
 * line, with the shell variables it names. Keeps the promise that scripts and curl (no Origin)
 * work exactly as documented while browsers' pages from other origins are refused.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The README section that starts with `heading`, up to the next `## ` heading. */
function section(heading: string): string {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(heading);
  const end = readme.indexOf('\n## ', start + heading.length);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The ```sh blocks of the README section that starts with `heading`. */
function shellBlocks(heading: string): string[][] {
  const blocks = [...section(heading).matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  // A line ending in a backslash continues on the next one, as in the shell.
  return blocks.map((block) =>
    block
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
}

describe('README: the sandbox alone', () => {
  it('starts with the documented command and answers every curl example', async () => {
    const [startBlock, curlBlock] = shellBlocks('### The sandbox alone');
    expect(startBlock).toEqual(['npm run -s sandbox -- --port 0']);
    expect(curlBlock?.every((line) => line.startsWith('curl '))).toBe(true);
    const child = spawn('bash', ['-c', startBlock?.[0] ?? ''], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    try {
      const [first] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const line = JSON.parse(first) as Record<string, string>;
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        URL: line.url ?? '',
        CLIENT_ID: line.clientId ?? '',
        CLIENT_SECRET: line.clientSecret ?? '',
        ACCOUNT_ID: line.accountId ?? '',
        USER_ID: line.userId ?? '',
      };
      const answers: Record<string, unknown>[] = [];
      for (const command of curlBlock ?? []) {
        const { stdout } = await run('bash', ['-c', command], { env });
        const answer = JSON.parse(stdout) as Record<string, unknown>;
        answers.push(answer);
        if (typeof answer.access_token === 'string') env.TOKEN = answer.access_token;
      }
      // The section's one inline command: letting another origin's pages in.
      const allow = /`(curl [^`]*\/sandbox\/allowed-origins")`/.exec(
        section('### The sandbox alone'),
      );
      expect(allow?.[1]).toBeDefined();
      const allowed = JSON.parse((await run('bash', ['-c', allow?.[1] ?? ''], { env })).stdout);
      expect(allowed).toEqual({ allowedOrigins: ['app://botdeck', 'http://127.0.0.1:5173'] });
      const [token, me, users, zak, meeting] = answers;
      expect(token).toMatchObject({ access_token: expect.any(String), token_type: 'bearer' });
      expect(me).toMatchObject({ id: line.userId });
      expect(users).toMatchObject({ total_records: 1, users: [{ id: line.userId }] });
      expect(zak).toMatchObject({ token: expect.any(String) });
      expect(meeting).toMatchObject({ meetingNumber: expect.stringMatching(/^\d{11}$/) });
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
