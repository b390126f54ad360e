/**
 * Shell logic under an Electron stand-in: bot pages served from a loopback http origin instead
 * of app:// (settings.json `botPageOrigin: "loopback"`), for when Zoom refuses the custom scheme
 * as a join request's origin. Same files, same isolation and policy, same guards.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./stand-in/world')).electronModule);

import { startDesktop, type DesktopKit } from './support/desktop-kit';

let kit: DesktopKit | null = null;
afterEach(async () => {
  await kit?.dispose();
  kit = null;
});

/** GET the bot page with a Host header of our choosing (fetch will not send a custom one). */
function statusWithHost(origin: string, host: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: '/bot/index.html', headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

async function loopbackBot(): Promise<{ kit: DesktopKit; origin: string }> {
  kit = await startDesktop({ settings: { botPageOrigin: 'loopback' } });
  const { botIds } = await kit.launch(['Loopback bot']);
  await kit.waitForBot(botIds[0] as string, (bot) => bot.state === 'in_meeting');
  const page = kit.pages.bots[0];
  if (!page) throw new Error('No bot page');
  return { kit, origin: new URL(page.url).origin };
}

describe('shell logic under a stand-in: bot pages on a loopback origin', () => {
  it('a bot joins from http://127.0.0.1, isolated, with its own policy, the dashboard still on app://', async () => {
    const { kit, origin } = await loopbackBot();
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const [dashboard, bot] = kit.pages.loaded;
    expect(dashboard?.url).toBe('app://botdeck/dashboard/index.html');
    expect(bot?.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(bot?.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const sandbox = new URL(kit.pages.sandboxUrl()).origin;
    expect(bot?.headers.get('content-security-policy')).toContain(`connect-src 'self' ${sandbox}`);
    expect((await kit.snapshot()).bots[0]?.state).toBe('in_meeting');
  });

  it('the guards follow the origin: bots stay on it, and may reach loopback from it only', async () => {
    const { kit, origin } = await loopbackBot();
    const bot = kit.pages.bots[0]?.window.webContents;
    if (!bot) throw new Error('No bot window');
    expect(bot.tryNavigate(`${origin}/bot/index.html#again`)).toBe(true);
    expect(bot.tryNavigate('app://botdeck/bot/index.html')).toBe(false);
    expect(bot.tryNavigate('http://127.0.0.1:1/bot/index.html')).toBe(false);
    expect(await bot.session.askPermission('loopback-network', `${origin}/bot/index.html`)).toBe(
      true,
    );
    expect(await bot.session.askPermission('loopback-network', 'http://127.0.0.1:1/')).toBe(false);
    expect(await bot.session.askPermission('media', `${origin}/bot/index.html`)).toBe(false);
  });

  it('the page server answers only Botdeck’s own bot windows as bots, under its own Host, GET only', async () => {
    const { kit, origin } = await loopbackBot();
    // Another program on this machine: no partition mark, so the policy that reaches nothing.
    const stranger = await fetch(`${origin}/bot/index.html`);
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get('content-security-policy')).toContain("connect-src 'self';");
    const write = await fetch(`${origin}/bot/index.html`, { method: 'POST', body: 'x' });
    expect(write.status).toBe(405);
    // A DNS-rebinding page reaches the port under its own name: refused.
    expect(await statusWithHost(origin, 'evil.example')).toBe(421);
    expect(await statusWithHost(origin, new URL(origin).host)).toBe(200);
    expect((await fetch(`${origin}/../package.json`)).status).toBe(404);

    const report = await kit.pages.dashboardApi().runDiagnostics();
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.checks.find((check) => check.id === 'bot-page-origin')?.message).toContain(
      origin,
    );
  });
});
