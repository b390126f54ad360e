import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  pageHeaders,
  resolveRendererFile,
} from '../../../../src/main/pages/page-policy';

const ROOT = '/srv/botdeck/out/renderer';

describe('renderer file resolution', () => {
  it('maps page and asset paths inside the renderer folder', () => {
    expect(resolveRendererFile(ROOT, '/dashboard/index.html')).toBe(`${ROOT}/dashboard/index.html`);
    expect(resolveRendererFile(ROOT, '/assets/app-1a2b.js')).toBe(`${ROOT}/assets/app-1a2b.js`);
  });

  it.each([
    '/../package.json',
    '/assets/../../secrets.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fmain.js',
    '/.env',
    '/assets\\..\\..\\x',
    '/a%00.html',
    '/%E0%A4%A',
    'relative/path',
  ])('refuses %s', (hostile) => {
    expect(resolveRendererFile(ROOT, hostile)).toBeNull();
  });
});

describe('page headers', () => {
  it('isolates bot pages for the Meeting SDK and leaves the dashboard free to show Zoom avatars', () => {
    const bot = pageHeaders('/bot/index.html', `${ROOT}/bot/index.html`);
    expect(bot['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(bot['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    const dashboard = pageHeaders('/dashboard/index.html', `${ROOT}/dashboard/index.html`);
    expect(dashboard['Cross-Origin-Embedder-Policy']).toBeUndefined();
    expect(dashboard['Content-Security-Policy']).toContain("script-src 'self'");
  });

  it('never allows inline or remote script in the dashboard', () => {
    const csp = contentSecurityPolicy('dashboard');
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('the Meeting SDK in the bot page', () => {
  const botDirective = (name: string): string =>
    contentSecurityPolicy('bot')
      .split('; ')
      .find((d) => d.startsWith(`${name} `)) ?? '';

  it('serves the SDK’s wasm and workers with their types and COEP, so isolated pages may use them', () => {
    const wasm = pageHeaders(
      '/zoom-sdk/lib/av/audio.simd.wasm',
      `${ROOT}/zoom-sdk/lib/av/audio.simd.wasm`,
    );
    expect(wasm['Content-Type']).toBe('application/wasm');
    // Chromium starts a dedicated worker in an isolated page only if its script has COEP too.
    const worker = pageHeaders(
      '/zoom-sdk/lib/av/audio_simd.min.js',
      `${ROOT}/zoom-sdk/lib/av/audio_simd.min.js`,
    );
    expect(worker['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(worker['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(worker['Cross-Origin-Resource-Policy']).toBe('same-origin');
    const sound = pageHeaders(
      '/zoom-sdk/lib/audio/ring.mp3',
      `${ROOT}/zoom-sdk/lib/audio/ring.mp3`,
    );
    expect(sound['Content-Type']).toBe('audio/mpeg');
  });

  it('leaves the dashboard’s shared assets out of isolation', () => {
    const asset = pageHeaders('/assets/dashboard-1a2b.js', `${ROOT}/assets/dashboard-1a2b.js`);
    expect(asset['Cross-Origin-Embedder-Policy']).toBeUndefined();
  });

  it('lets the SDK compile wasm but never eval, and reach Zoom’s apex host for the join', () => {
    expect(botDirective('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(contentSecurityPolicy('bot')).not.toContain("'unsafe-eval'");
    expect(botDirective('connect-src').split(' ')).toEqual(
      expect.arrayContaining(['https://zoom.us', 'https://*.zoom.us', 'wss://*.zoom.us']),
    );
    expect(contentSecurityPolicy('dashboard')).not.toMatch(/connect-src[^;]*zoom/);
  });
});
