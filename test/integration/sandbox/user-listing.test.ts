import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import { accessToken, call, start } from '../../support/sandbox-client';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await start();
  token = await accessToken(sandbox);
  for (const [index, action] of ['custCreate', 'custCreate', 'create'].entries()) {
    const { status } = await call(sandbox, 'POST', '/v2/users', {
      token,
      body: { action, user_info: { email: `listed.${index}@botdeck.example`, type: 1 } },
    });
    expect(status).toBe(201);
  }
});
afterAll(() => sandbox.close());

interface Page {
  page_count: number;
  page_number: number;
  page_size: number;
  total_records: number;
  next_page_token: string;
  users: { email: string; status: string; role_id: string }[];
}
const list = (query: string) => call<Page>(sandbox, 'GET', `/v2/users${query}`, { token });

describe('GET /v2/users (List users)', () => {
  it('lists active users 30 to a page by default, with Zoom’s paging fields', async () => {
    const { status, body, headers } = await list('');
    expect(status).toBe(200);
    expect(body).toMatchObject({ page_count: 1, page_number: 1, page_size: 30, total_records: 3 });
    expect(body.next_page_token).toBe('');
    expect(body.users.map((user) => user.status)).toEqual(['active', 'active', 'active']);
    expect(headers.get('x-ratelimit-category')).toBe('Medium');
  });

  it('walks the pages with next_page_token, or with the older page_number', async () => {
    const first = await list('?page_size=2');
    expect(first.body).toMatchObject({ page_count: 2, total_records: 3 });
    const second = await list(`?page_size=2&next_page_token=${first.body.next_page_token}`);
    expect(second.body).toMatchObject({ page_number: 2, next_page_token: '' });
    const byNumber = await list('?page_size=2&page_number=2');
    expect(byNumber.body.users).toEqual(second.body.users);
    expect([...first.body.users, ...second.body.users].map((user) => user.email)).toContain(
      'listed.1@botdeck.example',
    );
  });

  it('filters by status and role', async () => {
    expect((await list('?status=pending')).body.users.map((user) => user.email)).toEqual([
      'listed.2@botdeck.example',
    ]);
    expect((await list('?role_id=0')).body.users.map((user) => user.role_id)).toEqual(['0']);
  });

  it('refuses a page size above Zoom’s 300 and a token from another query, in Zoom’s shape', async () => {
    const tooBig = await list('?page_size=301');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toMatchObject({ code: 300 });
    const { next_page_token: next } = (await list('?page_size=1')).body;
    const mismatched = await list(`?page_size=1&status=pending&next_page_token=${next}`);
    expect(mismatched.status).toBe(400);
    expect(mismatched.body).toMatchObject({ code: 300 });
  });

  it('answers only a live access token', async () => {
    const { status, body } = await call(sandbox, 'GET', '/v2/users');
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 124 });
  });
});
